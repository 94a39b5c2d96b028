/**
 * The raster PP-OCR reads: 8-bit greyscale, row by row, one byte a pixel (the pixels of a
 * `RasterPage` without its PGM header, see pipeline/raster.ts `pixelsOf`).
 */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
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
