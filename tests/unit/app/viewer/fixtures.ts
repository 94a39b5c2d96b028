/** A small result page for the viewer's tests: two lines of words, boxes in pixels. */
import type { BoundingBox, Line, ReadResult } from '../../../../src/read-api/types';

function box(left: number, top: number, width: number, height: number): BoundingBox {
  return [left, top, left + width, top, left + width, top + height, left, top + height];
}

function line(top: number, words: [string, number][]): Line {
  let left = 10;
  const placed = words.map(([text, confidence]) => {
    const word = { text, confidence, boundingBox: box(left, top, text.length * 10, 20) };
    left += text.length * 10 + 10;
    return word;
  });
  return { text: words.map(([text]) => text).join(' '), boundingBox: box(10, top, left - 20, 20), words: placed };
}

export function page(number: number, lines: [string, number][][]): ReadResult {
  return { page: number, angle: 0, width: 400, height: 300, unit: 'pixel', lines: lines.map((words, i) => line(10 + i * 30, words)) };
}
