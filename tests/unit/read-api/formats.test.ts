import { describe, expect, it } from 'vitest';
import { ReadApiError } from '../../../src/read-api/errors';
import {
  MAX_IMAGE_SIDE,
  MIN_IMAGE_SIDE,
  assertImageDimensions,
  headerDimensions,
  sniffFormat,
  validateUpload,
} from '../../../src/read-api/formats';
import { bmpHeader, bytesOf, jpegHeader, pngHeader, readFixture } from '../helpers/fixtures';

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ReadApiError);
    return (error as ReadApiError).code;
  }
  return undefined;
}

/** `length` bytes of filler followed by `suffix`: a file whose header starts late. */
function padded(length: number, suffix: string): Uint8Array<ArrayBuffer> {
  return bytesOf(...new Array<number>(length).fill(0x20), suffix);
}

describe('sniffFormat', () => {
  it.each([
    ['a PNG header', pngHeader(60, 60), 'png'],
    ['a real PNG file', readFixture('bad/min-50x50.png'), 'png'],
    ['a JPEG header', jpegHeader(60, 60), 'jpeg'],
    ['a real JPEG file', readFixture('real-exif-rotated.jpg'), 'jpeg'],
    ['a BMP header', bmpHeader(60, 60), 'bmp'],
    ['a little-endian (II) TIFF', bytesOf('II', 0x2a, 0x00, 8, 0, 0, 0), 'tiff'],
    ['a big-endian (MM) TIFF', bytesOf('MM', 0x00, 0x2a, 0, 0, 0, 8), 'tiff'],
    ['a real TIFF header', readFixture('bad/corrupt.tif'), 'tiff'],
    ['a PDF header at the start', bytesOf('%PDF-1.7\n'), 'pdf'],
    ['a PDF header after 1000 bytes of junk', padded(1000, '%PDF-1.4\n'), 'pdf'],
  ] as const)('recognises %s', (_name, bytes, format) => {
    expect(sniffFormat(bytes)).toBe(format);
  });

  it.each([
    ['a GIF', readFixture('bad/unsupported.gif')],
    ['a WebP', readFixture('bad/unsupported.webp')],
    ['an SVG named .jpg', readFixture('bad/svg-named.jpg')],
    ['text named .png', readFixture('bad/text-file.png')],
    ['HTML named .pdf', readFixture('bad/html-named.pdf')],
    ['a PDF header past the first 1024 bytes', padded(1024, '%PDF-1.4\n')],
    ['a lone "BM" (too short for a BMP header)', bytesOf('BM', 0, 0)],
    ['a PNG signature cut short', bytesOf(0x89, 'PNG')],
    ['an empty file', new Uint8Array(0)],
  ])('answers null for %s', (_name, bytes) => {
    expect(sniffFormat(bytes)).toBeNull();
  });
});

describe('headerDimensions', () => {
  it('reads width and height from a PNG IHDR', () => {
    expect(headerDimensions(pngHeader(321, 123), 'png')).toEqual({ width: 321, height: 123 });
  });

  it('reads the size of real PNG files', () => {
    expect(headerDimensions(readFixture('bad/tiny-40x40.png'), 'png')).toEqual({ width: 40, height: 40 });
    expect(headerDimensions(readFixture('bad/wide-10001x60.png'), 'png')).toEqual({ width: 10001, height: 60 });
  });

  it('reads a JPEG frame header past other segments and fill bytes', () => {
    expect(headerDimensions(jpegHeader(640, 480), 'jpeg')).toEqual({ width: 640, height: 480 });
  });

  it('reads the stored (unrotated) size of a real JPEG with EXIF', () => {
    expect(headerDimensions(readFixture('real-exif-rotated.jpg'), 'jpeg')).toEqual({ width: 180, height: 320 });
  });

  it('reads a BMP size, taking a top-down (negative) height as positive', () => {
    expect(headerDimensions(bmpHeader(77, 55), 'bmp')).toEqual({ width: 77, height: 55 });
    expect(headerDimensions(bmpHeader(77, -55), 'bmp')).toEqual({ width: 77, height: 55 });
  });

  it('answers null for a header cut short instead of throwing', () => {
    expect(headerDimensions(pngHeader(60, 60).subarray(0, 18), 'png')).toBeNull();
    expect(headerDimensions(jpegHeader(60, 60).subarray(0, 30), 'jpeg')).toBeNull();
  });

  it('answers null for a JPEG whose segments do not start with 0xFF', () => {
    expect(headerDimensions(bytesOf(0xff, 0xd8, 0x00, 0xe0, ...new Array<number>(20).fill(0)), 'jpeg')).toBeNull();
  });

  it('reads from a view into a larger buffer at its own offset', () => {
    const buffer = new Uint8Array(100);
    buffer.set(pngHeader(90, 70), 10);
    expect(headerDimensions(buffer.subarray(10), 'png')).toEqual({ width: 90, height: 70 });
  });
});

