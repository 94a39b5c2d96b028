import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeImage } from '../../../../src/engine/pipeline/decode-image';
import { ReadApiError } from '../../../../src/read-api/errors';
import { pngHeader } from '../../helpers/fixtures';
import { stubImageDecoding, stubUndecodableImages } from '../../helpers/canvas-stub';

const BYTES = pngHeader(60, 50);

/** The luma bytes of a PGM (everything after its header). */
function pixelsOf(pgm: Uint8Array, count: number): number[] {
  return Array.from(pgm.subarray(pgm.length - count));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('decodeImage', () => {
  it('returns a greyscale page of the decoded size', async () => {
    stubImageDecoding(60, 50, [0, 0, 0, 255]);
    const page = await decodeImage(BYTES);
    expect([page.width, page.height]).toEqual([60, 50]);
    expect(pixelsOf(page.pgm, 60 * 50).every((value) => value === 0)).toBe(true);
  });

  it('reads transparent pixels as white', async () => {
    stubImageDecoding(50, 50, [0, 0, 0, 0]);
    const page = await decodeImage(BYTES);
    expect(pixelsOf(page.pgm, 50 * 50).every((value) => value === 255)).toBe(true);
  });

  it('rejects bytes the browser cannot decode with InvalidImageFormat', async () => {
    stubUndecodableImages();
    await expect(decodeImage(BYTES)).rejects.toMatchObject({ name: 'ReadApiError', code: 'InvalidImageFormat' });
  });

  it('rejects a decoded image under 50 pixels a side with InvalidImageSize and closes the bitmap', async () => {
    const stub = stubImageDecoding(49, 400, [255, 255, 255, 255]);
    const failure = decodeImage(BYTES);
    await expect(failure).rejects.toBeInstanceOf(ReadApiError);
    await expect(failure).rejects.toMatchObject({ code: 'InvalidImageSize' });
    expect(stub.closed).toBe(1);
  });

  it('closes the bitmap after a successful decode', async () => {
    const stub = stubImageDecoding(50, 50, [10, 20, 30, 255]);
    await decodeImage(BYTES);
    expect(stub.closed).toBe(1);
  });
});
