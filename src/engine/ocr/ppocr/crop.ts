/**
 * Cutting a detected line out of the page as a horizontal strip of fixed height, the way the
 * recogniser wants it. A crop remembers the page quad its strip was sampled from, corner for
 * corner (strip top-left = quad[0..1], clockwise), so any span of the strip maps back onto the
 * page whatever turns the crop went through.
 */
import type { Quad } from '../text-reading';
import { sampleBilinear, type GreyImage } from '../../pipeline/grey-image';
import { quadCorners, quadSides, type Point } from './geometry';

export const REC_HEIGHT = 48;
/** Wider strips are squeezed: a 3200 px strip holds some 150 characters at recognition height. */
export const REC_MAX_WIDTH = 3200;
/** A box this much taller than wide holds a line written downwards (a page on its side). */
const UPRIGHT_RATIO = 1.5;

export interface LineCrop {
  strip: GreyImage;
  /** The page quad of the strip: its top-left, top-right, bottom-right, bottom-left corners. */
  quad: Quad;
}

/** The strip of a detected box (clockwise from its top-left), `height` pixels high. */
export function cropLine(image: GreyImage, box: Quad, height = REC_HEIGHT, maxWidth = REC_MAX_WIDTH): LineCrop {
  const sides = quadSides(box);
  // A tall box is read a quarter turn anticlockwise (its right side becomes the strip's top);
  // the direction classifier turns the half of those that were written upwards.
  const quad = sides.height >= UPRIGHT_RATIO * sides.width ? rotateCorners(box, 1) : box;
  const strip = quadSides(quad);
  const width = Math.max(1, Math.min(maxWidth, Math.ceil((strip.width / Math.max(strip.height, 1)) * height)));
  return { strip: sampleQuad(image, quad, width, height), quad };
}

/** The crop turned upside down: pixels reversed, quad corners shifted by two. */
export function turnHalf(crop: LineCrop): LineCrop {
  const pixels = crop.strip.pixels.slice().reverse();
  return { strip: { ...crop.strip, pixels }, quad: rotateCorners(crop.quad, 2) };
}

/** The page quad of the strip's columns from `start` to `end`, as fractions of its width. */
export function quadSpan(quad: Quad, start: number, end: number): Quad {
  const [a, b, c, d] = quadCorners(quad);
  const top0 = lerp(a, b, start), top1 = lerp(a, b, end);
  const bottom1 = lerp(d, c, end), bottom0 = lerp(d, c, start);
  return [top0.x, top0.y, top1.x, top1.y, bottom1.x, bottom1.y, bottom0.x, bottom0.y];
}

/** The corners renumbered so that corner `steps` becomes the first. */
function rotateCorners(quad: Quad, steps: number): Quad {
  const out = [] as number[];
  for (let i = 0; i < 4; i += 1) {
    const k = ((i + steps) % 4) * 2;
    out.push(quad[k]!, quad[k + 1]!);
  }
  return out as Quad;
}

function lerp(p: Point, q: Point, t: number): Point {
  return { x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t };
}

/**
 * Samples the quad onto a `width` x `height` grid by bilinear interpolation of its corners
 * (exact for rectangles, a fair warp for the slightly skewed quads of unclipped boxes),
 * averaging a few taps per pixel when the strip is much smaller than the text.
 */
function sampleQuad(image: GreyImage, quad: Quad, width: number, height: number): GreyImage {
  const [a, b, c, d] = quadCorners(quad);
  const sides = quadSides(quad);
  const taps = Math.min(4, Math.max(1, Math.ceil(sides.height / height - 0.01)));
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let sum = 0;
      for (let j = 0; j < taps; j += 1) {
        const t = (y + (j + 0.5) / taps) / height;
        const left = lerp(a, d, t), right = lerp(b, c, t);
        for (let i = 0; i < taps; i += 1) {
          const p = lerp(left, right, (x + (i + 0.5) / taps) / width);
          sum += sampleBilinear(image, p.x, p.y);
        }
      }
      pixels[y * width + x] = Math.round(sum / (taps * taps));
    }
  }
  return { width, height, pixels };
}
