/**
 * Flattens uneven lighting (a phone's shadow, a vignette, a grey capture): the paper's brightness
 * is estimated on a coarse grid (the brightest pixel near each cell, so text does not count),
 * smoothed, interpolated back to every pixel, and each pixel is divided by it. Paper becomes
 * white everywhere and ink keeps its contrast to the paper around it, so tesseract's global
 * (Otsu) threshold works across the page.
 */
import { backgroundCells } from './page-features';
import type { GreyImage } from '../grey-image';

/** `image` divided by its estimated background; `cells` sets the grid (cells across the longer side). */
export function flattenIllumination(image: GreyImage, cells = 48): GreyImage {
  const { width: w, height: h, pixels } = image;
  const grid = backgroundCells(image, cells);
  const smooth = blurCells(grid.values, grid.columns, grid.rows);
  const out = new Uint8Array(w * h);
  const { cell, columns, rows } = grid;
  const xs = new Int32Array(w);
  const fx = new Float32Array(w);
  for (let x = 0; x < w; x += 1) {
    const gx = Math.min(columns - 1, Math.max(0, (x + 0.5) / cell - 0.5));
    xs[x] = Math.min(columns - 2, Math.floor(gx));
    fx[x] = gx - xs[x]!;
  }
  for (let y = 0; y < h; y += 1) {
    const gy = Math.min(rows - 1, Math.max(0, (y + 0.5) / cell - 0.5));
    const r = Math.max(0, Math.min(rows - 2, Math.floor(gy)));
    const fy = rows > 1 ? gy - r : 0;
    const top = r * columns;
    const bottom = rows > 1 ? top + columns : top;
    for (let x = 0; x < w; x += 1) {
      const c = Math.max(0, xs[x]!);
      const c1 = columns > 1 ? c + 1 : c;
      const t = fx[x]!;
      const upper = smooth[top + c]! * (1 - t) + smooth[top + c1]! * t;
      const lower = smooth[bottom + c]! * (1 - t) + smooth[bottom + c1]! * t;
      const background = Math.max(1, upper * (1 - fy) + lower * fy);
      const v = (pixels[y * w + x]! * 255) / background;
      out[y * w + x] = v >= 255 ? 255 : v;
    }
  }
  return { width: w, height: h, pixels: out };
}

/** Two passes of a 3x3 box blur over the grid, so the estimate has no steps at cell edges. */
function blurCells(values: Float32Array, columns: number, rows: number): Float32Array {
  let current = values;
  for (let pass = 0; pass < 2; pass += 1) {
    const next = new Float32Array(current.length);
    for (let r = 0; r < rows; r += 1) {
      for (let c = 0; c < columns; c += 1) {
        let [sum, n] = [0, 0];
        for (let dr = -1; dr <= 1; dr += 1) {
          for (let dc = -1; dc <= 1; dc += 1) {
            const [rr, cc] = [r + dr, c + dc];
            if (rr >= 0 && rr < rows && cc >= 0 && cc < columns) [sum, n] = [sum + current[rr * columns + cc]!, n + 1];
          }
        }
        next[r * columns + c] = sum / n;
      }
    }
    current = next;
  }
  return current;
}
