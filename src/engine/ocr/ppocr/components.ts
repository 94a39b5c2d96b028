/**
 * Connected regions of a binary map (8-connected), each reduced to what the box fitting needs:
 * the centres of the leftmost and rightmost pixel of every row it covers (which span the same
 * convex hull as all its pixel centres) and its size. Centres, not pixel corners: a box through
 * the outermost centres holds few background pixels, so its mean probability (the box score)
 * measures the network's confidence rather than the staircase of a tilted region's edge.
 */
import type { Point } from './geometry';

export interface Component {
  /** Centres of the outermost pixels of each row: the hull of these is the component's hull. */
  outline: Point[];
  pixels: number;
}

/**
 * The components of `mask` (non-zero = set), largest first, at most `limit` of them. `mask` is
 * consumed: visited pixels are cleared, which saves a label map the size of the page.
 */
export function connectedComponents(mask: Uint8Array, width: number, height: number, limit = 1000): Component[] {
  const queue = new Int32Array(width * height);
  const found: Component[] = [];
  for (let start = 0; start < mask.length; start += 1) {
    if (!mask[start]) continue;
    found.push(floodFrom(mask, width, height, start, queue));
  }
  return found.sort((a, b) => b.pixels - a.pixels).slice(0, limit);
}

function floodFrom(mask: Uint8Array, width: number, height: number, start: number, queue: Int32Array): Component {
  const rows = new Map<number, [number, number]>();
  let head = 0, tail = 0;
  queue[tail++] = start;
  mask[start] = 0;
  while (head < tail) {
    const at = queue[head++]!;
    const x = at % width;
    const y = (at - x) / width;
    const span = rows.get(y);
    if (!span) rows.set(y, [x, x]);
    else { if (x < span[0]) span[0] = x; if (x > span[1]) span[1] = x; }
    for (let dy = -1; dy <= 1; dy += 1) {
      const ny = y + dy;
      if (ny < 0 || ny >= height) continue;
      for (let dx = -1; dx <= 1; dx += 1) {
        const nx = x + dx;
        if (nx < 0 || nx >= width) continue;
        const next = ny * width + nx;
        if (mask[next]) { mask[next] = 0; queue[tail++] = next; }
      }
    }
  }
  const outline: Point[] = [];
  for (const [y, [x0, x1]] of rows) {
    outline.push({ x: x0 + 0.5, y: y + 0.5 }, { x: x1 + 0.5, y: y + 0.5 });
  }
  return { outline, pixels: tail };
}
