/**
 * From the DB network's probability map to text boxes (after Liao et al., "Real-time Scene Text
 * Detection with Differentiable Binarization", as PaddleOCR applies it): threshold the map, fit
 * the smallest rotated rectangle around each region, keep regions the network is sure of, and
 * grow each back out by the margin the network was trained to shrink text by.
 */
import type { Quad } from '../text-reading';
import { findComponents, rowOutlines } from '../../pipeline/components';
import { convexHull, minAreaRect, rectCorners, toQuad, type Point, type RotatedRect } from './geometry';

export interface DbOptions {
  /** A map pixel above this probability is text. */
  threshold: number;
  /** Mean probability inside a box below which it is dropped. */
  boxThreshold: number;
  /** A region whose own pixels score at least this is kept whatever its rectangle scores (curved lines). */
  rowThreshold: number;
  /** Unclip distance = area * ratio / perimeter (the inverse of the training-time shrink). */
  unclipRatio: number;
  /** Boxes with a side shorter than this (map pixels) are noise. */
  minSide: number;
  maxCandidates: number;
}

export const DB_DEFAULTS: DbOptions = { threshold: 0.3, boxThreshold: 0.6, rowThreshold: 0.7, unclipRatio: 1.5, minSide: 3, maxCandidates: 1000 };

export interface ProbabilityMap {
  data: Float32Array;
  width: number;
  height: number;
}

export interface DetectedBox {
  /** Clockwise from the top-left, in raster pixels. */
  quad: Quad;
  score: number;
}

/** Raster size and raster pixels per map pixel. */
export interface MapToRaster {
  width: number;
  height: number;
  scaleX: number;
  scaleY: number;
}

export function dbBoxes(map: ProbabilityMap, target: MapToRaster, options: Partial<DbOptions> = {}): DetectedBox[] {
  const o = { ...DB_DEFAULTS, ...options };
  const mask = new Uint8Array(map.data.length);
  for (let i = 0; i < mask.length; i += 1) mask[i] = map.data[i]! > o.threshold ? 1 : 0;
  const boxes: DetectedBox[] = [];
  for (const { outline, ownScore } of regions(map, mask, o.maxCandidates)) {
    const centres = minAreaRect(convexHull(outline));
    // The box through the outermost pixel centres scores the region; its pixels' own extent,
    // half a pixel further out, is what gets unclipped (measured: crops half a map pixel tighter
    // a side read receipts with a fifth more errors).
    const rect = { ...centres, width: centres.width + 1, height: centres.height + 1 };
    if (Math.min(rect.width, rect.height) < o.minSide) continue;
    // Scored over its rectangle, as PaddleOCR does; but the rectangle of a curved line (a book
    // page bending to its spine) is mostly background, and such lines were dropped as noise (on
    // a phone photo of a book, 16 of 40 lines were kept): a region whose own pixels are surely
    // text is kept too. (Scoring every region on its own pixels let specks through on receipts.)
    const rectScore = meanInside(map, rectCorners(centres));
    if (rectScore < o.boxThreshold && ownScore < o.rowThreshold) continue;
    const score = Math.max(rectScore, ownScore);
    const grown = unclip(rect, o.unclipRatio);
    if (Math.min(grown.width, grown.height) < o.minSide + 2) continue;
    boxes.push({ quad: toQuad(rectCorners(grown).map((p) => toRaster(p, target))), score });
  }
  return boxes;
}

/**
 * The text regions of the thresholded map (8-connected), largest first, at most `limit`: each as
 * the centres of its outermost pixel in every row, with the mean probability of its own pixels.
 * Centres, not pixel corners: a box through the outermost centres holds few background pixels,
 * so its mean probability (the box score) measures the network's confidence rather than the
 * staircase of a tilted region's edge.
 */
function regions(map: ProbabilityMap, mask: Uint8Array, limit: number): Array<{ outline: Point[]; ownScore: number }> {
  const found = findComponents(mask, map.width, map.height);
  const sums = new Float64Array(found.count);
  for (let i = 0; i < found.labels.length; i += 1) {
    const label = found.labels[i]!;
    if (label) sums[label - 1]! += map.data[i]!;
  }
  return rowOutlines(found, map.width)
    .map((outline, k) => ({ outline, pixels: found.area[k]!, ownScore: sums[k]! / Math.max(1, found.area[k]!) }))
    .sort((a, b) => b.pixels - a.pixels)
    .slice(0, limit);
}

/** The rectangle pushed out by D = area * ratio / perimeter on every side. */
export function unclip(rect: RotatedRect, ratio: number): RotatedRect {
  const perimeter = 2 * (rect.width + rect.height);
  const distance = perimeter > 0 ? (rect.width * rect.height * ratio) / perimeter : 0;
  return { ...rect, width: rect.width + 2 * distance, height: rect.height + 2 * distance };
}

/** Mean probability of the map pixels whose centres lie inside a convex polygon. */
export function meanInside(map: ProbabilityMap, polygon: readonly Point[]): number {
  const ys = polygon.map((p) => p.y);
  const top = Math.max(0, Math.floor(Math.min(...ys)));
  const bottom = Math.min(map.height - 1, Math.ceil(Math.max(...ys)));
  let sum = 0, count = 0;
  for (let y = top; y <= bottom; y += 1) {
    const span = rowSpan(polygon, y + 0.5);
    if (!span) continue;
    const x0 = Math.max(0, Math.ceil(span[0] - 0.5));
    const x1 = Math.min(map.width - 1, Math.floor(span[1] - 0.5));
    for (let x = x0; x <= x1; x += 1) sum += map.data[y * map.width + x]!;
    count += Math.max(0, x1 - x0 + 1);
  }
  return count ? sum / count : 0;
}

/** Where the horizontal line at `y` enters and leaves a convex polygon. */
function rowSpan(polygon: readonly Point[], y: number): [number, number] | undefined {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < polygon.length; i += 1) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    if ((a.y <= y && b.y >= y) || (b.y <= y && a.y >= y)) {
      const x = a.y === b.y ? Math.min(a.x, b.x) : a.x + ((y - a.y) / (b.y - a.y)) * (b.x - a.x);
      const x2 = a.y === b.y ? Math.max(a.x, b.x) : x;
      lo = Math.min(lo, x); hi = Math.max(hi, x2);
    }
  }
  return lo <= hi ? [lo, hi] : undefined;
}

function toRaster(p: Point, target: MapToRaster): Point {
  return {
    x: Math.min(Math.max(p.x * target.scaleX, 0), target.width),
    y: Math.min(Math.max(p.y * target.scaleY, 0), target.height),
  };
}
