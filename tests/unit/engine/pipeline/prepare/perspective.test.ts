import { describe, expect, it } from 'vitest';
import { applyHomography, rectangleToQuad, warp, type Quad } from '../../../../../src/engine/pipeline/prepare/perspective';

describe('rectangleToQuad', () => {
  it('maps the rectangle corners onto the quadrilateral', () => {
    const quad: Quad = [[12, 8], [190, 20], [180, 260], [5, 240]];
    const h = rectangleToQuad(100, 150, quad);
    const corners = [[0, 0], [100, 0], [100, 150], [0, 150]].map(([x, y]) => applyHomography(h, x!, y!));
    corners.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(quad[i]![0], 6);
      expect(y).toBeCloseTo(quad[i]![1], 6);
    });
  });
});

describe('warp', () => {
  it('samples the input through the homography (a pure shift here)', () => {
    const pixels = Uint8Array.from({ length: 100 }, (_, i) => i);
    const h = rectangleToQuad(5, 5, [[2, 3], [7, 3], [7, 8], [2, 8]]);
    const out = warp({ width: 10, height: 10, pixels }, h, 5, 5);
    expect(out.pixels[0]).toBe(32);
    expect(out.pixels[6]).toBe(43);
  });
});
