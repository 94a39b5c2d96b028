import { describe, expect, it } from 'vitest';
import { boxBounds, clampZoom, drawWidth, MAX_ZOOM, MIN_ZOOM, percentRect, polygonPoints, scrollAfterZoom, stepZoom } from '../../../../src/app/viewer/geometry';

describe('boxBounds', () => {
  it('is the upright rectangle around a turned box', () => {
    expect(boxBounds([10, 0, 20, 10, 10, 20, 0, 10])).toEqual({ left: 0, top: 0, width: 20, height: 20 });
  });
});

describe('polygonPoints', () => {
  it('lists the four corners as x,y pairs', () => {
    expect(polygonPoints([1, 2, 3, 4, 5, 6, 7, 8])).toBe('1,2 3,4 5,6 7,8');
  });
});

describe('percentRect', () => {
  it('places a rectangle as percentages of the page, whatever its unit', () => {
    expect(percentRect({ left: 0.85, top: 1.1, width: 4.25, height: 0.55 }, 8.5, 11)).toEqual({ left: 10, top: 10, width: 50, height: 5 });
  });
});

describe('zoom', () => {
  it('steps on a ladder through 1 and back', () => {
    expect(stepZoom(1, 1)).toBeCloseTo(1.25);
    expect(stepZoom(stepZoom(1, 1), -1)).toBeCloseTo(1);
    expect(stepZoom(1, -1)).toBeCloseTo(0.8);
  });

  it('stays within its bounds', () => {
    expect(stepZoom(MAX_ZOOM, 1)).toBe(MAX_ZOOM);
    expect(stepZoom(MIN_ZOOM, -1)).toBe(MIN_ZOOM);
    expect(clampZoom(100)).toBe(MAX_ZOOM);
    expect(clampZoom(0)).toBe(MIN_ZOOM);
  });

  it('keeps the point under the pointer still', () => {
    // 100 px scrolled, pointer 50 px in: the point is 150 px into the content, 300 after doubling.
    expect(scrollAfterZoom(100, 50, 2)).toBe(250);
    expect(scrollAfterZoom(0, 10, 0.5)).toBe(0);
  });
});

describe('drawWidth', () => {
  it('rounds up to a ladder of widths so that small zooms reuse a picture', () => {
    expect(drawWidth(800, 1)).toBe(drawWidth(820, 1));
    expect(drawWidth(800, 1)).toBeGreaterThanOrEqual(800);
    expect(drawWidth(800, 2)).toBeGreaterThanOrEqual(1600);
    expect(drawWidth(10, 1)).toBe(256);
  });
});
