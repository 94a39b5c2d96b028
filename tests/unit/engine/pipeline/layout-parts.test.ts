import { describe, expect, it } from 'vitest';
import { glyphImage, layoutPartsOf } from '../../../../src/engine/pipeline/layout-parts';
import { allocatePgm, pixelsOf } from '../../../../src/engine/pipeline/raster';
import type { OcrBox, OcrLine, OcrPage } from '../../../../src/engine/ocr/tesseract-page';

const box = (x0: number, y0: number, x1: number, y1: number): OcrBox => ({ x0, y0, x1, y1 });

/** A layout-only line: one word whose glyphs are 20 px squares every 25 px from `left`. */
function line(left: number, top: number, glyphs: number): OcrLine {
  const symbols = Array.from({ length: glyphs }, (_, i) => ({ bbox: box(left + i * 25, top, left + i * 25 + 19, top + 19) }));
  const bbox = box(left, top, left + glyphs * 25 - 6, top + 19);
  return { bbox, confidence: 0, words: [{ text: '', confidence: 0, bbox, symbols }] };
}

function layoutOf(...blocks: OcrLine[][]): OcrPage {
  return { blocks: blocks.map((lines) => ({ paragraphs: [{ lines }] })) };
}

/** A column of `count` lines of 20 glyphs at `left`, from `top`, 30 px apart. */
const column = (left: number, top: number, count: number) => Array.from({ length: count }, (_, i) => line(left, top + i * 30, 20));

describe('layoutPartsOf', () => {
  it("cuts a large block into runs of its lines of about an even share, and keeps a small block whole, in tesseract's order", () => {
    const parts = layoutPartsOf(layoutOf(column(100, 100, 12), [line(100, 600, 4)]), 2, 1000, 1000);
    // 12 lines of 25 line heights and one of 5: a share is a quarter of 305, so the column is cut in four.
    expect(parts).toHaveLength(5);
    expect(parts.map((part) => part.box.top)).toEqual([98, 188, 278, 368, 598]);
    expect(parts.slice(0, 4).map((part) => part.glyphs.length)).toEqual([60, 60, 60, 60]);
    expect(parts[4]!.glyphs).toHaveLength(4);
  });

  it('holds each glyph padded by 2 px, within the page, and a word without glyphs by its box', () => {
    const bare = { ...line(0, 0, 3), words: [{ text: '', confidence: 0, bbox: box(0, 0, 69, 19) }] };
    const [first, second] = layoutPartsOf(layoutOf([bare], column(300, 300, 1)), 2, 1000, 1000);
    expect(first!.glyphs).toEqual([box(0, 0, 72, 22)]);
    expect(second!.glyphs[0]).toEqual(box(298, 298, 322, 322));
    expect(second!.box).toEqual({ left: 298, top: 298, width: 499, height: 24 });
  });

  it('leaves a page of one line, or of none, with one part or none', () => {
    expect(layoutPartsOf(layoutOf([line(10, 10, 30)]), 2, 1000, 1000)).toHaveLength(1);
    expect(layoutPartsOf({ blocks: null }, 2, 1000, 1000)).toEqual([]);
  });
});

describe('glyphImage', () => {
  it("copies the part's glyphs and leaves the rest white: another block's ink inside the part's box is not read twice", () => {
    const { pgm, pixels } = allocatePgm(200, 100);
    pixels.fill(0); // ink everywhere: whatever is not a glyph of the part must come out white
    const raster = { width: 200, height: 100, pgm, dpi: 300 };
    const part = { box: { left: 10, top: 10, width: 100, height: 50 }, glyphs: [box(10, 10, 30, 60), box(90, 10, 110, 30)] };
    const image = glyphImage(raster, part, 8);
    expect([image.width, image.height, image.dpi]).toEqual([116, 66, 300]);
    const out = pixelsOf(image);
    const at = (x: number, y: number) => out[(y + 8) * 116 + x + 8];
    expect([at(0, 0), at(19, 49), at(80, 0), at(99, 19)]).toEqual([0, 0, 0, 0]);
    expect([at(20, 0), at(50, 25), at(80, 20), at(99, 49), out[0], out[116 * 66 - 1]]).toEqual([255, 255, 255, 255, 255, 255]);
  });
});
