import { describe, expect, it } from 'vitest';
import { findPageOutline } from '../../../../../src/engine/pipeline/prepare/page-outline';
import type { GreyImage } from '../../../../../src/engine/pipeline/grey-image';
import type { Quad } from '../../../../../src/engine/pipeline/prepare/perspective';

/** A dark photo (grey 40) with a bright convex quadrilateral (grey 230) on it. */
function photoOf(quad: Quad, width: number, height: number): GreyImage {
  const pixels = new Uint8Array(width * height).fill(40);
  const inside = (x: number, y: number) =>
    quad.every((a, i) => {
      const b = quad[(i + 1) % 4]!;
      return (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]) >= 0;
    });
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) if (inside(x + 0.5, y + 0.5)) pixels[y * width + x] = 230;
  return { width, height, pixels };
}

describe('findPageOutline', () => {
  it('finds the corners of a sheet photographed at an angle', () => {
    const quad: Quad = [[60, 40], [330, 70], [310, 460], [40, 420]];
    const found = findPageOutline(photoOf(quad, 400, 500));
    expect(found).not.toBeNull();
    found!.forEach(([x, y], i) => {
      expect(Math.abs(x - quad[i]![0])).toBeLessThan(3);
      expect(Math.abs(y - quad[i]![1])).toBeLessThan(3);
    });
  });

  it('finds none when the page fills the frame', () => {
    expect(findPageOutline(photoOf([[0, 0], [400, 0], [400, 500], [0, 500]], 400, 500))).toBeNull();
  });

  it('finds none when the sheet is cut by the frame', () => {
    expect(findPageOutline(photoOf([[60, -40], [330, -20], [310, 460], [40, 420]], 400, 500))).toBeNull();
  });
});
