import { describe, expect, it } from 'vitest';
import { boundedFactor, upscale } from '../../../../../src/engine/pipeline/prepare/upscale';

describe('upscale', () => {
  it('multiplies the size and keeps flat areas flat', () => {
    const image = { width: 4, height: 3, pixels: new Uint8Array(12).fill(200) };
    const big = upscale(image, 3);
    expect([big.width, big.height]).toEqual([12, 9]);
    expect(new Set(big.pixels)).toEqual(new Set([200]));
  });

  it('keeps an edge between dark and light where it was', () => {
    const pixels = new Uint8Array(8 * 2);
    for (let y = 0; y < 2; y += 1) pixels.fill(255, y * 8 + 4, y * 8 + 8);
    const big = upscale({ width: 8, height: 2, pixels }, 2);
    const row = Array.from(big.pixels.subarray(0, 16));
    expect(row.slice(0, 7).every((v) => v < 128)).toBe(true);
    expect(row.slice(9).every((v) => v > 128)).toBe(true);
  });
});

describe('boundedFactor', () => {
  it('gives the wanted factor when the result stays within 10000 px a side and 2^26 px', () => {
    expect(boundedFactor(800, 1000, 3)).toBe(3);
    expect(boundedFactor(4000, 3000, 3)).toBe(2);
    expect(boundedFactor(6000, 6000, 2)).toBe(1);
  });
});
