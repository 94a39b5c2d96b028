/**
 * The working form of a page while it is prepared: bare 8-bit greyscale pixels, row by row,
 * 0 = black ink, 255 = white paper. Steps read and write these; the PGM header is added once,
 * at the end (`toRaster`), so no step copies a whole file to change its size.
 */
import { allocatePgm, pixelsOf, type RasterPage } from '../raster';

export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** The pixels of a page, without copying them. */
export function fromRaster(raster: RasterPage): GreyImage {
  return { width: raster.width, height: raster.height, pixels: pixelsOf(raster) };
}

/** A page holding `image`, with the resolution it should declare (absent: tesseract estimates). */
export function toRaster(image: GreyImage, dpi?: number): RasterPage {
  const { pgm, pixels } = allocatePgm(image.width, image.height);
  pixels.set(image.pixels);
  return { width: image.width, height: image.height, pgm, ...(dpi ? { dpi } : {}) };
}

/** A white image of the given size. */
export function blankImage(width: number, height: number): GreyImage {
  return { width, height, pixels: new Uint8Array(width * height).fill(255) };
}

/**
 * The image shrunk by an integer `factor` (box average), for measurements that need the page's
 * shape, not its detail: a 2500 x 3300 page at factor 4 is 0.5 M pixels, read once.
 */
export function shrink(image: GreyImage, factor: number): GreyImage {
  if (factor <= 1) return image;
  const { width: w, height: h, pixels: source } = image;
  const [nw, nh] = [Math.max(1, Math.floor(w / factor)), Math.max(1, Math.floor(h / factor))];
  const sums = new Uint32Array(nw);
  const out = new Uint8Array(nw * nh);
  const area = factor * factor;
  for (let y = 0; y < nh; y += 1) {
    sums.fill(0);
    for (let dy = 0; dy < factor && y * factor + dy < h; dy += 1) {
      const row = (y * factor + dy) * w;
      for (let x = 0; x < nw; x += 1) {
        let s = 0;
        const start = row + x * factor;
        for (let dx = 0; dx < factor; dx += 1) s += source[start + dx]!;
        sums[x]! += s;
      }
    }
    for (let x = 0; x < nw; x += 1) out[y * nw + x] = Math.round(sums[x]! / area);
  }
  return { width: nw, height: nh, pixels: out };
}

/**
 * Otsu's threshold of a histogram of 256 grey levels: the level that best separates ink from
 * paper. Pixels at or below it are ink.
 */
export function otsuThreshold(histogram: ArrayLike<number>): number {
  let total = 0;
  let sum = 0;
  for (let v = 0; v < 256; v += 1) {
    total += histogram[v]!;
    sum += v * histogram[v]!;
  }
  let [below, belowSum, best, bestLevel] = [0, 0, -1, 127];
  for (let v = 0; v < 255; v += 1) {
    below += histogram[v]!;
    belowSum += v * histogram[v]!;
    const above = total - below;
    if (below === 0 || above === 0) continue;
    const diff = belowSum / below - (sum - belowSum) / above;
    const between = below * above * diff * diff;
    if (between > best) [best, bestLevel] = [between, v];
  }
  return bestLevel;
}

/** The histogram of an image's grey levels. */
export function histogramOf(pixels: Uint8Array): Uint32Array {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < pixels.length; i += 1) histogram[pixels[i]!]! += 1;
  return histogram;
}
