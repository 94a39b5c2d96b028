import { describe, expect, it, vi } from 'vitest';
import { OPS } from 'pdfjs-dist';
import { compose, coversPageAt, greyOfImage, soleImage, type Matrix, type SoleImage } from '../../../../src/engine/pipeline/pdf-page-image';
import { renderSize } from '../../../../src/engine/pipeline/pdf-render';
import { pixelsOf } from '../../../../src/engine/pipeline/raster';

// pdf.js's own build needs a newer Node than the tests run on; its legacy build has the same operators.
vi.mock('pdfjs-dist', () => import('pdfjs-dist/legacy/build/pdf.mjs'));

/** A4 in points, as pdf.js's viewport at scale 1 places it: y down from the top. */
const [A4_WIDTH, A4_HEIGHT] = [595.2, 841.92];
const A4_VIEWPORT: Matrix = [1, 0, 0, -1, 0, A4_HEIGHT];
const A4_RENDER = renderSize(A4_WIDTH / 72, A4_HEIGHT / 72);

/** The operators a scanner (and pdf-lib) writes for a page that is one image: q W 0 0 H 0 0 cm /Im Do Q. */
function scanOperators(width = 2480, height = 3508, placement: Matrix = [A4_WIDTH, 0, 0, A4_HEIGHT, 0, 0]) {
  return {
    fnArray: [OPS.save, OPS.transform, OPS.dependency, OPS.paintImageXObject, OPS.restore],
    argsArray: [null, placement, ['img_p0_1'], ['img_p0_1', width, height], null],
  };
}

describe('compose', () => {
  it('applies the inner matrix first', () => {
    const scaleThenMove = compose([1, 0, 0, 1, 10, 20], [2, 0, 0, 3, 0, 0]);
    expect(scaleThenMove).toEqual([2, 0, 0, 3, 10, 20]);
    const moveThenScale = compose([2, 0, 0, 3, 0, 0], [1, 0, 0, 1, 10, 20]);
    expect(moveThenScale).toEqual([2, 0, 0, 3, 20, 60]);
  });
});

describe('soleImage', () => {
  it('finds the one image of a scanned page, with the matrix it is drawn with', () => {
    const { fnArray, argsArray } = scanOperators();
    expect(soleImage(fnArray, argsArray)).toEqual({ objId: 'img_p0_1', width: 2480, height: 3508, transform: [A4_WIDTH, 0, 0, A4_HEIGHT, 0, 0] });
  });

  it('multiplies nested transforms, and restores the matrix saved before them', () => {
    const fnArray = [OPS.save, OPS.transform, OPS.save, OPS.transform, OPS.restore, OPS.transform, OPS.paintImageXObject];
    const argsArray = [null, [1, 0, 0, 1, 5, 5], null, [9, 0, 0, 9, 0, 0], null, [100, 0, 0, 200, 0, 0], ['img', 10, 20]];
    expect(soleImage(fnArray, argsArray)?.transform).toEqual([100, 0, 0, 200, 5, 5]);
  });

  it('refuses a page that paints anything besides its image', () => {
    const { fnArray, argsArray } = scanOperators();
    expect(soleImage([...fnArray, OPS.showText], [...argsArray, [[]]])).toBeNull();
    expect(soleImage([OPS.constructPath, OPS.clip, OPS.endPath, ...fnArray], [[], null, null, ...argsArray])).toBeNull();
  });

  it('refuses a page of two images, and a page of none', () => {
    const { fnArray, argsArray } = scanOperators();
    expect(soleImage([...fnArray, ...fnArray], [...argsArray, ...argsArray])).toBeNull();
    expect(soleImage([OPS.save, OPS.restore], [null, null])).toBeNull();
  });
});

