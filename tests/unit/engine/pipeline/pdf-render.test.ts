import { describe, expect, it } from 'vitest';
import { renderSize, TARGET_DPI } from '../../../../src/engine/pipeline/pdf-render';
import { MAX_CANVAS_PIXELS } from '../../../../src/engine/pipeline/raster';

describe('renderSize', () => {
  it('renders an ordinary page at 300 dpi', () => {
    expect(renderSize(8.5, 11)).toEqual({ dpi: TARGET_DPI, width: 2550, height: 3300 });
  });

  it('lowers the resolution so that no side exceeds 10000 pixels', () => {
    const size = renderSize(40, 30);
    expect(size).toEqual({ dpi: 250, width: 10_000, height: 7500 });
  });

  it.each([[100, 100], [200, 3], [33.4, 33.4], [120.5, 77.3]])('keeps a %s x %s in page within both limits', (width, height) => {
    const size = renderSize(width, height);
    expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(10_000);
    expect(size.width * size.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
    expect(size.dpi).toBeLessThan(TARGET_DPI);
  });

  it('keeps at least one pixel for a sliver of a page', () => {
    expect(renderSize(0.001, 5)).toMatchObject({ width: 1, height: 1500 });
  });
});
