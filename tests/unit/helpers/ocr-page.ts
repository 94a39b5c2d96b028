/** Tesseract-shaped readings for the pipeline's tests. */
import type { OcrPage, OcrWord } from '../../../src/engine/ocr/tesseract-page';
import type { RasterPage } from '../../../src/engine/pipeline/raster';

/** A word `text` with a confidence, laid out horizontally (wide) or vertically (tall). */
export function ocrWord(text: string, confidence: number, direction: 'horizontal' | 'vertical' = 'horizontal'): OcrWord {
  const [w, h] = direction === 'horizontal' ? [10 * text.length, 12] : [12, 10 * text.length];
  return { text, confidence, bbox: { x0: 0, y0: 0, x1: w, y1: h } };
}

/** A page of one line holding `words`. */
export function ocrPage(words: OcrWord[], rotateRadians?: number | null): OcrPage {
  const line = { words, confidence: 80, bbox: { x0: 0, y0: 0, x1: 100, y1: 12 } };
  return { blocks: [{ paragraphs: [{ lines: [line] }] }], rotateRadians };
}

/** A greyscale page whose pixels are 1, 2, 3, ... row by row, so each can be found after a turn. */
export function numberedRaster(width: number, height: number): RasterPage {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const pgm = new Uint8Array(header.length + width * height);
  pgm.set(header);
  for (let i = 0; i < width * height; i += 1) pgm[header.length + i] = (i + 1) % 256;
  return { width, height, pgm };
}

/** Rows of pixel values. */
export function pixelRows(raster: RasterPage): number[][] {
  const pixels = Array.from(raster.pgm.subarray(raster.pgm.length - raster.width * raster.height));
  return Array.from({ length: raster.height }, (_, y) => pixels.slice(y * raster.width, (y + 1) * raster.width));
}
