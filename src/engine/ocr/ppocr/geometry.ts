/**
 * Plane geometry for text boxes: convex hull, the minimum-area enclosing rectangle, and corner
 * order. Coordinates are image coordinates (y grows downwards), so "clockwise" is as seen on
 * screen.
 */
import type { Quad } from '../text-reading';

export interface Point {
  x: number;
  y: number;
}

/** A rectangle at any angle: its centre, its sides and the unit vector along `width`. */
export interface RotatedRect {
  cx: number;
  cy: number;
  width: number;
  height: number;
  /** Unit vector along the `width` side; the `height` side runs along (-uy, ux). */
  ux: number;
  uy: number;
}

const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** The convex hull (Andrew's monotone chain), without collinear points. */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (sorted.length < 3) return sorted;
  const chain = (list: Point[]) => {
    const out: Point[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  return [...chain(sorted), ...chain(sorted.reverse())];
}

/**
 * The smallest rectangle around a convex polygon. One of its sides lies on a hull edge (the
 * rotating-calipers theorem), so every edge direction is tried; hulls of text components have a
 * few dozen points, where the quadratic scan costs less than maintaining four calipers.
 */
export function minAreaRect(hull: readonly Point[]): RotatedRect {
  let best: RotatedRect = { cx: hull[0]?.x ?? 0, cy: hull[0]?.y ?? 0, width: 0, height: 0, ux: 1, uy: 0 };
  let bestArea = Infinity;
  for (let i = 0; i < hull.length; i += 1) {
    const a = hull[i]!;
    const b = hull[(i + 1) % hull.length]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (length === 0) continue;
    const ux = (b.x - a.x) / length;
    const uy = (b.y - a.y) / length;
    let minU = Infinity, maxU = -Infinity, minV = Infinity, maxV = -Infinity;
    for (const p of hull) {
      const u = p.x * ux + p.y * uy;
      const v = -p.x * uy + p.y * ux;
      minU = Math.min(minU, u); maxU = Math.max(maxU, u);
      minV = Math.min(minV, v); maxV = Math.max(maxV, v);
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea) {
      bestArea = area;
      const mu = (minU + maxU) / 2;
      const mv = (minV + maxV) / 2;
      best = { cx: mu * ux - mv * uy, cy: mu * uy + mv * ux, width: maxU - minU, height: maxV - minV, ux, uy };
    }
  }
  return best;
}

/** The four corners of a rotated rectangle, clockwise from the corner nearest the top-left. */
export function rectCorners(rect: RotatedRect): Point[] {
  const hx = (rect.ux * rect.width) / 2, hy = (rect.uy * rect.width) / 2;
  const vx = (-rect.uy * rect.height) / 2, vy = (rect.ux * rect.height) / 2;
  const corners = [
    { x: rect.cx - hx - vx, y: rect.cy - hy - vy },
    { x: rect.cx + hx - vx, y: rect.cy + hy - vy },
    { x: rect.cx + hx + vx, y: rect.cy + hy + vy },
    { x: rect.cx - hx + vx, y: rect.cy - hy + vy },
  ];
  return orderClockwise(corners);
}

/**
 * Four corners of a convex quadrilateral, clockwise on screen, starting at the one with the
 * smallest x + y: for text tilted less than 45 degrees, the text's top-left.
 */
export function orderClockwise(corners: readonly Point[]): Point[] {
  let signed = 0;
  for (let i = 0; i < corners.length; i += 1) {
    const a = corners[i]!;
    const b = corners[(i + 1) % corners.length]!;
    signed += a.x * b.y - b.x * a.y;
  }
  const cycle = signed >= 0 ? [...corners] : [...corners].reverse();
  let start = 0;
  cycle.forEach((p, i) => {
    if (p.x + p.y < cycle[start]!.x + cycle[start]!.y - 1e-9) start = i;
  });
  return [...cycle.slice(start), ...cycle.slice(0, start)];
}

export function toQuad(corners: readonly Point[]): Quad {
  const [a, b, c, d] = corners as [Point, Point, Point, Point];
  return [a.x, a.y, b.x, b.y, c.x, c.y, d.x, d.y];
}

export function quadCorners(quad: Quad): [Point, Point, Point, Point] {
  return [
    { x: quad[0], y: quad[1] },
    { x: quad[2], y: quad[3] },
    { x: quad[4], y: quad[5] },
    { x: quad[6], y: quad[7] },
  ];
}

/** Length of the top and of the left side, the longer of each opposite pair. */
export function quadSides(quad: Quad): { width: number; height: number } {
  const [a, b, c, d] = quadCorners(quad);
  const dist = (p: Point, q: Point) => Math.hypot(p.x - q.x, p.y - q.y);
  return { width: Math.max(dist(a, b), dist(d, c)), height: Math.max(dist(a, d), dist(b, c)) };
}
