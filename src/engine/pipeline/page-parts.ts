/**
 * Where to cut a page so that its parts can be read on several OCR workers at once and put back
 * together in the order tesseract reads the whole page. This is the page's layout found once, on
 * its ink alone (a fraction of a reading's cost):
 * - a horizontal cut runs through blank rows across the whole part, and only where no column
 *   continues through it (a column gutter both just above and just below would make the parts'
 *   readings interleave the columns: tesseract reads a column to its end);
 * - a vertical cut runs through a gutter blank over the whole height of the part: left is read
 *   before right, as tesseract reads columns.
 * The part with the most ink is cut, at the cut that shares its ink most evenly, until no part
 * holds much more than a worker's share or no cut is left. A page without a safe cut stays whole.
 */
import { histogramOf, otsuThreshold, type GreyImage } from './grey-image';

export interface PagePart {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface Region extends PagePart {
  /** Ink pixels inside. */
  ink: number;
}

type Interval = [number, number];

/** A part may hold this much more than an even share before it is worth cutting again. */
const SHARE_SLACK = 1.2;
/** At most this many parts per worker: each part costs a call, and a little of its context. */
const PARTS_PER_WORKER = 2;
/** A cut must leave at least this share of the part's ink on its smaller side (a title over columns has little). */
const MIN_SIDE_SHARE = 0.03;
/** Cuts this close to the most even one are as good: the widest gap among them wins (a paragraph break). */
const EVEN_ENOUGH = 0.05;
/** A blank row may hold this share of its width in ink (speckles); a blank column the same of its height. */
const NOISE_SHARE = 0.001;
/** Blank rows between lines: at least this share of the page's height (and MIN_GAP_PX). */
const MIN_GAP_SHARE = 0.002;
const MIN_GAP_PX = 4;
/** A column gutter: at least this share of the page's width (word spaces are a fifth of it). */
const MIN_GUTTER_SHARE = 0.015;
const MIN_GUTTER_PX = 8;
/** How far above and below a horizontal cut to look for columns that continue through it. */
const COLUMN_STRIP_SHARE = 0.06;
/** A page with less ink than this share of its pixels has too little text to be worth cutting. */
const MIN_INK_SHARE = 0.002;
/**
 * Smaller pages stay whole: they are read in well under a second, where a part's fixed costs
 * and lost context weigh more than the time saved (a 1 Mpx bank statement lost its dashes).
 */
export const MIN_PIXELS = 1_500_000;

/** The layout is found on a mask this many times smaller each way: a quarter of the work. */
const MASK_SCALE = 2;

/**
 * 1 where a MASK_SCALE x MASK_SCALE block of the page holds ink (a pixel at or below Otsu's
 * threshold: any one, so that thin strokes and small gaps keep their place), 0 where it is paper.
 */
function inkMask(image: GreyImage): GreyImage {
  const threshold = otsuThreshold(histogramOf(image.pixels));
  const [width, height] = [Math.ceil(image.width / MASK_SCALE), Math.ceil(image.height / MASK_SCALE)];
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < image.height; y += 1) {
    const row = y * image.width;
    const maskRow = Math.floor(y / MASK_SCALE) * width;
    for (let x = 0; x < image.width; x += 1) if (image.pixels[row + x]! <= threshold) mask[maskRow + Math.floor(x / MASK_SCALE)] = 1;
  }
  return { width, height, pixels: mask };
}

class Ink {
  readonly #mask: Uint8Array;
  readonly #width: number;

  constructor(mask: GreyImage) {
    this.#mask = mask.pixels;
    this.#width = mask.width;
  }

  /** Ink per row of `box`, top to bottom. */
  rows({ left, top, width, height }: PagePart): Uint32Array {
    const rows = new Uint32Array(height);
    for (let y = 0; y < height; y += 1) {
      const start = (top + y) * this.#width + left;
      let count = 0;
      for (let i = start; i < start + width; i += 1) count += this.#mask[i]!;
      rows[y] = count;
    }
    return rows;
  }

  /** Ink per column of `box`, left to right. */
  columns({ left, top, width, height }: PagePart): Uint32Array {
    const columns = new Uint32Array(width);
    for (let y = 0; y < height; y += 1) {
      const start = (top + y) * this.#width + left;
      for (let x = 0; x < width; x += 1) columns[x]! += this.#mask[start + x]!;
    }
    return columns;
  }
}

/** Runs of blank entries (at most `noise` ink) at least `minLength` long, with ink on both sides. */
export function innerBlankRuns(profile: ArrayLike<number>, noise: number, minLength: number): Interval[] {
  const runs: Interval[] = [];
  let inkSeen = false;
  let start = -1;
  for (let i = 0; i < profile.length; i += 1) {
    const blank = profile[i]! <= noise;
    if (blank && start < 0 && inkSeen) start = i;
    if (!blank) {
      if (start >= 0 && i - start >= minLength) runs.push([start, i]);
      start = -1;
      inkSeen = true;
    }
  }
  return runs;
}

interface Cut {
  pieces: [Region, Region];
  /** The smaller piece's share of the ink: 0.5 is an even cut. */
  evenness: number;
  gap: number;
}

/** Cuts in blank runs of `profile` (along an axis), each with its two pieces' ink. */
function cutsAlong(profile: Uint32Array, runs: Interval[], region: Region, piecesAt: (at: number, before: number) => [Region, Region]): Cut[] {
  const cumulative = new Float64Array(profile.length + 1);
  for (let i = 0; i < profile.length; i += 1) cumulative[i + 1] = cumulative[i]! + profile[i]!;
  return runs.map(([start, end]) => {
    const at = Math.floor((start + end) / 2);
    const before = cumulative[at]!;
    return { pieces: piecesAt(at, before), evenness: Math.min(before, region.ink - before) / region.ink, gap: end - start };
  });
}

