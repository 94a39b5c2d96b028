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
  const { width: w, height: h } = raster;
  const source = pixelsOf(raster);
  const [nw, nh] = [Math.round(w * fraction), Math.round(h * fraction)];
  const [left, top] = [Math.floor((w - nw) / 2), Math.floor((h - nh) / 2)];
  const { pgm, pixels } = allocatePgm(nw, nh);
  for (let y = 0; y < nh; y += 1) {
    const start = (top + y) * w + left;
    pixels.set(source.subarray(start, start + nw), y * nw);
  }
  return { width: nw, height: nh, pgm, ...(raster.dpi ? { dpi: raster.dpi } : {}) };
}
