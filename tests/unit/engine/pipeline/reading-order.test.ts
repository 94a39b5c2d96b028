import { describe, expect, it } from 'vitest';
import { naturalOrder } from '../../../../src/engine/pipeline/reading-order';
import type { Line } from '../../../../src/read-api/types';

/** A line with an axis-aligned box. */
function line(text: string, left: number, top: number, width: number, height = 20): Line {
  const [right, bottom] = [left + width, top + height];
  return { text, boundingBox: [left, top, right, top, right, bottom, left, bottom], words: [] };
}

const texts = (lines: Line[]) => lines.map((l) => l.text);

describe('naturalOrder', () => {
  it('reads two columns column by column, below a title that spans both', () => {
    const lines = [
      line('title', 100, 50, 800),
      line('L1', 100, 150, 350), line('R1', 550, 150, 350),
      line('L2', 100, 180, 350), line('R2', 550, 180, 350),
      line('L3', 100, 210, 350), line('R3', 550, 210, 350),
    ];
    expect(texts(naturalOrder(lines, 0))).toEqual(['title', 'L1', 'L2', 'L3', 'R1', 'R2', 'R3']);
  });

  it('keeps columns together when their paragraph breaks line up', () => {
    const lines = [
      line('title', 100, 20, 800),
      line('L1', 100, 100, 350), line('R1', 550, 100, 350),
      line('L2', 100, 130, 350), line('R2', 550, 130, 350),
      // a paragraph break in both columns at the same height
      line('L3', 100, 200, 350), line('R3', 550, 200, 350),
      line('footer', 100, 300, 800),
    ];
    expect(texts(naturalOrder(lines, 0))).toEqual(['title', 'L1', 'L2', 'L3', 'R1', 'R2', 'R3', 'footer']);
  });

  it('reads a single column top to bottom whatever order it was given in', () => {
    const lines = [line('c', 100, 160, 500), line('a', 100, 100, 500), line('b', 100, 130, 500)];
    expect(texts(naturalOrder(lines, 0))).toEqual(['a', 'b', 'c']);
  });

  it('orders a page turned upside down in the text\'s own frame', () => {
    // Two lines of a page at 180 degrees: the first line of text is lower on the stored page.
    const first: Line = { text: 'first', boundingBox: [900, 800, 100, 800, 100, 780, 900, 780], words: [] };
    const second: Line = { text: 'second', boundingBox: [900, 700, 100, 700, 100, 680, 900, 680], words: [] };
    expect(texts(naturalOrder([second, first], 180))).toEqual(['first', 'second']);
  });

  it('returns an empty page as it is', () => {
    expect(naturalOrder([], 0)).toEqual([]);
  });
});
