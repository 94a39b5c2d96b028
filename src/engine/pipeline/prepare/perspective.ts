/**
 * Perspective correction: the homography that takes a rectangle onto a photographed page's four
 * corners, and the warp that samples the photo through it, so lines of text come out straight
 * and level whatever angle the phone was held at.
 */
import type { GreyImage } from '../grey-image';

export type Point = [number, number];
/** Corners clockwise from the top left. */
export type Quad = [Point, Point, Point, Point];
/** Row-major 3x3 matrix with h[8] = 1. */
export type Homography = Float64Array;

/**
 * The homography mapping (0,0), (w,0), (w,h), (0,h) onto `quad` (Heckbert's square-to-quad
 * mapping, scaled), from the 8x8 linear system of the four correspondences.
 */
export function rectangleToQuad(width: number, height: number, quad: Quad): Homography {
  const from: Point[] = [[0, 0], [width, 0], [width, height], [0, height]];
  const a: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i += 1) {
    const [x, y] = from[i]!;
    const [u, v] = quad[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  const h = solve(a, b);
  return Float64Array.from([...h, 1]);
}

/** Where `h` takes the point (x, y). */
export function applyHomography(h: Homography, x: number, y: number): Point {
  const w = h[6]! * x + h[7]! * y + h[8]!;
  return [(h[0]! * x + h[1]! * y + h[2]!) / w, (h[3]! * x + h[4]! * y + h[5]!) / w];
}

/** Gaussian elimination with partial pivoting; `a` is square. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    if (Math.abs(p) < 1e-12) throw new RangeError('Degenerate quadrilateral');
    for (let r = 0; r < n; r += 1) {
      if (r === col) continue;
      const f = m[r]![col]! / p;
      for (let c = col; c <= n; c += 1) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/**
 * The size of the upright rectangle a photographed `quad` is warped to: its opposite sides'
 * mean lengths, so the page keeps the resolution it was photographed at.
 */
export function rectifiedSize(quad: Quad): { width: number; height: number } {
  const side = (a: number, b: number) => Math.hypot(quad[a]![0] - quad[b]![0], quad[a]![1] - quad[b]![1]);
  return { width: Math.max(1, Math.round((side(0, 1) + side(3, 2)) / 2)), height: Math.max(1, Math.round((side(0, 3) + side(1, 2)) / 2)) };
}

/** A colour image as canvases hold it: 4 bytes a pixel, red, green, blue, alpha. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray<ArrayBuffer>;
}

/**
 * A `width` x `height` image sampled from `image` through `h` (output pixel centre -> input
 * point), bilinear; points outside the input take `fill`.
 */
export function warp(image: GreyImage, h: Homography, width: number, height: number, fill = 255): GreyImage {
  const out = new Uint8Array(width * height);
  warpChannels(image.pixels, image.width, image.height, 1, h, out, width, height, fill);
  return { width, height, pixels: out };
}

/** `warp` for a colour image (a camera shot): each channel sampled alike, outside is opaque white. */
export function warpRgba(image: RgbaImage, h: Homography, width: number, height: number): RgbaImage {
  const out = new Uint8ClampedArray(width * height * 4);
  warpChannels(image.data, image.width, image.height, 4, h, out, width, height, 255);
  return { width, height, data: out };
}

/**
 * The warp itself, over interleaved `channels`. Per row the projective numerators and
 * denominator are linear in x, so each pixel costs a few additions and one division.
 */
function warpChannels(
  pixels: Uint8Array | Uint8ClampedArray,
  sw: number,
  sh: number,
  channels: number,
  h: Homography,
  out: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  fill: number,
): void {
  const stride = sw * channels;
  for (let y = 0; y < height; y += 1) {
    const cy = y + 0.5;
    let nx = h[0]! * 0.5 + h[1]! * cy + h[2]!;
    let ny = h[3]! * 0.5 + h[4]! * cy + h[5]!;
    let d = h[6]! * 0.5 + h[7]! * cy + h[8]!;
    for (let x = 0; x < width; x += 1) {
      const sx = nx / d - 0.5;
      const sy = ny / d - 0.5;
      nx += h[0]!;
      ny += h[3]!;
      d += h[6]!;
      const o = (y * width + x) * channels;
      const [x0, y0] = [Math.floor(sx), Math.floor(sy)];
      if (x0 < 0 || y0 < 0 || x0 >= sw - 1 || y0 >= sh - 1) {
        out.fill(fill, o, o + channels);
        continue;
      }
      const [fx, fy] = [sx - x0, sy - y0];
      for (let c = 0; c < channels; c += 1) {
        const i = (y0 * sw + x0) * channels + c;
        const top = pixels[i]! + (pixels[i + channels]! - pixels[i]!) * fx;
        const bottom = pixels[i + stride]! + (pixels[i + stride + channels]! - pixels[i + stride]!) * fx;
        out[o + c] = Math.round(top + (bottom - top) * fy);
      }
    }
  }
}