describe('assertImageDimensions', () => {
  it('accepts both bounds exactly', () => {
    expect(() => assertImageDimensions({ width: MIN_IMAGE_SIDE, height: MAX_IMAGE_SIDE })).not.toThrow();
  });

  it.each([
    [MIN_IMAGE_SIDE - 1, 100],
    [100, MIN_IMAGE_SIDE - 1],
    [MAX_IMAGE_SIDE + 1, 100],
    [100, MAX_IMAGE_SIDE + 1],
  ])('rejects %ix%i with InvalidImageSize', (width, height) => {
    expect(codeOf(() => assertImageDimensions({ width, height }))).toBe('InvalidImageSize');
  });
});

describe('validateUpload', () => {
  it('rejects an empty upload with InvalidImageSize', () => {
    expect(codeOf(() => validateUpload(new Uint8Array(0)))).toBe('InvalidImageSize');
  });

  it.each(['bad/text-file.png', 'bad/html-named.pdf', 'bad/svg-named.jpg'])(
    'rejects %s, which is not an image whatever its name, with InvalidImageFormat',
    (name) => {
      expect(codeOf(() => validateUpload(readFixture(name)))).toBe('InvalidImageFormat');
    },
  );

  it.each(['bad/unsupported.gif', 'bad/unsupported.webp'])('rejects %s with InvalidImageFormat', (name) => {
    expect(codeOf(() => validateUpload(readFixture(name)))).toBe('InvalidImageFormat');
  });

  it('rejects a 40x40 PNG with InvalidImageSize', () => {
    expect(codeOf(() => validateUpload(readFixture('bad/tiny-40x40.png')))).toBe('InvalidImageSize');
  });

  it('rejects a 10001x60 PNG with InvalidImageSize', () => {
    expect(codeOf(() => validateUpload(readFixture('bad/wide-10001x60.png')))).toBe('InvalidImageSize');
  });

  it('rejects a JPEG and a BMP whose headers are too small with InvalidImageSize', () => {
    expect(codeOf(() => validateUpload(jpegHeader(49, 400)))).toBe('InvalidImageSize');
    expect(codeOf(() => validateUpload(bmpHeader(400, -10_001)))).toBe('InvalidImageSize');
  });

  it('accepts PNGs of exactly the minimum and the maximum side', () => {
    expect(validateUpload(readFixture('bad/min-50x50.png'))).toBe('png');
    expect(validateUpload(readFixture('bad/wide-10000x60.png'))).toBe('png');
  });

  it('accepts JPEG and BMP within bounds and names their format', () => {
    expect(validateUpload(readFixture('real-exif-rotated.jpg'))).toBe('jpeg');
    expect(validateUpload(bmpHeader(50, 50))).toBe('bmp');
  });

  it('leaves an image whose header gives no size to the decoder', () => {
    expect(validateUpload(jpegHeader(60, 60).subarray(0, 30))).toBe('jpeg');
  });
});
