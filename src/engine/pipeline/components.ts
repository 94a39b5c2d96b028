/**
 * Connected components (8-connected) of a mask, as bounding boxes and pixel counts, for page
 * preparation and the second engine's text detector. Labelled by runs: each row's runs of set
 * pixels are joined (union-find) to the runs they touch in the row above, then numbered. A page's
 * paper is one component of nearly every pixel, and a flood fill visiting each pixel's eight
 * neighbours took most of the engine's preparation time on it; runs are a few per row.
 */
export interface Components {
  count: number;
  /** Per component: left, top, right, bottom (inclusive), in pixels. */
  x0: Int32Array;
  y0: Int32Array;
  x1: Int32Array;
  y1: Int32Array;
  area: Int32Array;
  /** Component index + 1 of each pixel, 0 where the mask is empty. */
  labels: Int32Array;
}

/** The runs of set pixels of a mask, row by row, left to right. */
interface Runs {
  count: number;
  start: Int32Array;
  /** Inclusive. */
  end: Int32Array;
  row: Int32Array;
}

/** `array`'s values in a new array of `length` (longer), zeros after them. */
function grown(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(length);
  copy.set(array);
  return copy;
}

function runsOf(mask: Uint8Array, width: number, height: number): Runs {
  let capacity = 1024;
  let runs: Runs = { count: 0, start: new Int32Array(capacity), end: new Int32Array(capacity), row: new Int32Array(capacity) };
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    for (let x = 0; x < width; x += 1) {
      if (!mask[row + x]) continue;
      const from = x;
      while (x + 1 < width && mask[row + x + 1]) x += 1;
      if (runs.count === capacity) {
        capacity *= 2;
        runs = { count: runs.count, start: grown(runs.start, capacity), end: grown(runs.end, capacity), row: grown(runs.row, capacity) };
      }
      runs.start[runs.count] = from;
      runs.end[runs.count] = x;
      runs.row[runs.count] = y;
      runs.count += 1;
    }
  }
  return runs;
}

/** The root of run `i`, halving the path on the way: a set's root is its first run in raster order. */
function rootOf(parent: Int32Array, i: number): number {
  let r = i;
  while (parent[r] !== r) {
    parent[r] = parent[parent[r]!]!;
    r = parent[r]!;
  }
  return r;
}

/** Joins each run to every run of the row above that it touches, corners included. */
function joinRuns(runs: Runs): Int32Array {
  const parent = new Int32Array(runs.count);
  for (let i = 0; i < runs.count; i += 1) parent[i] = i;
  let above = 0;
  for (let i = 0; i < runs.count; i += 1) {
    const y = runs.row[i]!;
    // The first run of the row above that could still touch this row's runs.
    while (above < i && runs.row[above]! < y - 1) above += 1;
    while (above < i && runs.row[above]! === y - 1 && runs.end[above]! < runs.start[i]! - 1) above += 1;
    for (let j = above; j < i && runs.row[j]! === y - 1 && runs.start[j]! <= runs.end[i]! + 1; j += 1) {
      const [a, b] = [rootOf(parent, i), rootOf(parent, j)];
      // The smaller index stays root: components are then numbered by their first pixel.
      if (a < b) parent[b] = a;
      else if (b < a) parent[a] = b;
    }
  }
  return parent;
}

/** Labels the set pixels of `mask` (`width` x `height`, non-zero = set), numbered in raster order of their first pixel. */
export function findComponents(mask: Uint8Array, width: number, height: number): Components {
  const runs = runsOf(mask, width, height);
  const parent = joinRuns(runs);
  const labels = new Int32Array(width * height);
  const runLabel = new Int32Array(runs.count);
  let boxes = new Int32Array(5 * 64);
  let count = 0;
  for (let i = 0; i < runs.count; i += 1) {
    const root = rootOf(parent, i);
    const from = runs.start[i]!;
    const to = runs.end[i]!;
    const y = runs.row[i]!;
    if (root === i) {
      if (5 * (count + 1) > boxes.length) boxes = grown(boxes, boxes.length * 2);
      // A new component: its first run, in raster order, gives its left, top and right.
      boxes[5 * count] = from;
      boxes[5 * count + 1] = y;
      boxes[5 * count + 2] = to;
      count += 1;
      runLabel[i] = count;
    } else {
      runLabel[i] = runLabel[root]!;
    }
    const label = runLabel[i]!;
    const box = 5 * (label - 1);
    if (from < boxes[box]!) boxes[box] = from;
    if (to > boxes[box + 2]!) boxes[box + 2] = to;
    // Runs come in raster order: the last one seen is on the component's bottom row.
    boxes[box + 3] = y;
    boxes[box + 4]! += to - from + 1;
    labels.fill(label, y * width + from, y * width + to + 1);
  }
  const field = (k: number) => Int32Array.from({ length: count }, (_, c) => boxes[c * 5 + k]!);
  return { count, x0: field(0), y0: field(1), x1: field(2), y1: field(3), area: field(4), labels };
}

/** A point in pixel coordinates (x right, y down). */
export interface OutlinePoint {
  x: number;
  y: number;
}

/**
 * Per component of `c`, the centres of its leftmost and rightmost pixel in every row it covers:
 * they span the same convex hull as all its pixel centres, in two points a row. One pass over
 * the labels.
 */
export function rowOutlines(c: Components, width: number): OutlinePoint[][] {
  const rowStart = new Int32Array(c.count + 1);
  for (let k = 0; k < c.count; k += 1) rowStart[k + 1] = rowStart[k]! + c.y1[k]! - c.y0[k]! + 1;
  const left = new Int32Array(rowStart[c.count]!).fill(width);
  const right = new Int32Array(rowStart[c.count]!).fill(-1);
  for (let i = 0; i < c.labels.length; i += 1) {
    const label = c.labels[i]!;
    if (!label) continue;
    const x = i % width;
    const row = rowStart[label - 1]! + (i - x) / width - c.y0[label - 1]!;
    if (x < left[row]!) left[row] = x;
    if (x > right[row]!) right[row] = x;
  }
  return Array.from({ length: c.count }, (_, k) => {
    const outline: OutlinePoint[] = [];
    for (let row = rowStart[k]!; row < rowStart[k + 1]!; row += 1) {
      const y = c.y0[k]! + row - rowStart[k]! + 0.5;
      outline.push({ x: left[row]! + 0.5, y }, { x: right[row]! + 0.5, y });
    }
    return outline;
  });
}
