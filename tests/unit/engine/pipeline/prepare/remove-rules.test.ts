import { describe, expect, it } from 'vitest';
import { removeRules } from '../../../../../src/engine/pipeline/prepare/remove-rules';
import type { GreyImage } from '../../../../../src/engine/pipeline/grey-image';

/** A white page with black rectangles [x0, y0, x1, y1) drawn on it. */
function page(width: number, height: number, boxes: [number, number, number, number][]): GreyImage {
  const pixels = new Uint8Array(width * height).fill(255);
  for (const [x0, y0, x1, y1] of boxes) for (let y = y0; y < y1; y += 1) pixels.fill(0, y * width + x0, y * width + x1);
  return { width, height, pixels };
}

const at = (image: GreyImage, x: number, y: number) => image.pixels[y * image.width + x];

describe('removeRules', () => {
  it('erases a long underline but keeps a stroke that crosses it, including the crossing', () => {
    // A 2 px rule at rows 40-41 and a letter stem at x 50-52 running through it from row 20 to 55.
    const input = page(300, 80, [[0, 40, 300, 42], [50, 20, 53, 56]]);
    const { image } = removeRules(input, { textHeight: 10 });
    expect(at(image, 10, 40)).toBe(255);
    expect(at(image, 200, 41)).toBe(255);
    for (const y of [20, 39, 40, 41, 42, 55]) expect(at(image, 51, y)).toBe(0);
  });

  it('keeps a letter sitting on the rule but still removes the rule beneath it', () => {
    const input = page(300, 80, [[0, 40, 300, 42], [100, 30, 106, 40]]);
    const { image } = removeRules(input, { textHeight: 10 });
    for (const y of [30, 35, 39]) expect(at(image, 102, y)).toBe(0);
    expect(at(image, 102, 41)).toBe(255);
  });

  it('removes vertical box edges too, and leaves short strokes alone', () => {
    const input = page(120, 300, [[20, 0, 22, 300], [60, 100, 63, 140]]);
    const { image, removed } = removeRules(input, { textHeight: 10 });
    expect(at(image, 21, 150)).toBe(255);
    expect(at(image, 61, 120)).toBe(0);
    expect(removed).toBe(600);
  });
});
