import { describe, expect, it } from 'vitest';
import { cropCentre, halveRaster } from '../../../../src/engine/pipeline/raster-scale';
import { rgbaToPgm } from '../../../../src/engine/pipeline/raster';
import { numberedRaster, pixelRows } from '../../helpers/ocr-page';

/** A greyscale page from rows of values. */
function rasterOf(values: number[][]) {
  const width = values[0]!.length;
  const rgba = new Uint8ClampedArray(values.flat().flatMap((v) => [v, v, v, 255]));
  return rgbaToPgm(rgba, width, values.length);
}

describe('halveRaster', () => {
  it('averages each 2x2 block, rounded', () => {
    const half = halveRaster(rasterOf([
      [10, 20, 30, 40],
      [50, 60, 70, 81],
    ]));
    expect([half.width, half.height]).toEqual([2, 1]);
    expect(pixelRows(half)).toEqual([[35, 55]]);
  });

  it('drops an odd last row and column and writes the new size in the header', () => {
    const half = halveRaster(numberedRaster(5, 3));
    expect([half.width, half.height]).toEqual([2, 1]);
    expect(new TextDecoder('latin1').decode(half.pgm).startsWith('P5\n2 1\n255\n')).toBe(true);
    expect(half.pgm.length).toBe('P5\n2 1\n255\n'.length + 2);
  });
});

describe('cropCentre', () => {
  it('keeps the central part of the page', () => {
    const crop = cropCentre(numberedRaster(4, 4), 0.5);
    expect(pixelRows(crop)).toEqual([
      [6, 7],
      [10, 11],
    ]);
  });

  it('keeps the whole page for a fraction of 1', () => {
    const raster = numberedRaster(3, 2);
    expect(pixelRows(cropCentre(raster, 1))).toEqual(pixelRows(raster));
  });
});
