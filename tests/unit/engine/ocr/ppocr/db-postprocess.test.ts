import { describe, expect, it } from 'vitest';
import { dbBoxes, unclip, type ProbabilityMap } from '../../../../../src/engine/ocr/ppocr/db-postprocess';

/** A map with value `p` at the pixel centres inside the rotated rectangle, 0 elsewhere. */
function mapWith(width: number, height: number, rects: { cx: number; cy: number; w: number; h: number; deg: number; p: number }[]): ProbabilityMap {
  const data = new Float32Array(width * height);
  for (const r of rects) {
    const [c, s] = [Math.cos((r.deg * Math.PI) / 180), Math.sin((r.deg * Math.PI) / 180)];
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        const [dx, dy] = [x + 0.5 - r.cx, y + 0.5 - r.cy];
        if (Math.abs(dx * c + dy * s) <= r.w / 2 && Math.abs(-dx * s + dy * c) <= r.h / 2) data[y * width + x] = r.p;
      }
    }
  }
  return { data, width, height };
}

const identity = (map: ProbabilityMap) => ({ width: map.width, height: map.height, scaleX: 1, scaleY: 1 });

/** The corners of a rotated rectangle, clockwise from its top-left. */
function corners(cx: number, cy: number, w: number, h: number, deg: number): number[] {
  const [c, s] = [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];
  return [[-1, -1], [1, -1], [1, 1], [-1, 1]].flatMap(([i, j]) => {
    const [u, v] = [(i! * w) / 2, (j! * h) / 2];
    return [cx + u * c - v * s, cy + u * s + v * c];
  });
}

describe('dbBoxes', () => {
  it('finds a rotated rectangle as its quad, grown by the unclip distance, clockwise from top-left', () => {
    const rect = { cx: 100, cy: 60, w: 120, h: 20, deg: 10, p: 0.9 };
    const map = mapWith(200, 120, [rect]);
    const boxes = dbBoxes(map, identity(map));
    expect(boxes).toHaveLength(1);
    const d = (rect.w * rect.h * 1.5) / (2 * (rect.w + rect.h));
    const expected = corners(rect.cx, rect.cy, rect.w + 2 * d, rect.h + 2 * d, rect.deg);
    boxes[0]!.quad.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThan(1.5));
    expect(boxes[0]!.score).toBeCloseTo(0.9, 1);
  });

  it('keeps a curved line whose rectangle is mostly background, when its own rows are surely text', () => {
    // An arc 8 px thick bending 30 px over 160 px: its rectangle is about a quarter text.
    const map = { data: new Float32Array(200 * 100), width: 200, height: 100 };
    for (let x = 20; x < 180; x += 1) {
      const centre = 30 + 30 * Math.sin(((x - 20) / 160) * Math.PI);
      for (let y = Math.round(centre) - 4; y < Math.round(centre) + 4; y += 1) map.data[y * 200 + x] = 0.9;
    }
    expect(dbBoxes(map, identity(map))).toHaveLength(1);
    expect(dbBoxes(map, identity(map), { rowThreshold: 0.95 })).toHaveLength(0);
  });

  it('grows by nothing with an unclip ratio of 0', () => {
    const map = mapWith(100, 60, [{ cx: 50, cy: 30, w: 60, h: 12, deg: 0, p: 0.95 }]);
    const [box] = dbBoxes(map, identity(map), { unclipRatio: 0 });
    expect(box!.quad).toEqual([20, 24, 80, 24, 80, 36, 20, 36]);
  });

  it('drops a region the network is not sure of', () => {
    const map = mapWith(200, 100, [
      { cx: 60, cy: 30, w: 80, h: 16, deg: 0, p: 0.5 },
      { cx: 60, cy: 70, w: 80, h: 16, deg: 0, p: 0.8 },
    ]);
    const boxes = dbBoxes(map, identity(map));
    expect(boxes).toHaveLength(1);
    expect(boxes[0]!.quad[1]).toBeGreaterThan(50);
    expect(dbBoxes(map, identity(map), { boxThreshold: 0.4 })).toHaveLength(2);
  });

  it('drops specks and maps boxes back to raster pixels', () => {
    const map = mapWith(100, 50, [
      { cx: 10, cy: 10, w: 2, h: 2, deg: 0, p: 0.9 },
      { cx: 50, cy: 25, w: 40, h: 10, deg: 0, p: 0.9 },
    ]);
    const boxes = dbBoxes(map, { width: 400, height: 100, scaleX: 4, scaleY: 2 }, { unclipRatio: 0 });
    expect(boxes).toHaveLength(1);
    expect(boxes[0]!.quad).toEqual([120, 40, 280, 40, 280, 60, 120, 60]);
  });

  it('clamps boxes to the raster', () => {
    const map = mapWith(100, 40, [{ cx: 20, cy: 20, w: 40, h: 16, deg: 0, p: 0.9 }]);
    const [box] = dbBoxes(map, identity(map));
    expect(Math.min(...box!.quad)).toBe(0);
  });
});

describe('unclip', () => {
  it('pushes every side out by area * ratio / perimeter', () => {
    const grown = unclip({ cx: 0, cy: 0, width: 30, height: 10, ux: 1, uy: 0 }, 2);
    expect(grown.width).toBeCloseTo(30 + 15);
    expect(grown.height).toBeCloseTo(10 + 15);
  });
});
