/**
 * Where recognised text sits on the page as given. Page preparation may rectify or enlarge a page,
 * the engine may turn it by quarter turns (to make it upright) and tesseract may deskew it by a
 * small angle; boxes found in that working frame are mapped back, corner by corner, to the page as
 * stored, so that a box's first point is the top-left corner of its text, as Azure defines it.
 */
import { ReadApiError } from '../../read-api/errors';
import { allocatePgm, pixelsOf, type RasterPage } from './raster';

export type Point = [number, number];

/** Clockwise quarter turns that make a page upright (0..3). */
export type QuarterTurns = 0 | 1 | 2 | 3;

export interface PageTransform {
  /** Maps a point of the working frame to the page as stored, in the page's unit. */
  toPage(x: number, y: number): Point;
  /** Angle of the text on the stored page, degrees clockwise, in [-180, 180). */
  angle: number;
}

/** Normalises degrees into [-180, 180). */
export function normaliseAngle(degrees: number): number {
  const wrapped = ((((degrees + 180) % 360) + 360) % 360) - 180;
  return Math.round(wrapped * 100) / 100;
}

/** Turns greyscale pixels clockwise by `turns` quarter turns. */
export function rotateRaster(raster: RasterPage, turns: QuarterTurns): RasterPage {
  if (turns === 0) return raster;
  const { width: w, height: h } = raster;
  const source = pixelsOf(raster);
  const [nw, nh] = turns === 2 ? [w, h] : [h, w];
  const { pgm, pixels: target } = allocatePgm(nw, nh);
  if (turns === 2) {
    // Upside down is the pixels in reverse order.
    target.set(source);
    target.reverse();
  } else {
    quarterTurn(source, target, w, h, turns === 1);
  }
  return { width: nw, height: nh, pgm, ...(raster.dpi ? { dpi: raster.dpi } : {}) };
}

/** Square tiles a quarter turn copies at a time: each tile's rows and columns stay in the cache. */
const TURN_TILE = 64;

/**
 * A `w` x `h` image turned a quarter clockwise (or counter-clockwise) into `target` (`h` x `w`):
 * the source's pixel (x, y) lands at (h - 1 - y, x) clockwise, at (y, w - 1 - x) otherwise.
 */
function quarterTurn(source: Uint8Array, target: Uint8Array, w: number, h: number, clockwise: boolean): void {
  for (let top = 0; top < h; top += TURN_TILE) {
    const bottom = Math.min(h, top + TURN_TILE);
    for (let left = 0; left < w; left += TURN_TILE) {
      const right = Math.min(w, left + TURN_TILE);
      for (let y = top; y < bottom; y += 1) {
        const row = y * w;
        if (clockwise) {
          for (let x = left, to = left * h + (h - 1 - y); x < right; x += 1, to += h) target[to] = source[row + x]!;
        } else {
          for (let x = left, to = (w - 1 - left) * h + y; x < right; x += 1, to -= h) target[to] = source[row + x]!;
        }
      }
    }
  }
}

/**
 * The inverse of `turns` clockwise quarter turns of a `width` x `height` page, for continuous
 * coordinates (box edges, not pixel indices).
 */
export function unturn(turns: QuarterTurns, width: number, height: number): (x: number, y: number) => Point {
  switch (turns) {
    case 0:
      return (x, y) => [x, y];
    case 1:
      return (u, v) => [v, height - u];
    case 2:
      return (u, v) => [width - u, height - v];
    case 3:
      return (u, v) => [width - v, u];
    default:
      throw new ReadApiError('FailedToProcess', `Not a quarter turn: ${String(turns)}`);
  }
}

/**
 * The inverse of tesseract's deskew: it turned the working image by `radians` about its centre
 * (keeping its size), so points are turned back by `-radians`.
 */
export function unskew(radians: number, width: number, height: number): (x: number, y: number) => Point {
  const [cx, cy] = [width / 2, height / 2];
  const [cos, sin] = [Math.cos(-radians), Math.sin(-radians)];
  return (x, y) => {
    const [dx, dy] = [x - cx, y - cy];
    return [cx + dx * cos - dy * sin, cy + dx * sin + dy * cos];
  };
}

/**
 * Turns greyscale pixels by `radians` about the centre, keeping the size, as tesseract deskews an
 * image (`unskew` maps points back): each pixel is sampled bilinearly from where `unskew` puts
 * it, and white where that falls off the page. A page straightened before it is read has level
 * lines, so it can be cut between them into parts for several workers (page-parts.ts).
 */
export function straighten(raster: RasterPage, radians: number): RasterPage {
  if (radians === 0) return raster;
  const { width: w, height: h } = raster;
  const source = pixelsOf(raster);
  const { pgm, pixels: target } = allocatePgm(w, h);
  const [cos, sin] = [Math.cos(-radians), Math.sin(-radians)];
  const [cx, cy] = [w / 2, h / 2];
  const at = (x: number, y: number) => (x >= 0 && x < w && y >= 0 && y < h ? source[y * w + x]! : 255);
  for (let y = 0; y < h; y += 1) {
    // Where the centre of the row's first pixel comes from, less half a pixel: sample positions.
    const dy = y + 0.5 - cy;
    let sx = cx + (0.5 - cx) * cos - dy * sin - 0.5;
    let sy = cy + (0.5 - cx) * sin + dy * cos - 0.5;
    for (let x = 0; x < w; x += 1, sx += cos, sy += sin) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      let a: number, b: number, c: number, d: number;
      if (x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h) {
        const i = y0 * w + x0;
        a = source[i]!;
        b = source[i + 1]!;
        c = source[i + w]!;
        d = source[i + w + 1]!;
      } else {
        a = at(x0, y0);
        b = at(x0 + 1, y0);
        c = at(x0, y0 + 1);
        d = at(x0 + 1, y0 + 1);
      }
      const top = a + (b - a) * fx;
      const bottom = c + (d - c) * fx;
      target[y * w + x] = top + (bottom - top) * fy + 0.5;
    }
  }
  return { width: w, height: h, pgm, ...(raster.dpi ? { dpi: raster.dpi } : {}) };
}

export interface TransformInput {
  /** Size of the raster the engines were given (before any quarter turn), in pixels. */
  width: number;
  height: number;
  turns: QuarterTurns;
  /** The deskew tesseract applied after the turns (0 when it did not deskew); sets the angle. */
  skewRadians: number;
  /** Pixels of the page as stored -> the page's unit. */
  scale: number;
  /** Maps a pixel of the raster the engines were given back to the page as stored (page preparation). */
  toSource?: (x: number, y: number) => Point;
}

/**
 * Where a point of the upright frame (the raster turned by `turns`, not deskewed: readings are
 * brought there first) lies on the page as stored, and the angle of the text on it.
 */
export function pageTransform({ width, height, turns, skewRadians, scale, toSource }: TransformInput): PageTransform {
  const upright = unturn(turns, width, height);
  return {
    toPage(x, y) {
      const [rx, ry] = upright(x, y);
      const [px, py] = toSource ? toSource(rx, ry) : [rx, ry];
      return [px * scale, py * scale];
    },
    angle: normaliseAngle(-turns * 90 - (skewRadians * 180) / Math.PI),
  };
}
