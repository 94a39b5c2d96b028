/**
 * The working form of a page while it is prepared and read by the second engine: bare 8-bit
 * greyscale pixels, row by row, 0 = black ink, 255 = white paper (the pixels of a `RasterPage`
 * without its PGM header). Steps read and write these; the PGM header is added once, at the end
 * (`toRaster`), so no step copies a whole file to change its size.
 */
import { allocatePgm, pixelsOf, type RasterPage } from './raster';

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
 * The grey level at a real-valued position, interpolated between the four nearest pixel centres
 * (pixel `i` covers [i, i + 1), its centre is i + 0.5). Outside the image the edge is repeated,
 * so a crop that overhangs the page fades into its border rather than into black.
 */
export function sampleBilinear(image: GreyImage, x: number, y: number): number {
  const { width, height, pixels } = image;
  const fx = Math.min(Math.max(x - 0.5, 0), width - 1);
  const fy = Math.min(Math.max(y - 0.5, 0), height - 1);
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  const ax = fx - x0;
  const ay = fy - y0;
  const top = pixels[y0 * width + x0]! * (1 - ax) + pixels[y0 * width + x1]! * ax;
  const bottom = pixels[y1 * width + x0]! * (1 - ax) + pixels[y1 * width + x1]! * ax;
  return top * (1 - ay) + bottom * ay;
}

/**
 * The image resampled to `width` x `height`. Shrinking averages a small grid of samples per
 * output pixel: plain bilinear sampling skips pixels when shrinking by more than two, which
 * breaks thin strokes of small print.
 */
export function resizeGrey(image: GreyImage, width: number, height: number): GreyImage {
  const scaleX = image.width / width;
  const scaleY = image.height / height;
  const taps = Math.min(4, Math.max(1, Math.ceil(Math.max(scaleX, scaleY) - 0.01)));
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let sum = 0;
      for (let j = 0; j < taps; j += 1) {
        const sy = (y + (j + 0.5) / taps) * scaleY;
        for (let i = 0; i < taps; i += 1) sum += sampleBilinear(image, (x + (i + 0.5) / taps) * scaleX, sy);
      }
      pixels[y * width + x] = Math.round(sum / (taps * taps));
    }
  }
  return { width, height, pixels };
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
