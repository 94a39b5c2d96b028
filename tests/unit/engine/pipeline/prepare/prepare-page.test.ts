import { describe, expect, it } from 'vitest';
import { preparePage } from '../../../../../src/engine/pipeline/prepare/prepare-page';
import { allocatePgm, pixelsOf, type RasterPage } from '../../../../../src/engine/pipeline/raster';

/**
 * A white page of rows of letter-sized black blocks (`letter` px tall, 60 % as wide), spaced
 * like text, with optional full-width underlines under every other row, on paper of grey `paper`.
 */
function textPage(width: number, height: number, letter: number, { rules = false, dpi, paper = 255 }: { rules?: boolean; dpi?: number; paper?: number } = {}): RasterPage {
  const { pgm, pixels } = allocatePgm(width, height);
  pixels.fill(paper);
  const fill = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = y0; y < Math.min(y1, height); y += 1) pixels.fill(0, y * width + x0, y * width + Math.min(x1, width));
  };
  const w = Math.max(2, Math.round(letter * 0.6));
  for (let row = 0, y = 2 * letter; y + 2 * letter < height; row += 1, y += 2 * letter) {
    for (let x = letter; x + w < width - letter; x += w + Math.ceil(letter / 3)) fill(x, y, x + w, y + letter);
    if (rules && row % 2 === 0) fill(0, y + letter + 2, width, y + letter + 3);
  }
  return { width, height, pgm, ...(dpi ? { dpi } : {}) };
}

describe('preparePage', () => {
  it('leaves a clean page with text of a readable size alone', () => {
    const page = textPage(1200, 1600, 24);
    const prepared = preparePage(page);
    expect(prepared.steps).toEqual([]);
    expect(prepared.raster).toBe(page);
    expect(prepared.toSource(100, 200)).toEqual([100, 200]);
  });

  it('scales up a page with small text and maps points back to the page as given', () => {
    const prepared = preparePage(textPage(600, 800, 8, { dpi: 100 }));
    expect(prepared.steps).toContain('upscale-2x');
    expect([prepared.raster.width, prepared.raster.height]).toEqual([1200, 1600]);
    expect(prepared.raster.dpi).toBe(200);
    expect(prepared.toSource(300, 500)).toEqual([150, 250]);
  });

  it('removes the rules of a grey camera capture and keeps its size', () => {
    const prepared = preparePage(textPage(1200, 1600, 20, { rules: true, paper: 180 }));
    expect(prepared.steps).toEqual(['remove-rules']);
    // The first underline is at y 62 (2 letters + letter + 2), painted the paper's grey.
    const pixels = pixelsOf(prepared.raster);
    expect(pixels[62 * 1200 + 4]).toBe(180);
    expect(prepared.toSource(5, 7)).toEqual([5, 7]);
  });

  it('takes no step it is told to skip', () => {
    expect(preparePage(textPage(600, 800, 8), { skip: ['upscale-2x'] }).steps).toEqual([]);
  });
});
