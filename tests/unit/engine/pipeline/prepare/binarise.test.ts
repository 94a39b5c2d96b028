import { describe, expect, it } from 'vitest';
import { binarise } from '../../../../../src/engine/pipeline/prepare/binarise';

describe('binarise', () => {
  it('separates ink from paper across a shadow that defeats one global threshold', () => {
    const [w, h] = [200, 100];
    const pixels = new Uint8Array(w * h);
    // Paper from 240 down to 100; strokes at 40 % of the local paper.
    for (let y = 0; y < h; y += 1) for (let x = 0; x < w; x += 1) pixels[y * w + x] = 240 - Math.round((x * 140) / w);
    for (const x of [20, 180]) for (let y = 40; y < 60; y += 1) for (let dx = 0; dx < 3; dx += 1) pixels[y * w + x + dx] = Math.round(pixels[y * w + x + dx]! * 0.4);
    const out = binarise({ width: w, height: h, pixels }, { window: 31 });
    expect(out.pixels[50 * w + 21]).toBe(0);
    expect(out.pixels[50 * w + 181]).toBe(0);
    expect(out.pixels[50 * w + 100]).toBe(255);
    expect(out.pixels[10 * w + 190]).toBe(255);
  });
});
