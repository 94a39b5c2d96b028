/**
 * Finds a sheet of paper in a photo: the paper is brighter than what it lies on, so on the
 * features' downsample the largest region above Otsu's threshold is the sheet; its convex hull's
 * extreme points along the diagonals are its corners. An outline is returned only when it is
 * clear: the region fills its quadrilateral, covers a sensible share of the photo, and the photo
 * is darker all round it (a page that fills the frame, or a receipt with its edges cut off, has
 * no outline to trust, and a wrong one would distort the text).
 */
import { findComponents } from '../components';
import { histogramOf, otsuThreshold, type GreyImage } from '../grey-image';
import type { Point, Quad } from './perspective';

export interface OutlineOptions {
  /** Smallest and largest share of the image the sheet may cover. */
  minimumArea?: number;
  maximumArea?: number;
}

/** The sheet's corners in `sample` coordinates, clockwise from top left, or null when unclear. */
export function findPageOutline(sample: GreyImage, { minimumArea = 0.15, maximumArea = 0.9 }: OutlineOptions = {}): Quad | null {
  const { width: w, height: h, pixels } = sample;
  const threshold = otsuThreshold(histogramOf(pixels));
  const bright = new Uint8Array(w * h);
  for (let i = 0; i < bright.length; i += 1) bright[i] = pixels[i]! > threshold ? 1 : 0;
  const c = findComponents(bright, w, h);
  let best = -1;
  for (let i = 0; i < c.count; i += 1) if (best < 0 || c.area[i]! > c.area[best]!) best = i;
  if (best < 0) return null;
  const area = c.area[best]!;
  if (area < minimumArea * w * h || area > maximumArea * w * h) return null;
  const hull = convexHull(rowExtremes(c.labels, w, c.y0[best]!, c.y1[best]!, best + 1));
  const quad = diagonalCorners(hull);
  const quadArea = polygonArea(quad);
  // The region must fill its quadrilateral: a blob with holes or arms is no sheet.
  if (quadArea <= 0 || area / quadArea < 0.9 || quadArea / area > 1.12) return null;
  // Each corner must lie inside the photo, not on its edge: a sheet cut by the frame has
  // an outline only on some sides.
  const margin = 2;
  const inside = quad.every(([x, y]) => x > margin && y > margin && x < w - 1 - margin && y < h - 1 - margin);
  return inside ? quad : null;
}

/** For each row of component `label`, its leftmost and rightmost pixel. */
function rowExtremes(labels: Int32Array, width: number, top: number, bottom: number, label: number): Point[] {
  const points: Point[] = [];
  for (let y = top; y <= bottom; y += 1) {
    let [left, right] = [-1, -1];
    for (let x = 0; x < width; x += 1) {
      if (labels[y * width + x] !== label) continue;
      if (left < 0) left = x;
      right = x;
    }
    if (left >= 0) points.push([left, y], [right + 1, y]);
  }
  return points;
}

/** Andrew's monotone chain. */
export function convexHull(points: Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list: Point[]) => {
    const chain: Point[] = [];
    for (const p of list) {
      while (chain.length >= 2 && cross(chain[chain.length - 2]!, chain[chain.length - 1]!, p) <= 0) chain.pop();
      chain.push(p);
    }
    chain.pop();
    return chain;
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}

/** The hull points furthest towards the top left, top right, bottom right and bottom left. */
function diagonalCorners(hull: Point[]): Quad {
  const extreme = (score: (p: Point) => number) => hull.reduce((a, b) => (score(b) > score(a) ? b : a));
  return [
    extreme(([x, y]) => -x - y),
    extreme(([x, y]) => x - y),
    extreme(([x, y]) => x + y),
    extreme(([x, y]) => -x + y),
  ];
}

/** Shoelace area of a polygon listed clockwise in image coordinates (y down). */
export function polygonArea(points: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < points.length; i += 1) {
    const [a, b] = [points[i]!, points[(i + 1) % points.length]!];
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}
