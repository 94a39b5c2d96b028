/**
 * Sauvola's adaptive threshold: a pixel is ink when it is darker than its neighbourhood's mean,
 * lowered where the neighbourhood has little contrast (`t = m * (1 + k * (s / 128 - 1))`), so a
 * shadow or a grey capture does not turn whole areas black the way one global threshold does.
 * Means and deviations come from running column sums over a `window`-high band, so each pixel
 * costs a constant amount of work whatever the window (the integral-image method, one band at a
 * time, so memory stays O(width) instead of two 8-byte images).
 */
import type { GreyImage } from '../grey-image';

export interface SauvolaOptions {
  /** Side of the square neighbourhood, px; about three text heights. */
  window: number;
  /** Sensitivity to contrast; 0.2..0.5, higher keeps less ink. */
  k?: number;
}

/** Ink (1) and paper (0) of `image` by Sauvola's threshold. */
export function sauvolaMask(image: GreyImage, { window, k = 0.3 }: SauvolaOptions): Uint8Array {
  const { width: w, height: h, pixels } = image;
  const half = Math.max(1, Math.floor(window / 2));
  const colSum = new Float64Array(w);
  const colSq = new Float64Array(w);
  const mask = new Uint8Array(w * h);
  const addRow = (y: number, sign: number) => {
    const row = y * w;
    for (let x = 0; x < w; x += 1) {
      const v = pixels[row + x]!;
      colSum[x]! += sign * v;
      colSq[x]! += sign * v * v;
    }
  };
  for (let y = 0; y < Math.min(h, half); y += 1) addRow(y, 1);
  for (let y = 0; y < h; y += 1) {
    if (y + half < h) addRow(y + half, 1);
    if (y - half - 1 >= 0) addRow(y - half - 1, -1);
    const rows = Math.min(h - 1, y + half) - Math.max(0, y - half) + 1;
    const row = y * w;
    let sum = 0;
    let sq = 0;
    for (let x = 0; x < Math.min(w, half); x += 1) {
      sum += colSum[x]!;
      sq += colSq[x]!;
    }
    for (let x = 0; x < w; x += 1) {
      if (x + half < w) {
        sum += colSum[x + half]!;
        sq += colSq[x + half]!;
      }
      if (x - half - 1 >= 0) {
        sum -= colSum[x - half - 1]!;
        sq -= colSq[x - half - 1]!;
      }
      const n = rows * (Math.min(w - 1, x + half) - Math.max(0, x - half) + 1);
      const mean = sum / n;
      const sd = Math.sqrt(Math.max(0, sq / n - mean * mean));
      mask[row + x] = pixels[row + x]! < mean * (1 + k * (sd / 128 - 1)) ? 1 : 0;
    }
  }
  return mask;
}

/** `image` made black and white by Sauvola's threshold (ink 0, paper 255). */
export function binarise(image: GreyImage, options: SauvolaOptions): GreyImage {
  const mask = sauvolaMask(image, options);
  const out = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i += 1) out[i] = mask[i] ? 0 : 255;
  return { width: image.width, height: image.height, pixels: out };
}
