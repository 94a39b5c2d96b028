import { describe, expect, it } from 'vitest';
import { findComponents, rowOutlines } from '../../../../src/engine/pipeline/components';

/** A mask from rows of `#` (set) and `.` (clear). */
function mask(rows: string[]): { mask: Uint8Array; width: number; height: number } {
  const width = rows[0]!.length;
  return { mask: Uint8Array.from(rows.join('').split(''), (c) => (c === '#' ? 1 : 0)), width, height: rows.length };
}

describe('findComponents', () => {
  it('labels 8-connected regions in raster order, with their boxes and sizes', () => {
    const m = mask(['##...', '.#..#', '...#.', '.....', '#....']);
    const c = findComponents(m.mask, m.width, m.height);
    expect(c.count).toBe(3);
    expect([...c.area]).toEqual([3, 2, 1]);
    expect([c.x0[1], c.y0[1], c.x1[1], c.y1[1]]).toEqual([3, 1, 4, 2]);
    expect(c.labels[4 * 5]).toBe(3);
  });
});

/** The plain definition: a flood fill from each unlabelled set pixel, in raster order. */
function floodFill(m: Uint8Array, width: number, height: number) {
  const labels = new Int32Array(width * height);
  const boxes: number[][] = [];
  for (let start = 0; start < m.length; start += 1) {
    if (!m[start] || labels[start]) continue;
    const label = boxes.length + 1;
    const box = [width, height, -1, -1, 0];
    const stack = [start];
    labels[start] = label;
    while (stack.length > 0) {
      const i = stack.pop()!;
      const [x, y] = [i % width, Math.floor(i / width)];
      box[0] = Math.min(box[0]!, x);
      box[1] = Math.min(box[1]!, y);
      box[2] = Math.max(box[2]!, x);
      box[3] = Math.max(box[3]!, y);
      box[4]! += 1;
      for (let ny = y - 1; ny <= y + 1; ny += 1) {
        for (let nx = x - 1; nx <= x + 1; nx += 1) {
          const j = ny * width + nx;
          if (nx >= 0 && nx < width && ny >= 0 && ny < height && m[j] && !labels[j]) {
            labels[j] = label;
            stack.push(j);
          }
        }
      }
    }
    boxes.push(box);
  }
  return { labels, boxes };
}

describe('findComponents against a flood fill', () => {
  it('gives the same labels, boxes and areas on random masks, sparse to nearly full', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const density of [0.05, 0.3, 0.5, 0.7, 0.95]) {
      for (const [width, height] of [[1, 9], [9, 1], [23, 17], [64, 40]] as const) {
        const m = Uint8Array.from({ length: width * height }, () => (random() < density ? 1 : 0));
        const expected = floodFill(m, width, height);
        const c = findComponents(m, width, height);
        expect(c.count).toBe(expected.boxes.length);
        expect([...c.labels]).toEqual([...expected.labels]);
        const boxes = Array.from({ length: c.count }, (_, k) => [c.x0[k], c.y0[k], c.x1[k], c.y1[k], c.area[k]]);
        expect(boxes).toEqual(expected.boxes);
      }
    }
  });

  it('joins a spiral that turns back on itself into one component', () => {
    const m = mask(['#####', '....#', '###.#', '#...#', '#####']);
    const c = findComponents(m.mask, m.width, m.height);
    expect(c.count).toBe(1);
    expect(c.area[0]).toBe(17);
  });
});

describe('rowOutlines', () => {
  it('gives the centres of the outermost pixels of every row of each component', () => {
    const m = mask(['.###.', '#####', '..#..']);
    const c = findComponents(m.mask, m.width, m.height);
    expect(rowOutlines(c, m.width)).toEqual([
      [
        { x: 1.5, y: 0.5 }, { x: 3.5, y: 0.5 },
        { x: 0.5, y: 1.5 }, { x: 4.5, y: 1.5 },
        { x: 2.5, y: 2.5 }, { x: 2.5, y: 2.5 },
      ],
    ]);
  });
});
