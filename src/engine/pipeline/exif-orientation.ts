/**
 * The EXIF orientation of a JPEG: how the stored pixels must be turned to be seen upright.
 * Azure reports an image's boxes on its pixels as stored, with `angle` saying how the text lies;
 * browsers always apply the orientation when they decode (Chromium ignores
 * `imageOrientation: 'none'`), so the tag is neutralised in a copy before decoding and the turn
 * is handed to the reader instead.
 */
import type { QuarterTurns } from './page-transform';

export interface ExifOrientation {
  /** 1..8, as EXIF defines it. */
  value: number;
  /** Where the tag's value (a SHORT) sits in the file. */
  offset: number;
  littleEndian: boolean;
}

const ORIENTATION_TAG = 0x0112;

/** Finds the orientation tag in IFD0 of the first APP1 Exif segment; null when absent. */
export function readExifOrientation(bytes: Uint8Array): ExifOrientation | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    let offset = 2;
    while (offset + 4 <= view.byteLength && view.getUint8(offset) === 0xff) {
      const marker = view.getUint8(offset + 1);
      const length = view.getUint16(offset + 2);
      if (marker === 0xda) return null; // Start of scan: no more metadata.
      if (marker === 0xe1 && view.getUint32(offset + 4) === 0x45786966) return fromTiff(view, offset + 10);
      offset += 2 + length;
    }
  } catch {
    // A segment runs past the end: no usable orientation.
  }
  return null;
}

function fromTiff(view: DataView, tiff: number): ExifOrientation | null {
  const littleEndian = view.getUint16(tiff) === 0x4949;
  const ifd = tiff + view.getUint32(tiff + 4, littleEndian);
  const count = view.getUint16(ifd, littleEndian);
  for (let i = 0; i < count; i += 1) {
    const entry = ifd + 2 + i * 12;
    if (view.getUint16(entry, littleEndian) === ORIENTATION_TAG) {
      return { value: view.getUint16(entry + 8, littleEndian), offset: entry + 8, littleEndian };
    }
  }
  return null;
}

/** Clockwise quarter turns that make the stored pixels upright; null for mirrored orientations. */
export function turnsForOrientation(value: number): QuarterTurns | null {
  const turns: Record<number, QuarterTurns> = { 1: 0, 3: 2, 6: 1, 8: 3 };
  return turns[value] ?? null;
}

/** A copy of the file whose orientation says "as stored" (1), so a decoder leaves the pixels be. */
export function withoutOrientation(bytes: Uint8Array<ArrayBuffer>, tag: ExifOrientation): Uint8Array<ArrayBuffer> {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint16(tag.offset, 1, tag.littleEndian);
  return copy;
}
