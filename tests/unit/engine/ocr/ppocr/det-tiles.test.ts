import { describe, expect, it } from 'vitest';
import { detTiles, detectInTiles } from '../../../../../src/engine/ocr/ppocr/det-tiles';
import type { ModelRunner, TensorData } from '../../../../../src/engine/ocr/ppocr/tensor';

/** A three-channel input whose first channel holds `value(x, y)`. */
function input(width: number, height: number, value: (x: number, y: number) => number): TensorData {
  const data = new Float32Array(3 * width * height);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) data[y * width + x] = value(x, y);
  return { data, dims: [1, 3, height, width] };
}

/**
 * A detector whose score at a pixel depends on its neighbourhood (the mean of the first channel
 * within 20 px), so a tile without enough context would score its edges differently.
 */
function neighbourhoodMean(windows: number[][]): ModelRunner {
  return {
    async run({ x }) {
      const [, , h = 0, w = 0] = x!.dims;
      windows.push([w, h]);
      const data = new Float32Array(w * h);
      for (let y = 0; y < h; y += 1) {
        for (let c = 0; c < w; c += 1) {
          let sum = 0;
          let n = 0;
          for (let dy = -20; dy <= 20; dy += 4) {
            for (let dx = -20; dx <= 20; dx += 4) {
              const [yy, xx] = [y + dy, c + dx];
              if (yy < 0 || yy >= h || xx < 0 || xx >= w) continue;
              sum += x!.data[yy * w + xx]!;
              n += 1;
            }
          }
          data[y * w + c] = sum / n;
        }
      }
      return { data, dims: [1, 1, h, w] };
    },
  };
}

describe('detTiles', () => {
  it('keeps an input of up to 1.6 Mpx whole, a receipt at 768 x 2048 too', () => {
    expect(detTiles(1024, 768)).toEqual([{ x0: 0, x1: 1024, y0: 0, y1: 768, coreX0: 0, coreX1: 1024, coreY0: 0, coreY1: 768 }]);
    expect(detTiles(768, 2048)).toHaveLength(1);
    expect(detTiles(800, 2048)).toHaveLength(2);
  });

  it('cuts a large input into cores that tile it exactly, in multiples of 32, each read with a margin', () => {
    const tiles = detTiles(1536, 2048);
    expect(tiles).toHaveLength(4);
    let area = 0;
    for (const tile of tiles) {
      area += (tile.coreX1 - tile.coreX0) * (tile.coreY1 - tile.coreY0);
      for (const value of Object.values(tile)) expect(value % 32).toBe(0);
      expect(tile.x0).toBe(Math.max(0, tile.coreX0 - 96));
      expect(tile.y1).toBe(Math.min(2048, tile.coreY1 + 96));
      expect(tile.x1 - tile.x0).toBeLessThanOrEqual(1024 + 2 * 96);
    }
    expect(area).toBe(1536 * 2048);
    expect(tiles.map((tile) => [tile.coreX0, tile.coreY0])).toEqual([[0, 0], [768, 0], [0, 1024], [768, 1024]]);
  });
});

describe('detectInTiles', () => {
  it('gives the map one run over the whole input would give, from windows no larger than a core and its margins', async () => {
    const whole = input(320, 256, (x, y) => Math.sin(x / 7) * Math.cos(y / 5));
    const expected = await neighbourhoodMean([]).run({ x: whole });
    const windows: number[][] = [];
    const tiled = await detectInTiles(neighbourhoodMean(windows), 'x', whole, 128, 32, 0);
    expect(tiled.dims).toEqual([1, 1, 256, 320]);
    expect(windows.length).toBe(6);
    for (const [w, h] of windows) expect(Math.max(w!, h!)).toBeLessThanOrEqual(128 + 2 * 32);
    let worst = 0;
    for (let i = 0; i < expected.data.length; i += 1) worst = Math.max(worst, Math.abs(expected.data[i]! - tiled.data[i]!));
    expect(worst).toBeLessThan(1e-6);
  });

  it('runs the detector once on an input that fits', async () => {
    const windows: number[][] = [];
    const small = input(96, 64, () => 1);
    const map = await detectInTiles(neighbourhoodMean(windows), 'x', small);
    expect(windows).toEqual([[96, 64]]);
    expect(map.dims).toEqual([1, 1, 64, 96]);
  });
});
