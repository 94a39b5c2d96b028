import { describe, expect, it } from 'vitest';
import {
  readExifOrientation,
  turnsForOrientation,
  withoutOrientation,
} from '../../../../src/engine/pipeline/exif-orientation';
import { readFixture } from '../../helpers/fixtures';

/** A JPEG start with an APP1 Exif segment whose IFD0 holds only an orientation tag. */
function jpegWithOrientation(value: number, littleEndian: boolean): Uint8Array<ArrayBuffer> {
  const tiff = new DataView(new ArrayBuffer(26));
  tiff.setUint16(0, littleEndian ? 0x4949 : 0x4d4d);
  tiff.setUint16(2, 42, littleEndian);
  tiff.setUint32(4, 8, littleEndian);
  tiff.setUint16(8, 1, littleEndian);
  tiff.setUint16(10, 0x0112, littleEndian);
  tiff.setUint16(12, 3, littleEndian);
  tiff.setUint32(14, 1, littleEndian);
  tiff.setUint16(18, value, littleEndian);
  const app1 = [0xff, 0xe1, 0, 2 + 6 + 26, 0x45, 0x78, 0x69, 0x66, 0, 0];
  return new Uint8Array([0xff, 0xd8, ...app1, ...new Uint8Array(tiff.buffer), 0xff, 0xda, 0, 2]);
}

describe('readExifOrientation', () => {
  it('reads the orientation of a JPEG stored sideways', () => {
    expect(readExifOrientation(readFixture('real-exif-rotated.jpg'))?.value).toBe(6);
  });

  it.each([true, false])('reads the tag in either byte order (little endian: %s)', (littleEndian) => {
    expect(readExifOrientation(jpegWithOrientation(8, littleEndian))?.value).toBe(8);
  });

  it('finds nothing in a JPEG without EXIF, or one cut short', () => {
    expect(readExifOrientation(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBeNull();
    expect(readExifOrientation(jpegWithOrientation(6, true).subarray(0, 20))).toBeNull();
  });
});

describe('turnsForOrientation', () => {
  it('turns the stored pixels upright by quarter turns clockwise', () => {
    expect([1, 3, 6, 8].map(turnsForOrientation)).toEqual([0, 2, 1, 3]);
  });

  it('has no turn for mirrored orientations', () => {
    expect([2, 4, 5, 7].map(turnsForOrientation)).toEqual([null, null, null, null]);
  });
});

describe('withoutOrientation', () => {
  it('returns a copy that says "as stored", leaving the original as it was', () => {
    const original = jpegWithOrientation(6, false);
    const copy = withoutOrientation(original, readExifOrientation(original)!);
    expect(readExifOrientation(copy)?.value).toBe(1);
    expect(readExifOrientation(original)?.value).toBe(6);
  });
});
