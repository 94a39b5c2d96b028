/**
 * Connected components (8-connected) of a mask, as bounding boxes and pixel counts. One pass of
 * flood fill over preallocated typed arrays: no allocation per pixel or per component beyond
 * growing the result arrays.
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
