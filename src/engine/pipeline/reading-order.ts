/**
 * `readingOrder=natural`: lines in the order a person reads them, column by column. A recursive
 * XY cut over the lines' boxes, trying columns first: where a vertical gap runs through all the
 * lines, the page splits into columns, read left to right; otherwise it splits at wide horizontal
 * gaps into bands, read top to bottom, each cut again. Bands that share a column gap (two columns
 * whose paragraph breaks happen to line up) are kept together, so their columns are not interleaved.
 */
import type { Line } from '../../read-api/types';
import { median } from './stats';

interface Item {
  line: Line;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

type Interval = [number, number];

/** A horizontal gap must be this many median line heights to split bands (paragraph breaks, not leading). */
const BAND_GAP = 0.8;
/** A vertical gap must be this many median line heights to split columns. */
const COLUMN_GAP = 1;

/** The line's box in the page's upright frame: turned back by the page angle, as an axis-aligned hull. */
function toItem(line: Line, angle: number): Item {
  const radians = (-angle * Math.PI) / 180;
  const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < 8; i += 2) {
    const [x, y] = [line.boundingBox[i]!, line.boundingBox[i + 1]!];
    xs.push(x * cos - y * sin);
    ys.push(x * sin + y * cos);
  }
  return { line, left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
}

/** Groups items whose [start, end] projections overlap (or nearly: closer than `minGap`). */
function split(items: Item[], project: (item: Item) => Interval, minGap: number): { groups: Item[][]; gaps: Interval[] } {
  const sorted = [...items].sort((a, b) => project(a)[0] - project(b)[0]);
  const groups: Item[][] = [];
  const gaps: Interval[] = [];
  let reach = -Infinity;
  for (const item of sorted) {
    const [start, end] = project(item);
    if (groups.length === 0 || start - reach >= minGap) {
      if (groups.length > 0) gaps.push([reach, start]);
      groups.push([]);
    }
    groups.at(-1)!.push(item);
    reach = Math.max(reach, end);
  }
  return { groups, gaps };
}

const horizontally = (item: Item): Interval => [item.left, item.right];
const vertically = (item: Item): Interval => [item.top, item.bottom];

function sharesColumnGap(a: Interval[], b: Interval[]): boolean {
  return a.some(([a0, a1]) => b.some(([b0, b1]) => Math.min(a1, b1) > Math.max(a0, b0)));
}

/** Bands next to each other that are split into columns at the same place are one band. */
function mergeColumnBands(bands: Item[][], columnGap: number): Item[][] {
  const merged: Array<{ items: Item[]; gaps: Interval[] }> = [];
  for (const band of bands) {
    const { gaps } = split(band, horizontally, columnGap);
    const previous = merged.at(-1);
    if (previous && previous.gaps.length > 0 && gaps.length > 0 && sharesColumnGap(previous.gaps, gaps)) {
      previous.items.push(...band);
      previous.gaps = split(previous.items, horizontally, columnGap).gaps;
    } else {
      merged.push({ items: band, gaps });
    }
  }
  return merged.map((band) => band.items);
}

function order(items: Item[], lineHeight: number): Item[] {
  if (items.length <= 1) return items;
  const columns = split(items, horizontally, lineHeight * COLUMN_GAP).groups;
  if (columns.length > 1) return columns.flatMap((column) => order(column, lineHeight));
  const bands = split(items, vertically, lineHeight * BAND_GAP).groups;
  if (bands.length > 1) {
    return mergeColumnBands(bands, lineHeight * COLUMN_GAP).flatMap((band) =>
      band.length === items.length ? byPosition(band) : order(band, lineHeight),
    );
  }
  return byPosition(items);
}

function byPosition(items: Item[]): Item[] {
  return [...items].sort((a, b) => a.top - b.top || a.left - b.left);
}

/** The lines of a page (at `angle` degrees) in natural reading order. */
export function naturalOrder(lines: Line[], angle: number): Line[] {
  const items = lines.map((line) => toItem(line, angle));
  const lineHeight = median(items.map((item) => item.bottom - item.top));
  return order(items, lineHeight).map((item) => item.line);
}
