/**
 * Input formats, told apart by their magic bytes only (never by name or declared type), and the
 * image size limits of Read 3.2.
 */
import { ReadApiError } from './errors';

export type InputFormat = 'png' | 'jpeg' | 'bmp' | 'tiff' | 'pdf';

/** Read 3.2 accepts images from 50 x 50 to 10000 x 10000 pixels. */
export const MIN_IMAGE_SIDE = 50;
export const MAX_IMAGE_SIDE = 10_000;
/** Read 3.2 accepts image files under 500 MB. */
export const MAX_IMAGE_BYTES = 500 * 1024 * 1024;

/** The formats this build decodes: all of Read 3.2's. */
export const SUPPORTED_FORMATS: readonly InputFormat[] = ['png', 'jpeg', 'bmp', 'tiff', 'pdf'];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((byte, i) => bytes[at + i] === byte);
}

/** The format of a file from its first bytes, or null when it is none of Read 3.2's. */
export function sniffFormat(bytes: Uint8Array): InputFormat | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x42, 0x4d]) && bytes.length >= 26) return 'bmp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return 'tiff';
  }
  // PDF readers accept the header anywhere in the first 1024 bytes.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  return null;
}

export interface Dimensions {
  width: number;
  height: number;
}

/**
 * Width and height from the header of a PNG, JPEG or BMP, without decoding the pixels,
 * so that an image out of bounds is refused at once with a 400. Null when the header is unreadable.
 */
export function headerDimensions(bytes: Uint8Array, format: InputFormat): Dimensions | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (format === 'png') return { width: view.getUint32(16), height: view.getUint32(20) };
    if (format === 'bmp') {
      return { width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
    }
    if (format === 'jpeg') return jpegDimensions(view);
  } catch {
    // A header cut short: the decoder will report the file as invalid.
    return null;
  }
  return null;
}

/** Walks JPEG markers to the first start-of-frame (SOF0..SOF15 except DHT, JPG and DAC). */
function jpegDimensions(view: DataView): Dimensions | null {
  let offset = 2;
  while (offset + 9 < view.byteLength) {
    if (view.getUint8(offset) !== 0xff) return null;
    const marker = view.getUint8(offset + 1);
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const isStartOfFrame =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) {
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    }
    offset += 2 + view.getUint16(offset + 2);
  }
  return null;
}

/** Throws InvalidImageSize unless the image is within Read 3.2's bounds. */
export function assertImageDimensions({ width, height }: Dimensions): void {
  const fits = (side: number) => side >= MIN_IMAGE_SIDE && side <= MAX_IMAGE_SIDE;
  if (!fits(width) || !fits(height)) {
    throw new ReadApiError(
      'InvalidImageSize',
      `Image must be between ${MIN_IMAGE_SIDE}x${MIN_IMAGE_SIDE} and ${MAX_IMAGE_SIDE}x${MAX_IMAGE_SIDE} pixels; this one is ${width}x${height}.`,
    );
  }
}

/**
 * Checks an uploaded file: not empty, of a format this build reads, and (where the header says)
 * of an allowed size. Returns its format.
 */
export function validateUpload(bytes: Uint8Array): InputFormat {
  if (bytes.byteLength === 0) {
    throw new ReadApiError('InvalidImageSize', 'The input is empty.');
  }
  if (bytes.byteLength > MAX_IMAGE_BYTES) {
    throw new ReadApiError('InvalidImageSize', 'The input is larger than 500 MB.');
  }
  const format = sniffFormat(bytes);
  if (format === null || !SUPPORTED_FORMATS.includes(format)) {
    throw new ReadApiError(
      'InvalidImageFormat',
      `Input data is not a valid image. Supported formats: ${SUPPORTED_FORMATS.join(', ').toUpperCase()}.`,
    );
  }
  const dimensions = headerDimensions(bytes, format);
  if (dimensions) assertImageDimensions(dimensions);
  return format;
}
