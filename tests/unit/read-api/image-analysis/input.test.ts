import { describe, expect, it } from 'vitest';
import { ImageAnalysisError } from '../../../../src/read-api/image-analysis/errors';
import { validateImageAnalysisInput } from '../../../../src/read-api/image-analysis/input';
import { pngHeader, readFixture } from '../../helpers/fixtures';

function refusal(bytes: Uint8Array) {
  try {
    validateImageAnalysisInput(bytes);
  } catch (reason) {
    if (reason instanceof ImageAnalysisError) return { status: reason.status, ...reason.toBody().error };
    throw reason;
  }
  throw new Error('the input was accepted');
}

describe('validateImageAnalysisInput', () => {
  it('accepts the images our engine reads, by their bytes', () => {
    expect(validateImageAnalysisInput(readFixture('real-testocr.png'))).toBe('png');
    expect(validateImageAnalysisInput(readFixture('syn-receipt-photo.jpg'))).toBe('jpeg');
  });

  it('refuses an empty body and one over 20971520 bytes with the service message', () => {
    for (const bytes of [new Uint8Array(0), new Uint8Array(20_971_521)]) {
      expect(refusal(bytes)).toMatchObject({
        status: 400,
        code: 'InvalidRequest',
        message: 'The image size is not allowed to be zero or larger than 20971520 bytes.',
        innererror: { code: 'InvalidImageSize' },
      });
    }
  });

  it('refuses what is not an image, a PDF included, with InvalidImageFormat inside', () => {
    for (const bytes of [new TextEncoder().encode('<html>'), new TextEncoder().encode('%PDF-1.7\n'), new TextEncoder().encode('GIF89a......')]) {
      expect(refusal(bytes)).toMatchObject({ status: 400, code: 'InvalidRequest', message: 'Image format is not valid.', innererror: { code: 'InvalidImageFormat' } });
    }
  });

  it('wants more than 50 and fewer than 16000 pixels a side, and says where our engine stops (10000)', () => {
    expect(validateImageAnalysisInput(pngHeader(51, 51))).toBe('png');
    for (const [width, height] of [[50, 100], [100, 40], [16_000, 100]] as const) {
      expect(refusal(pngHeader(width, height))).toMatchObject({ status: 400, code: 'InvalidRequest', innererror: { code: 'InvalidImageDimension' } });
    }
    expect(refusal(pngHeader(12_000, 100)).message).toContain('This installation reads images up to 10000 x 10000 pixels');
  });
});
