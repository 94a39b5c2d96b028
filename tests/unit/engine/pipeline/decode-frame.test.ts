import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeFrame } from '../../../../src/engine/pipeline/decode-frame';
import { ReadApiError } from '../../../../src/read-api/errors';

interface FakeFrame {
  format: string | null;
  width: number;
  height: number;
  /** The frame's bytes as copyTo writes them; for planar formats, the Y plane first. */
  bytes: number[];
  lumaStride?: number;
  fullRange?: boolean;
  rotation?: number;
  flip?: boolean;
}

/** An ImageDecoder whose first frame is `frame`, or one that fails to decode when it is null. */
function stubDecoder(frame: FakeFrame | null, supported = true) {
  const closed = { decoder: 0, frame: 0 };
  class FakeImageDecoder {
    static isTypeSupported = () => Promise.resolve(supported);
    decode() {
      if (!frame) return Promise.reject(new DOMException('Failed to decode frame at index 0', 'EncodingError'));
      const image = {
        format: frame.format,
        codedWidth: frame.width,
        codedHeight: frame.height,
        visibleRect: { x: 0, y: 0, width: frame.width, height: frame.height },
        colorSpace: { fullRange: frame.fullRange ?? true },
        rotation: frame.rotation ?? 0,
        flip: frame.flip ?? false,
        allocationSize: () => frame.bytes.length,
        /** A `rect` (4-byte formats) copies its rows of the frame, as a VideoFrame does. */
        copyTo(target: Uint8Array, options?: { rect?: { y: number; height: number } }) {
          const rowBytes = frame.width * 4;
          const { y, height } = options?.rect ?? { y: 0, height: frame.height };
          target.set(options?.rect ? frame.bytes.slice(y * rowBytes, (y + height) * rowBytes) : frame.bytes);
          return Promise.resolve([{ offset: 0, stride: frame.lumaStride ?? frame.width * 4 }]);
        },
        close: () => (closed.frame += 1),
      };
      return Promise.resolve({ image, complete: true });
    }
    close() {
      closed.decoder += 1;
    }
  }
  vi.stubGlobal('ImageDecoder', FakeImageDecoder);
  return closed;
}

const BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
/** 50 x 50 pixels of one 4-byte value. */
const square = (pixel: number[]) => Array.from({ length: 50 * 50 }, () => pixel).flat();
const greyOf = (pgm: Uint8Array, count: number) => Array.from(pgm.subarray(pgm.length - count));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('decodeFrame', () => {
  it('reads a BGRX frame with blue in its first byte', async () => {
    stubDecoder({ format: 'BGRX', width: 50, height: 50, bytes: square([200, 10, 0, 0]) });
    const page = await decodeFrame(BYTES, 'png');
    expect([page?.width, page?.height]).toEqual([50, 50]);
    expect(new Set(greyOf(page!.pgm, 2500))).toEqual(new Set([(0 * 77 + 10 * 150 + 200 * 29) >> 8]));
  });

  it('takes the Y plane of a JPEG as the grey, row by row past the stride', async () => {
    const luma = Array.from({ length: 50 }, (_, row) => [...Array.from({ length: 50 }, () => row), 0, 0]).flat();
    stubDecoder({ format: 'I420', width: 50, height: 50, bytes: [...luma, ...new Array(2 * 25 * 25).fill(128)], lumaStride: 52 });
    const page = await decodeFrame(BYTES, 'jpeg');
    const grey = greyOf(page!.pgm, 2500);
    expect(grey.slice(0, 50).every((value) => value === 0)).toBe(true);
    expect(grey.slice(49 * 50).every((value) => value === 49)).toBe(true);
  });

  it('puts every row of a tall 4-byte frame in its place, band after band', async () => {
    const [width, height] = [50, 150];
    const rows = Array.from({ length: height }, (_, row) => Array.from({ length: width }, () => [row, row, row, 255]).flat());
    stubDecoder({ format: 'RGBX', width, height, bytes: rows.flat() });
    const grey = greyOf((await decodeFrame(BYTES, 'png'))!.pgm, width * height);
    const rowGrey = Array.from({ length: height }, (_, row) => grey[row * width]);
    expect(rowGrey).toEqual(Array.from({ length: height }, (_, row) => (row * 256) >> 8));
    expect(grey.every((value, i) => value === rowGrey[Math.floor(i / width)])).toBe(true);
  });

  it('declines a frame with one transparent pixel in a later band', async () => {
    const bytes = Array.from({ length: 50 * 150 }, () => [9, 9, 9, 255]).flat();
    bytes[(140 * 50 + 7) * 4 + 3] = 0;
    stubDecoder({ format: 'BGRA', width: 50, height: 150, bytes });
    expect(await decodeFrame(BYTES, 'png')).toBeNull();
  });

  it('declines a frame with transparent pixels: the canvas composites them onto white', async () => {
    stubDecoder({ format: 'BGRA', width: 50, height: 50, bytes: square([0, 0, 0, 0]) });
    expect(await decodeFrame(BYTES, 'png')).toBeNull();
  });

  it('reads a BGRA frame whose pixels are all opaque', async () => {
    stubDecoder({ format: 'BGRA', width: 50, height: 50, bytes: square([0, 0, 0, 255]) });
    expect(greyOf((await decodeFrame(BYTES, 'png'))!.pgm, 2500).every((value) => value === 0)).toBe(true);
  });

  it('declines frames the browser would turn or mirror, limited-range luma and unknown formats', async () => {
    const frames: FakeFrame[] = [
      { format: 'I420', width: 50, height: 50, bytes: new Array(3750).fill(0), lumaStride: 50, rotation: 90 },
      { format: 'I420', width: 50, height: 50, bytes: new Array(3750).fill(0), lumaStride: 50, flip: true },
      { format: 'I420', width: 50, height: 50, bytes: new Array(3750).fill(0), lumaStride: 50, fullRange: false },
      { format: null, width: 50, height: 50, bytes: [] },
    ];
    for (const frame of frames) {
      stubDecoder(frame);
      expect(await decodeFrame(BYTES, 'jpeg')).toBeNull();
    }
  });

  it('declines what it cannot decode, and formats it does not support, leaving the error to the canvas', async () => {
    stubDecoder(null);
    expect(await decodeFrame(BYTES, 'png')).toBeNull();
    stubDecoder({ format: 'BGRX', width: 50, height: 50, bytes: square([0, 0, 0, 0]) }, false);
    expect(await decodeFrame(BYTES, 'bmp')).toBeNull();
  });

  it('throws the size error of Read 3.2 for an image too small, and closes what it opened', async () => {
    const closed = stubDecoder({ format: 'BGRX', width: 40, height: 50, bytes: new Array(40 * 50 * 4).fill(0) });
    await expect(decodeFrame(BYTES, 'png')).rejects.toBeInstanceOf(ReadApiError);
    expect(closed).toEqual({ decoder: 1, frame: 1 });
  });

  it('is not used where there is no ImageDecoder', async () => {
    vi.stubGlobal('ImageDecoder', undefined);
    expect(await decodeFrame(BYTES, 'png')).toBeNull();
  });
});
