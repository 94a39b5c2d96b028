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
