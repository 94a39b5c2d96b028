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
}

/** Greyscale (ITU-R BT.601 luma) of RGBA pixels that are already composited onto white. */
export function rgbaToPgm(rgba: Uint8ClampedArray, width: number, height: number): RasterPage {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const pgm = new Uint8Array(header.length + width * height);
  pgm.set(header);
  for (let source = 0, target = header.length; source < rgba.length; source += 4, target += 1) {
    // Integer weights 77/150/29 (sum 256) approximate 0.299/0.587/0.114.
    pgm[target] = ((rgba[source]! * 77 + rgba[source + 1]! * 150 + rgba[source + 2]! * 29) >> 8);
  }
  return { width, height, pgm };
}
