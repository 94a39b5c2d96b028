/**
 * The four corners of a page in a shot, as the user adjusts them: kept inside the photo, put in
 * the order the perspective warp expects (clockwise from the top left), checked for a shape a
 * page can have.
 */
import type { Point, Quad } from '../../engine/camera-host';

/** The photo's own frame: what a shot is cropped to when no page outline was found. */
export function wholeFrame(width: number, height: number): Quad {
  return [[0, 0], [width, 0], [width, height], [0, height]];
}

/**
 * The same corners clockwise from the top left (image coordinates, y down), whatever order they
 * came in: a corner dragged past its neighbour would otherwise fold the page over.
 */
export function orderCorners(quad: readonly Point[]): Quad {
  const cx = quad.reduce((sum, [x]) => sum + x, 0) / quad.length;
  const cy = quad.reduce((sum, [, y]) => sum + y, 0) / quad.length;
  // With y pointing down, a growing angle turns clockwise on screen.
  const around = [...quad].sort((a, b) => Math.atan2(a[1] - cy, a[0] - cx) - Math.atan2(b[1] - cy, b[0] - cx));
  let first = 0;
  around.forEach(([x, y], i) => {
    if (x + y < around[first]![0] + around[first]![1]) first = i;
  });
  return [0, 1, 2, 3].map((k) => [...around[(first + k) % 4]!]) as Quad;
}

/** Whether the corners, in order, bound a convex shape (a page seen in perspective always does). */
export function isConvex(quad: Quad): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i += 1) {
    const [a, b, c] = [quad[i]!, quad[(i + 1) % 4]!, quad[(i + 2) % 4]!];
    const cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]);
    if (Math.abs(cross) < 1e-9) return false;
    if (sign !== 0 && Math.sign(cross) !== sign) return false;
    sign = Math.sign(cross);
  }
  return true;
}

/** `quad` with corner `index` at `point`, kept inside the `width` x `height` photo. */
export function moveCorner(quad: Quad, index: number, [x, y]: Point, width: number, height: number): Quad {
  const moved = quad.map((corner) => [...corner]) as Quad;
  moved[index] = [Math.min(Math.max(x, 0), width), Math.min(Math.max(y, 0), height)];
  return moved;
}

/** The arrow keys that move a focused corner, as unit steps (y down). */
const ARROWS: Record<string, Point> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/**
 * The step an arrow key moves a corner by, in photo pixels, or null for another key: 0.5 % of
 * the photo's longer side, 5 % with Shift for long moves.
 */
export function arrowStep(key: string, shift: boolean, width: number, height: number): Point | null {
  const unit = ARROWS[key];
  if (!unit) return null;
  const step = Math.max(width, height) * (shift ? 0.05 : 0.005);
  return [unit[0] * step, unit[1] * step];
}