describe('coversPageAt', () => {
  const image = (width: number, height: number, transform: Matrix): SoleImage => ({ objId: 'img', width, height, transform });

  it('takes an A4 scan at 300 dpi drawn over the whole page', () => {
    expect(coversPageAt(image(2480, 3508, [A4_WIDTH, 0, 0, A4_HEIGHT, 0, 0]), A4_VIEWPORT, A4_WIDTH, A4_HEIGHT, A4_RENDER)).toBe(true);
  });

  it('refuses a scan at another resolution: the page is drawn at 300 dpi', () => {
    expect(coversPageAt(image(1240, 1754, [A4_WIDTH, 0, 0, A4_HEIGHT, 0, 0]), A4_VIEWPORT, A4_WIDTH, A4_HEIGHT, A4_RENDER)).toBe(false);
    expect(coversPageAt(image(2500, 3508, [A4_WIDTH, 0, 0, A4_HEIGHT, 0, 0]), A4_VIEWPORT, A4_WIDTH, A4_HEIGHT, A4_RENDER)).toBe(false);
  });

  it('refuses an image that leaves part of the page to something else', () => {
    const inset = image(2400, 3400, [576, 0, 0, 816, 10, 10]);
    expect(coversPageAt(inset, A4_VIEWPORT, A4_WIDTH, A4_HEIGHT, A4_RENDER)).toBe(false);
  });

  it('refuses an image drawn turned or mirrored', () => {
    const turned = image(3508, 2480, [0, A4_HEIGHT, -A4_WIDTH, 0, A4_WIDTH, 0]);
    expect(coversPageAt(turned, A4_VIEWPORT, A4_WIDTH, A4_HEIGHT, A4_RENDER)).toBe(false);
    const upsideDown = image(2480, 3508, [A4_WIDTH, 0, 0, -A4_HEIGHT, 0, A4_HEIGHT]);
    expect(coversPageAt(upsideDown, A4_VIEWPORT, A4_WIDTH, A4_HEIGHT, A4_RENDER)).toBe(false);
  });
});

describe('greyOfImage', () => {
  it('unpacks 1-bit rows padded to whole bytes, 1 as white', () => {
    // 10 px wide: two bytes a row. Row 0: 1000 0000 01xx xxxx; row 1: 0111 1111 10xx xxxx.
    const data = Uint8Array.of(0b1000_0000, 0b0100_0000, 0b0111_1111, 0b1000_0000);
    const grey = greyOfImage({ width: 10, height: 2, kind: 1, data });
    expect(Array.from(pixelsOf({ width: 10, height: 2, pgm: grey! }))).toEqual([
      255, 0, 0, 0, 0, 0, 0, 0, 0, 255,
      0, 255, 255, 255, 255, 255, 255, 255, 255, 0,
    ]);
  });

  it('turns RGB into grey with the weights the canvas path uses, grey staying as it was', () => {
    const data = Uint8Array.of(255, 0, 0, 0, 255, 0, 0, 0, 255, 90, 90, 90);
    const grey = greyOfImage({ width: 4, height: 1, kind: 2, data });
    expect(Array.from(pixelsOf({ width: 4, height: 1, pgm: grey! }))).toEqual([76, 149, 28, 90]);
  });

  it('lays RGBA onto white, as the page is drawn', () => {
    const data = Uint8Array.of(0, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 128);
    const grey = greyOfImage({ width: 3, height: 1, kind: 3, data });
    expect(Array.from(pixelsOf({ width: 3, height: 1, pgm: grey! }))).toEqual([0, 255, 127]);
  });

  it('writes a PGM header before the pixels', () => {
    const grey = greyOfImage({ width: 2, height: 1, kind: 2, data: new Uint8Array(6) });
    expect(new TextDecoder().decode(grey!.subarray(0, 11))).toBe('P5\n2 1\n255\n');
  });

  it('leaves a bitmap, an unknown kind and data too short to the drawing', () => {
    expect(greyOfImage({ width: 2, height: 2, bitmap: {} })).toBeNull();
    expect(greyOfImage({ width: 2, height: 2, kind: 9, data: new Uint8Array(16) })).toBeNull();
    expect(greyOfImage({ width: 2, height: 2, kind: 2, data: new Uint8Array(11) })).toBeNull();
    expect(greyOfImage({ width: 16, height: 2, kind: 1, data: new Uint8Array(3) })).toBeNull();
  });
});
