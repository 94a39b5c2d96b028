/**
 * A decoded page as the OCR engine takes it: 8-bit greyscale in a binary PGM file, which
 * Leptonica reads directly. (Encoding PNG costs hundreds of ms a page; tesseract.js converts
 * BMP through a slow JavaScript decoder. A PGM header is a dozen bytes.)
 */
export interface RasterPage {
  width: number;
  height: number;
  /** A complete P5 PGM file. */
  pgm: Uint8Array<ArrayBuffer>;
  /** The resolution the page was rendered at, or is assumed to have; absent: tesseract estimates it. */
  dpi?: number;
}

/** Chromium leaves an OffscreenCanvas above 2^28 pixels blank without an error: decoders draw no larger. */
export const MAX_CANVAS_PIXELS = 2 ** 28;

/** Below this many pixels on its longer side, an image is taken for a low-resolution scan. */
const LOW_RESOLUTION_SIDE = 1200;

/**
 * Whether a page is small enough to be a low-resolution scan (about 100 dpi for a letter page).
 * Such pages are neither declared 300 dpi nor deskewed: turning one blurs its small text, and on
 * a 100 dpi form tesseract measured a 2 degree skew from the field underlines that was not there
 * (CER 0.26 read as it is, 0.48 deskewed).
 */
export function isLowResolution(width: number, height: number): boolean {
  return Math.max(width, height) < LOW_RESOLUTION_SIDE;
}

/**
 * The resolution to tell tesseract an image has, which sets how small text may be before it is
 * taken for noise. Images carry no trustworthy resolution, so: 300 dpi for large images (scans,
 * photos; on the corpus this reads receipts with a third of the errors of tesseract's own
 * estimate), and tesseract's estimate from the text's height for small ones (a 1000 px, 100 dpi
 * form declared 300 dpi lost 40 % of its text).
 */
export function assumedDpi(width: number, height: number): number | undefined {
  return isLowResolution(width, height) ? undefined : 300;
}

/** The page with the resolution tesseract should assume (see assumedDpi). */
export function withAssumedDpi(raster: RasterPage): RasterPage {
  const dpi = assumedDpi(raster.width, raster.height);
  return dpi ? { ...raster, dpi } : raster;
}

/** A new PGM file of `width` x `height`, its header written; `pixels` is the view to fill. */
export function allocatePgm(width: number, height: number): { pgm: Uint8Array<ArrayBuffer>; pixels: Uint8Array<ArrayBuffer> } {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const pgm = new Uint8Array(header.length + width * height);
  pgm.set(header);
  return { pgm, pixels: pgm.subarray(header.length) };
}

/** The pixels of a page, row by row, without the PGM header. */
export function pixelsOf(raster: RasterPage): Uint8Array<ArrayBuffer> {
  return raster.pgm.subarray(raster.pgm.length - raster.width * raster.height);
}

/** Whether this machine stores the low byte of a word first (every browser's platform does). */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** Where red and blue sit in a pixel's four bytes: canvases give RGBA, decoded frames often BGRA. */
export type ChannelOrder = 'rgba' | 'bgra';

/** Integer weights of red, green and blue (sum 256) for ITU-R BT.601 luma, 0.299/0.587/0.114. */
const [RED, GREEN, BLUE] = [77, 150, 29];

/** The grey of one pixel: every converter here weighs colour the same, so a page's grey is one whichever way it came. */
export function luma(red: number, green: number, blue: number): number {
  return (red * RED + green * GREEN + blue * BLUE) >> 8;
}

/**
 * Greyscale (ITU-R BT.601 luma) of 4-byte pixels that are opaque or already composited onto
 * white; the fourth byte is not read.
 */
export function rgbaToPgm(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number, order: ChannelOrder = 'rgba'): RasterPage {
  const { pgm, pixels } = allocatePgm(width, height);
  rgbaToGrey(rgba, pixels, order);
  return { width, height, pgm };
}

/**
 * Writes the grey of the first `grey.length` 4-byte pixels of `rgba` into `grey` (see
 * rgbaToPgm). Read a pixel at a time as one 32-bit word: a 300 dpi page is 8.7 million of them,
 * and byte by byte the loop took a tenth of a second of the engine's thread.
 */
export function rgbaToGrey(rgba: Uint8ClampedArray | Uint8Array, grey: Uint8Array, order: ChannelOrder = 'rgba'): void {
  const [first, third] = order === 'rgba' ? [RED, BLUE] : [BLUE, RED];
  if (LITTLE_ENDIAN && rgba.byteOffset % 4 === 0) {
    const words = new Uint32Array(rgba.buffer, rgba.byteOffset, grey.length);
    for (let i = 0; i < words.length; i += 1) {
      const v = words[i]!;
      grey[i] = ((v & 0xff) * first + ((v >>> 8) & 0xff) * GREEN + ((v >>> 16) & 0xff) * third) >> 8;
    }
  } else {
    for (let source = 0, target = 0; target < grey.length; source += 4, target += 1) {
      grey[target] = (rgba[source]! * first + rgba[source + 1]! * GREEN + rgba[source + 2]! * third) >> 8;
    }
  }
}

/** Whether every 4-byte pixel's fourth byte (its alpha) is 255. */
export function isOpaque(rgba: Uint8ClampedArray | Uint8Array): boolean {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) return false;
  return true;
}

/**
 * A page from a luma plane (a JPEG's Y, full range), `stride` bytes a row: the grey the reader
 * wants is already there, with no colour to convert and no RGBA to allocate.
 */
export function lumaToPgm(plane: Uint8Array, stride: number, width: number, height: number): RasterPage {
  const { pgm, pixels } = allocatePgm(width, height);
  if (stride === width) pixels.set(plane.subarray(0, width * height));
  else for (let y = 0; y < height; y += 1) pixels.set(plane.subarray(y * stride, y * stride + width), y * width);
  return { width, height, pgm };
}