/**
 * The best of the `safe` cuts: among those nearly as even as the most even, the one in the widest
 * gap. `safe` is asked only of the cuts in the running (it looks at the page).
 */
function bestOf(cuts: Cut[], safe: (cut: Cut) => boolean = () => true): Cut | undefined {
  const byEvenness = cuts.filter((cut) => cut.evenness >= MIN_SIDE_SHARE).sort((a, b) => b.evenness - a.evenness);
  const most = byEvenness.find(safe);
  if (!most) return undefined;
  const nearly = byEvenness.filter((cut) => cut.evenness >= most.evenness - EVEN_ENOUGH && (cut === most || safe(cut)));
  return nearly.sort((a, b) => b.gap - a.gap)[0];
}

class PageCutter {
  readonly #ink: Ink;
  readonly #minGap: number;
  readonly #minGutter: number;
  readonly #strip: number;

  /** `mask`: the page's ink mask; every measure here is in its cells. */
  constructor(mask: GreyImage) {
    this.#ink = new Ink(mask);
    this.#minGap = Math.max(MIN_GAP_PX / MASK_SCALE, Math.round(mask.height * MIN_GAP_SHARE));
    this.#minGutter = Math.max(MIN_GUTTER_PX / MASK_SCALE, Math.round(mask.width * MIN_GUTTER_SHARE));
    this.#strip = Math.max(this.#minGap, Math.round(mask.height * COLUMN_STRIP_SHARE));
  }

  inkOf(box: PagePart): number {
    return this.#ink.rows(box).reduce((sum, row) => sum + row, 0);
  }

  /** The better of the region's best horizontal and best vertical cut, if it has any. */
  cut(region: Region): [Region, Region] | undefined {
    const cuts = [this.#horizontal(region), this.#vertical(region)].filter((cut) => cut !== undefined);
    return cuts.sort((a, b) => b.evenness - a.evenness)[0]?.pieces;
  }

  #horizontal(region: Region): Cut | undefined {
    const rows = this.#ink.rows(region);
    const runs = innerBlankRuns(rows, Math.floor(region.width * NOISE_SHARE), this.#minGap);
    const cuts = cutsAlong(rows, runs, region, (at, before) => [
      { left: region.left, top: region.top, width: region.width, height: at, ink: before },
      { left: region.left, top: region.top + at, width: region.width, height: region.height - at, ink: region.ink - before },
    ]);
    return bestOf(cuts, (cut) => !this.#columnsContinue(region, cut));
  }

  #vertical(region: Region): Cut | undefined {
    const columns = this.#ink.columns(region);
    const runs = innerBlankRuns(columns, Math.floor(region.height * NOISE_SHARE), this.#minGutter);
    return bestOf(
      cutsAlong(columns, runs, region, (at, before) => [
        { left: region.left, top: region.top, width: at, height: region.height, ink: before },
        { left: region.left + at, top: region.top, width: region.width - at, height: region.height, ink: region.ink - before },
      ]),
    );
  }

  /** Whether a column gutter runs both just above and just below a horizontal cut. */
  #columnsContinue(region: Region, { pieces: [above, below] }: Cut): boolean {
    const strip = (top: number, bottom: number): PagePart => ({ left: region.left, top, width: region.width, height: bottom - top });
    const gutters = (box: PagePart) => innerBlankRuns(this.#ink.columns(box), Math.floor(box.height * NOISE_SHARE), this.#minGutter);
    const belowTop = below.top;
    const aboveGutters = gutters(strip(Math.max(above.top, belowTop - this.#strip), belowTop));
    const belowGutters = gutters(strip(belowTop, Math.min(below.top + below.height, belowTop + this.#strip)));
    return aboveGutters.some(([a0, a1]) => belowGutters.some(([b0, b1]) => Math.min(a1, b1) > Math.max(a0, b0)));
  }
}

/**
 * The parts of a page to read on `workers` workers at once, in reading order; the whole page when
 * there is one worker, too little text, no safe cut, or fewer than `minPixels`.
 */
export function pagePartsOf(image: GreyImage, workers: number, minPixels = MIN_PIXELS): PagePart[] {
  const whole: PagePart = { left: 0, top: 0, width: image.width, height: image.height };
  if (workers < 2 || image.width * image.height < minPixels) return [whole];
  const mask = inkMask(image);
  const cutter = new PageCutter(mask);
  const total = cutter.inkOf({ left: 0, top: 0, width: mask.width, height: mask.height });
  if (total < mask.width * mask.height * MIN_INK_SHARE) return [whole];
  const parts: Region[] = [{ left: 0, top: 0, width: mask.width, height: mask.height, ink: total }];
  const uncuttable = new Set<Region>();
  while (parts.length < workers * PARTS_PER_WORKER) {
    const largest = parts.filter((part) => !uncuttable.has(part)).sort((a, b) => b.ink - a.ink)[0];
    if (!largest || largest.ink <= (total / workers) * SHARE_SLACK) break;
    const pieces = cutter.cut(largest);
    if (pieces) parts.splice(parts.indexOf(largest), 1, ...pieces);
    else uncuttable.add(largest);
  }
  // Back to the page's pixels; the last row and column of cells may be partly off the page.
  return parts.map((part) => {
    const [left, top] = [part.left * MASK_SCALE, part.top * MASK_SCALE];
    const right = Math.min(image.width, (part.left + part.width) * MASK_SCALE);
    const bottom = Math.min(image.height, (part.top + part.height) * MASK_SCALE);
    return { left, top, width: right - left, height: bottom - top };
  });
}
