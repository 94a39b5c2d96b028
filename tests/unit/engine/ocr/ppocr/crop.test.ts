import { describe, expect, it } from 'vitest';
import { cropLine, quadSpan, turnHalf } from '../../../../../src/engine/ocr/ppocr/crop';
import type { Quad } from '../../../../../src/engine/ocr/text-reading';

/** A page whose grey level tells where a pixel is: x across, y down. */
function gradient(width: number, height: number, value: (x: number, y: number) => number) {
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) pixels[y * width + x] = value(x, y);
  return { width, height, pixels };
}

describe('cropLine', () => {
  it('cuts an upright box to a strip of height 48 keeping its aspect', () => {
    const page = gradient(300, 100, (x) => x);
    const box: Quad = [20, 10, 220, 10, 220, 34, 20, 34];
    const { strip, quad } = cropLine(page, box);
    expect(strip.height).toBe(48);
    expect(strip.width).toBe(400);
    expect(quad).toEqual(box);
    // Column 0 samples near x = 20, the last column near x = 220.
    expect(Math.abs(strip.pixels[0]! - 20)).toBeLessThanOrEqual(1);
    expect(Math.abs(strip.pixels[399]! - 219)).toBeLessThanOrEqual(1);
  });

  it('follows a tilted box', () => {
    const page = gradient(200, 200, (_x, y) => y);
    // A box rising 20 px over its length: the strip's left end is lower on the page.
    const box: Quad = [20, 100, 180, 80, 183, 104, 23, 124];
    const { strip } = cropLine(page, box);
    const left = strip.pixels[24 * strip.width + 2]!;
    const right = strip.pixels[24 * strip.width + strip.width - 3]!;
    expect(left - right).toBeGreaterThan(15);
  });

  it('turns a box much taller than wide a quarter turn, its right side becoming the top', () => {
    const page = gradient(100, 300, (x, y) => (x < 50 ? y / 2 : 255));
    const box: Quad = [40, 20, 60, 20, 60, 220, 40, 220];
    const { strip, quad } = cropLine(page, box);
    expect(strip.height).toBe(48);
    expect(strip.width).toBe(480);
    expect(quad).toEqual([60, 20, 60, 220, 40, 220, 40, 20]);
    // The strip's top rows come from the right half of the box (white), its bottom from the left.
    expect(strip.pixels[2 * 480 + 240]).toBe(255);
    expect(strip.pixels[45 * 480 + 240]).toBeLessThan(255);
  });

  it('squeezes a strip wider than the limit', () => {
    const page = gradient(2000, 50, () => 0);
    const { strip } = cropLine(page, [0, 0, 2000, 0, 2000, 20, 0, 20], 48, 3200);
    expect(strip.width).toBe(3200);
  });
});

describe('turnHalf', () => {
  it('reverses the pixels and starts the quad at the opposite corner', () => {
    const crop = { strip: { width: 2, height: 1, pixels: Uint8Array.from([1, 2]) }, quad: [0, 0, 10, 0, 10, 5, 0, 5] as Quad };
    const turned = turnHalf(crop);
    expect([...turned.strip.pixels]).toEqual([2, 1]);
    expect(turned.quad).toEqual([10, 5, 0, 5, 0, 0, 10, 0]);
  });
});

describe('quadSpan', () => {
  it('maps a fraction of the strip onto the page quad', () => {
    expect(quadSpan([0, 0, 100, 0, 100, 10, 0, 10], 0.25, 0.5)).toEqual([25, 0, 50, 0, 50, 10, 25, 10]);
    // Upside down: the strip's left is the page's right.
    expect(quadSpan([100, 10, 0, 10, 0, 0, 100, 0], 0, 0.1)).toEqual([100, 10, 90, 10, 90, 0, 100, 0]);
  });
});
