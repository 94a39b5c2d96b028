import { describe, expect, it } from 'vitest';
import { flattenIllumination } from '../../../../../src/engine/pipeline/prepare/flatten-illumination';

describe('flattenIllumination', () => {
  it('makes shaded paper white and keeps ink dark', () => {
    const [w, h] = [400, 300];
    const pixels = new Uint8Array(w * h);
    for (let y = 0; y < h; y += 1) for (let x = 0; x < w; x += 1) pixels[y * w + x] = 250 - Math.round((x * 130) / w);
    // A dark stroke in the shaded part: half the paper's brightness there.
    for (let y = 100; y < 110; y += 1) for (let x = 300; x < 303; x += 1) pixels[y * w + x] = Math.round(pixels[y * w + x]! / 2);
    const flat = flattenIllumination({ width: w, height: h, pixels });
    expect(flat.pixels[50 * w + 20]).toBeGreaterThan(245);
    expect(flat.pixels[50 * w + 380]).toBeGreaterThan(240);
    expect(flat.pixels[105 * w + 301]).toBeLessThan(140);
  });
});
