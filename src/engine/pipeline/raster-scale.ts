/** Smaller views of a greyscale page, for quick probes that need not read all of it. */
import { allocatePgm, pixelsOf, type RasterPage } from './raster';

/** Halves a page (2x2 box average). */
export function halveRaster(raster: RasterPage): RasterPage {
  const { width: w, height: h } = raster;
  const source = pixelsOf(raster);
  const [nw, nh] = [Math.floor(w / 2), Math.floor(h / 2)];
  const { pgm, pixels } = allocatePgm(nw, nh);
  let target = 0;
  for (let y = 0; y < nh; y += 1) {
    const row = 2 * y * w;
    for (let x = 0; x < nw; x += 1) {
      const i = row + 2 * x;
      pixels[target++] = (source[i]! + source[i + 1]! + source[i + w]! + source[i + w + 1]! + 2) >> 2;
    }
  }
  return { width: nw, height: nh, pgm, ...(raster.dpi ? { dpi: raster.dpi / 2 } : {}) };
}

/** The central `fraction` of a page's width and height. */
export function cropCentre(raster: RasterPage, fraction: number): RasterPage {
  const [width, height] = [Math.round(raster.width * fraction), Math.round(raster.height * fraction)];
  return cropRaster(raster, { left: Math.floor((raster.width - width) / 2), top: Math.floor((raster.height - height) / 2), width, height });
}

/** A box of a page, with `margin` white pixels around it (tesseract reads text at an image's very edge worse). */
export function cropRaster(raster: RasterPage, box: { left: number; top: number; width: number; height: number }, margin = 0): RasterPage {
  const source = pixelsOf(raster);
  const [nw, nh] = [box.width + 2 * margin, box.height + 2 * margin];
  const { pgm, pixels } = allocatePgm(nw, nh);
  if (margin > 0) pixels.fill(255);
  for (let y = 0; y < box.height; y += 1) {
    const start = (box.top + y) * raster.width + box.left;
    pixels.set(source.subarray(start, start + box.width), (y + margin) * nw + margin);
  }
  return { width: nw, height: nh, pgm, ...(raster.dpi ? { dpi: raster.dpi } : {}) };
}
