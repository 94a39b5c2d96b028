import { describe, expect, it } from 'vitest';
import { cornerAt, toPhotoPoint } from '../../../../src/app/camera/quad-hit';
import type { Quad } from '../../../../src/engine/camera-host';

const page: Quad = [[100, 100], [900, 120], [880, 1200], [90, 1180]];

describe('toPhotoPoint', () => {
  it('maps a pointer on the shown photo to photo pixels', () => {
    // A 1000 x 1500 photo shown at 200 x 300 from (50, 10).
    expect(toPhotoPoint(150, 160, { left: 50, top: 10, width: 200, height: 300 }, 1000, 1500)).toEqual([500, 750]);
  });
});

describe('cornerAt', () => {
  it('finds the nearest corner within the radius', () => {
    expect(cornerAt(page, [890, 130], 40)).toBe(1);
    expect(cornerAt(page, [95, 1170], 40)).toBe(3);
  });

  it('finds none farther than the radius', () => {
    expect(cornerAt(page, [500, 600], 40)).toBeNull();
  });
});
