/**
 * What a page shows, measured cheaply on a downsample (about 1000 px on its longer side, so a
 * 2500 x 3300 scan costs the same as a fax): how tall its text is, how bright its paper is, and
 * whether it is a photo of a sheet lying on something darker. The preparation steps are chosen
 * from these numbers, never from what the file is called. Only what a step is chosen by is
 * measured: every page pays for the measurement, on the engine's thread, before it is read.
 */
import { findComponents } from '../components';
import { histogramOf, otsuThreshold, shrink, type GreyImage } from '../grey-image';
import { sauvolaMask } from './binarise';

export interface PageFeatures {
  /** Median height of letter-sized ink components, px of the page (0: no text found). */
  textHeight: number;
  /** How many letter-sized components that median is over. */
  letters: number;
  /** Mean paper brightness (0..255). */
  paper: number;
  /** Share of the image the largest bright region covers (the sheet, in a photo). */
  sheetArea: number;
  /** Share of the image's border that is darker than the paper (a table around a sheet). */
  darkBorder: number;
  /** The downsample the measures were taken on, and its factor, for steps that reuse it. */
  sample: GreyImage;
  sampleFactor: number;
}

/** Longer side of the downsample features are measured on. */
const SAMPLE_SIDE = 1100;

/** Measures `image` (see PageFeatures). */
export function measurePage(image: GreyImage): PageFeatures {
  const factor = Math.max(1, Math.floor(Math.max(image.width, image.height) / SAMPLE_SIDE));
  const sample = shrink(image, factor);
  const ink = sauvolaMask(sample, { window: 31, k: 0.3 });
  clearDarkSurround(ink, sample);
  const { textHeight, letters } = letterHeight(ink, sample.width, sample.height);
  const paper = paperBrightness(sample);
  const { sheetArea, darkBorder } = sheet(sample);
  return {
    textHeight: textHeight * factor,
    letters,
    paper,
    sheetArea,
    darkBorder,
    sample,
    sampleFactor: factor,
  };
}

/** Median height of components shaped like letters (not specks, not rules or pictures). */
function letterHeight(ink: Uint8Array, width: number, height: number): { textHeight: number; letters: number } {
  const c = findComponents(ink, width, height);
  const heights: number[] = [];
  for (let i = 0; i < c.count; i += 1) {
    const [w, h] = [c.x1[i]! - c.x0[i]! + 1, c.y1[i]! - c.y0[i]! + 1];
    if (h >= 3 && h <= height / 15 && w <= 3 * h && w * h <= 6 * c.area[i]!) heights.push(h);
  }
  if (heights.length < 20) return { textHeight: 0, letters: heights.length };
  heights.sort((a, b) => a - b);
  return { textHeight: heights[heights.length >> 1]!, letters: heights.length };
}

/**
 * Clears ink where the paper itself is dark (a table around a sheet, a black scanner lid):
 * Sauvola's threshold marks a band along such an edge, which is neither text nor a rule.
 */
function clearDarkSurround(ink: Uint8Array, sample: GreyImage): void {
  const cells = backgroundCells(sample, 48);
  const sorted = Float32Array.from(cells.values).sort();
  const paper = sorted[Math.floor(sorted.length * 0.9)]!;
  const { width: w, height: h } = sample;
  for (let y = 0; y < h; y += 1) {
    const row = Math.floor(y / cells.cell) * cells.columns;
    for (let x = 0; x < w; x += 1) {
      if (cells.values[row + Math.floor(x / cells.cell)]! < paper * 0.6) ink[y * w + x] = 0;
    }
  }
}

/**
 * The paper's mean brightness over cells of about 1/24 of the page (the brightest pixel of each
 * cell and its neighbours, so text and pictures do not count as shade).
 */
function paperBrightness(sample: GreyImage): number {
  const { values } = backgroundCells(sample, 24);
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Per cell of a `count` x `count`-ish grid: the cell's 3x3 neighbourhood maximum. */
export function backgroundCells(image: GreyImage, count: number): { columns: number; rows: number; cell: number; values: Float32Array } {
  const { width: w, height: h, pixels } = image;
  const cell = Math.max(4, Math.ceil(Math.max(w, h) / count));
  const [columns, rows] = [Math.ceil(w / cell), Math.ceil(h / cell)];
  const max = new Float32Array(columns * rows);
  const columnOf = Int32Array.from({ length: w }, (_, x) => Math.floor(x / cell));
  for (let y = 0; y < h; y += 1) {
    const rowCell = Math.floor(y / cell) * columns;
    const row = y * w;
    for (let x = 0; x < w; x += 1) {
      const v = pixels[row + x]!;
      const c = rowCell + columnOf[x]!;
      if (v > max[c]!) max[c] = v;
    }
  }
  const values = new Float32Array(columns * rows);
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      let m = 0;
      for (let dr = -1; dr <= 1; dr += 1) {
        for (let dc = -1; dc <= 1; dc += 1) {
          const [rr, cc] = [r + dr, c + dc];
          if (rr >= 0 && rr < rows && cc >= 0 && cc < columns) m = Math.max(m, max[rr * columns + cc]!);
        }
      }
      values[r * columns + c] = m;
    }
  }
  return { columns, rows, cell, values };
}

/** The largest region brighter than Otsu's threshold, and how dark the image's border is. */
function sheet(sample: GreyImage): { sheetArea: number; darkBorder: number } {
  const { width: w, height: h, pixels } = sample;
  const threshold = otsuThreshold(histogramOf(pixels));
  const bright = new Uint8Array(w * h);
  for (let i = 0; i < bright.length; i += 1) bright[i] = pixels[i]! > threshold ? 1 : 0;
  const c = findComponents(bright, w, h);
  let largest = 0;
  for (let i = 0; i < c.count; i += 1) largest = Math.max(largest, c.area[i]!);
  let [dark, border] = [0, 0];
  for (let x = 0; x < w; x += 1) [dark, border] = [dark + 2 - bright[x]! - bright[(h - 1) * w + x]!, border + 2];
  for (let y = 0; y < h; y += 1) [dark, border] = [dark + 2 - bright[y * w]! - bright[y * w + w - 1]!, border + 2];
  return { sheetArea: largest / (w * h), darkBorder: dark / border };
}
