import { describe, expect, it } from 'vitest';
import { mergeLines } from '../../../../../src/engine/ocr/ppocr/lines';
import { quadOf, type TextLine } from '../../../../../src/engine/ocr/text-reading';

const piece = (text: string, x0: number, y0: number, x1: number, y1: number, confidence = 0.9): TextLine => ({
  text,
  confidence,
  box: quadOf(x0, y0, x1, y1),
  words: text.split(' ').map((w) => ({ text: w, confidence, box: quadOf(x0, y0, x1, y1) })),
});

describe('mergeLines', () => {
  it('joins the pieces of a row split by a small gap', () => {
    const [line, ...rest] = mergeLines([piece('world', 113, 12, 200, 32), piece('hello', 10, 10, 105, 30)]);
    expect(rest).toEqual([]);
    expect(line!.text).toBe('hello world');
    expect(line!.box).toEqual([10, 10, 200, 12, 200, 32, 10, 30]);
    expect(mergeLines([piece('world', 113, 12, 200, 32), piece('hello', 10, 10, 105, 30)], { maxGap: 0.2 })).toHaveLength(2);
    expect(line!.words.map((w) => w.text)).toEqual(['hello', 'world']);
  });

  it('keeps two columns apart', () => {
    const lines = mergeLines([
      piece('left one', 10, 10, 300, 30),
      piece('right one', 400, 10, 700, 30),
      piece('left two', 10, 40, 300, 60),
      piece('right two', 400, 40, 700, 60),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['left one', 'right one', 'left two', 'right two']);
  });

  it("keeps a receipt's item and price apart, and reads item then price", () => {
    const lines = mergeLines([piece('9.90', 500, 98, 560, 122), piece('TELUR SEGAR', 20, 100, 250, 120)]);
    expect(lines.map((l) => l.text)).toEqual(['TELUR SEGAR', '9.90']);
  });

  it('does not join a heading to the body text beside it', () => {
    expect(mergeLines([piece('Title', 10, 0, 200, 60), piece('small', 210, 20, 260, 40)])).toHaveLength(2);
  });

  it('orders lines top to bottom', () => {
    const lines = mergeLines([piece('third', 10, 100, 90, 120), piece('first', 50, 10, 90, 30), piece('second', 0, 50, 90, 70)]);
    expect(lines.map((l) => l.text)).toEqual(['first', 'second', 'third']);
  });

  it('weights the merged confidence by length', () => {
    const [line] = mergeLines([piece('aaaaaaaaa', 0, 0, 90, 20, 1), piece('b', 100, 0, 110, 20, 0)]);
    expect(line!.confidence).toBeCloseTo(0.9);
  });
});
