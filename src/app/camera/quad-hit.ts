/** Pointer positions on a shown photo, in the photo's own pixels, and which corner they hit. */
import type { Point, Quad } from '../../engine/camera-host';

/** The box a photo is drawn in on screen (a DOMRect's fields). */
export interface ShownBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where a pointer at (`clientX`, `clientY`) falls on a `width` x `height` photo drawn in `box`. */
export function toPhotoPoint(clientX: number, clientY: number, box: ShownBox, width: number, height: number): Point {
  return [((clientX - box.left) / box.width) * width, ((clientY - box.top) / box.height) * height];
}

/** The index of the corner nearest `point` within `radius` (photo pixels), or null. */
export function cornerAt(quad: Quad, point: Point, radius: number): number | null {
  let best: number | null = null;
  let bestDistance = radius;
  quad.forEach(([x, y], i) => {
    const distance = Math.hypot(x - point[0], y - point[1]);
    if (distance <= bestDistance) [best, bestDistance] = [i, distance];
  });
  return best;
}

