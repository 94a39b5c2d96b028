import { describe, expect, it } from 'vitest';
import { applyHomography, rectangleToQuad, rectifiedSize, warp, warpRgba, type Quad } from '../../../../../src/engine/pipeline/prepare/perspective';

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

describe('warpRgba', () => {
  it('samples every channel through the homography, outside is opaque white', () => {
    const data = new Uint8ClampedArray(10 * 10 * 4);
    for (let i = 0; i < 100; i += 1) data.set([i, 2 * i, 255 - i, 255], 4 * i);
    const h = rectangleToQuad(5, 5, [[2, 3], [7, 3], [7, 8], [2, 8]]);
    const out = warpRgba({ width: 10, height: 10, data }, h, 5, 5);
    expect([...out.data.subarray(0, 4)]).toEqual([32, 64, 223, 255]);
    const outside = warpRgba({ width: 10, height: 10, data }, rectangleToQuad(2, 2, [[20, 20], [24, 20], [24, 24], [20, 24]]), 2, 2);
    expect([...outside.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
  });
});

describe('rectifiedSize', () => {
  it('is the mean length of opposite sides', () => {
    expect(rectifiedSize([[0, 0], [100, 0], [120, 200], [-20, 200]])).toEqual({ width: 120, height: 201 });
  });
});
