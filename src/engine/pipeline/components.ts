/**
 * Connected components (8-connected) of a mask, as bounding boxes and pixel counts, for page
 * preparation and the second engine's text detector. One pass of flood fill over preallocated
 * typed arrays: no allocation per pixel or per component beyond growing the result arrays.
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

/** Labels the set pixels of `mask` (`width` x `height`, non-zero = set). */
export function findComponents(mask: Uint8Array, width: number, height: number): Components {
  const labels = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  let capacity = 1024;
  let boxes = new Int32Array(capacity * 5);
  let count = 0;
  for (let start = 0; start < mask.length; start += 1) {
    if (!mask[start] || labels[start]) continue;
    if (count === capacity) {
      capacity *= 2;
      const grown = new Int32Array(capacity * 5);
      grown.set(boxes);
      boxes = grown;
    }
    const label = count + 1;
    let [x0, y0, x1, y1, area] = [width, height, -1, -1, 0];
    let top = 0;
    stack[top++] = start;
    labels[start] = label;
    while (top > 0) {
      const i = stack[--top]!;
      const x = i % width;
      const y = (i - x) / width;
      area += 1;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy += 1) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx += 1) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const j = ny * width + nx;
          if (mask[j] && !labels[j]) {
            labels[j] = label;
            stack[top++] = j;
          }
        }
      }
    }
    boxes.set([x0, y0, x1, y1, area], count * 5);
    count += 1;
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
