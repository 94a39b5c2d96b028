import { describe, expect, it } from 'vitest';
import { assumedDpi, isOpaque, lumaToPgm, rgbaToPgm, withAssumedDpi } from '../../../../src/engine/pipeline/raster';
import { rotateRaster } from '../../../../src/engine/pipeline/page-transform';
import { cropCentre, halveRaster } from '../../../../src/engine/pipeline/raster-scale';

/** RGBA bytes for a list of [r, g, b] pixels, opaque. */
function rgba(...pixels: Array<[number, number, number]>): Uint8ClampedArray {
  return new Uint8ClampedArray(pixels.flatMap(([r, g, b]) => [r, g, b, 255]));
}

function text(pgm: Uint8Array): string {
  return new TextDecoder('latin1').decode(pgm);
}

describe('rgbaToPgm', () => {
  it('writes a binary (P5) PGM header with the size and a maximum of 255', () => {
    const { pgm } = rgbaToPgm(rgba([0, 0, 0], [0, 0, 0], [0, 0, 0]), 3, 1);
    expect(text(pgm).startsWith('P5\n3 1\n255\n')).toBe(true);
    expect(pgm.length).toBe('P5\n3 1\n255\n'.length + 3);
  });

  it('returns the size it was given', () => {
    const page = rgbaToPgm(rgba([1, 2, 3], [4, 5, 6]), 1, 2);
    expect([page.width, page.height]).toEqual([1, 2]);
  });

  it('stores one byte of BT.601 luma per pixel, in order', () => {
    const pixels: Array<[number, number, number]> = [
      [0, 0, 0],
      [255, 255, 255],
      [255, 0, 0],
      [0, 255, 0],
      [0, 0, 255],
      [128, 64, 200],
    ];
    const { pgm } = rgbaToPgm(rgba(...pixels), 3, 2);
    const luma = Array.from(pgm.subarray(pgm.length - pixels.length));
    const expected = pixels.map(([r, g, b]) => 0.299 * r + 0.587 * g + 0.114 * b);
    // Integer weights (77/150/29 over 256) and truncation stay within 1.5 of the exact value.
    luma.forEach((value, i) => expect(Math.abs(value - expected[i]!)).toBeLessThan(1.5));
    expect(luma[0]).toBe(0);
    expect(luma[1]).toBe(255);
  });

  it('ignores alpha (pixels are composited onto white before)', () => {
    const opaque = rgbaToPgm(new Uint8ClampedArray([90, 90, 90, 255]), 1, 1).pgm.at(-1);
    const transparent = rgbaToPgm(new Uint8ClampedArray([90, 90, 90, 0]), 1, 1).pgm.at(-1);
    expect(transparent).toBe(opaque);
  });

  it('gives the same grey from a view that is not word-aligned as from an aligned one', () => {
    const pixels = rgba([12, 200, 7], [255, 128, 0], [3, 3, 250], [77, 150, 29]);
    const shifted = new Uint8ClampedArray(pixels.length + 1);
    shifted.set(pixels, 1);
    const aligned = rgbaToPgm(pixels, 2, 2).pgm;
    const unaligned = rgbaToPgm(shifted.subarray(1), 2, 2).pgm;
    expect([...unaligned]).toEqual([...aligned]);
    // Red, green and blue weigh 77, 150 and 29 (of 256), whichever way the pixel was read.
    expect(aligned.at(-4)).toBe((12 * 77 + 200 * 150 + 7 * 29) >> 8);
  });
});

describe('assumedDpi', () => {
  it('takes large images for 300 dpi scans', () => {
    expect(assumedDpi(2480, 3508)).toBe(300);
    expect(assumedDpi(888, 1571)).toBe(300);
  });

  it('leaves small images to tesseract\'s own estimate', () => {
    expect(assumedDpi(754, 1000)).toBeUndefined();
    expect(withAssumedDpi({ width: 640, height: 480, pgm: new Uint8Array(0) }).dpi).toBeUndefined();
  });

  it('is kept through turns and crops, and halved with the page', () => {
    const page = withAssumedDpi(rgbaToPgm(new Uint8ClampedArray(1300 * 4 * 2), 1300, 2));
    expect(page.dpi).toBe(300);
    expect(rotateRaster(page, 1).dpi).toBe(300);
    expect(cropCentre(page, 0.5).dpi).toBe(300);
    expect(halveRaster(page).dpi).toBe(150);
  });
});

describe('isOpaque and lumaToPgm', () => {
  it('finds the one pixel that is not opaque', () => {
    expect(isOpaque(rgba([1, 2, 3], [4, 5, 6]))).toBe(true);
    expect(isOpaque(new Uint8Array([1, 2, 3, 255, 4, 5, 6, 254]))).toBe(false);
  });

  it('copies a luma plane row by row, leaving out the padding past each row', () => {
    const plane = new Uint8Array([1, 2, 9, 3, 4, 9]);
    expect([...lumaToPgm(plane, 3, 2, 2).pgm.subarray(-4)]).toEqual([1, 2, 3, 4]);
    expect([...lumaToPgm(new Uint8Array([5, 6, 7, 8]), 2, 2, 2).pgm.subarray(-4)]).toEqual([5, 6, 7, 8]);
  });

  it('reads BGRA pixels with the weights of red and blue swapped over', () => {
    const bgra = new Uint8Array([7, 200, 12, 255]);
    expect(rgbaToPgm(bgra, 1, 1, 'bgra').pgm.at(-1)).toBe((12 * 77 + 200 * 150 + 7 * 29) >> 8);
  });
});
