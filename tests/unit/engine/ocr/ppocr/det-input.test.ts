import { describe, expect, it } from 'vitest';
import { detInput, detSize } from '../../../../../src/engine/ocr/ppocr/det-input';

const grey = (width: number, height: number, value: (x: number, y: number) => number) => {
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) pixels[y * width + x] = value(x, y);
  return { width, height, pixels };
};

describe('detSize', () => {
  it('keeps a page under the limit at its size, snapped to multiples of 32', () => {
    expect(detSize(1000, 700)).toEqual({ width: 992, height: 704 });
  });

  it('shrinks the longer side to the limit', () => {
    expect(detSize(4000, 3000, 2048)).toEqual({ width: 2048, height: 1536 });
    expect(detSize(3000, 6000, 960)).toEqual({ width: 480, height: 960 });
  });

  it('enlarges a small page to a minimum longer side, when asked', () => {
    expect(detSize(754, 1000, 2048, 1600)).toEqual({ width: 1216, height: 1600 });
    expect(detSize(3000, 2000, 2048, 1600)).toEqual({ width: 2048, height: 1376 });
  });

  it('never goes below 32 px', () => {
    expect(detSize(10, 5)).toEqual({ width: 32, height: 32 });
  });
});

describe('detInput', () => {
  it('answers an NCHW tensor with three normalised copies of the grey plane', () => {
    const image = grey(64, 32, (x) => (x < 32 ? 0 : 255));
    const { tensor, scaleX, scaleY } = detInput(image);
    expect(tensor.dims).toEqual([1, 3, 32, 64]);
    expect([scaleX, scaleY]).toEqual([1, 1]);
    const plane = 32 * 64;
    expect(tensor.data[0]).toBeCloseTo((0 - 0.485) / 0.229, 5);
    expect(tensor.data[63]).toBeCloseTo((1 - 0.485) / 0.229, 5);
    expect(tensor.data[plane + 63]).toBeCloseTo((1 - 0.456) / 0.224, 5);
    expect(tensor.data[2 * plane]).toBeCloseTo((0 - 0.406) / 0.225, 5);
  });

  it('reports how many raster pixels each tensor pixel stands for', () => {
    const image = grey(200, 100, () => 128);
    const { tensor, scaleX, scaleY } = detInput(image, 100);
    expect(tensor.dims).toEqual([1, 3, 64, 96]);
    expect(scaleX).toBeCloseTo(200 / 96);
    expect(scaleY).toBeCloseTo(100 / 64);
    expect(tensor.data[5]).toBeCloseTo((128 / 255 - 0.485) / 0.229, 2);
  });
});
