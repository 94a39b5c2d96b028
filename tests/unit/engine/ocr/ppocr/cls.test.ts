import { describe, expect, it } from 'vitest';
import { clsInput, upsideDown } from '../../../../../src/engine/ocr/ppocr/cls';

const strip = (width: number, value: number) => ({ width, height: 48, pixels: new Uint8Array(width * 48).fill(value) });

describe('clsInput', () => {
  it('narrows wide strips to 192 px and pads narrow ones, scaled to [-1, 1]', () => {
    const tensor = clsInput([strip(400, 255), strip(96, 0)]);
    expect(tensor.dims).toEqual([2, 3, 48, 192]);
    const item = 3 * 48 * 192;
    expect(tensor.data[191]).toBeCloseTo(1);
    expect(tensor.data[item]).toBeCloseTo(-1);
    expect(tensor.data[item + 100]).toBe(0);
  });
});

describe('upsideDown', () => {
  it('turns only the strips the classifier is sure of', () => {
    const output = { data: Float32Array.from([0.05, 0.95, 0.2, 0.8, 1, 0]), dims: [3, 2] };
    expect(upsideDown(output)).toEqual([true, false, false]);
    expect(upsideDown(output, 0.7)).toEqual([true, true, false]);
  });
});
