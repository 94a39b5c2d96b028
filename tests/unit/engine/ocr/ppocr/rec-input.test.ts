import { describe, expect, it } from 'vitest';
import { recInput } from '../../../../../src/engine/ocr/ppocr/rec-input';

describe('recInput', () => {
  it('pads a batch to its widest strip, three equal channels in [-1, 1]', () => {
    const a = { width: 4, height: 2, pixels: Uint8Array.from([0, 255, 0, 255, 0, 255, 0, 255]) };
    const b = { width: 2, height: 2, pixels: Uint8Array.from([255, 255, 255, 255]) };
    const { data, dims } = recInput([a, b]);
    expect(dims).toEqual([2, 3, 2, 4]);
    expect([...data.subarray(0, 4)]).toEqual([-1, 1, -1, 1]);
    expect([...data.subarray(16, 20)]).toEqual([-1, 1, -1, 1]);
    const second = 3 * 2 * 4;
    expect([...data.subarray(second, second + 4)]).toEqual([1, 1, 0, 0]);
  });

  it('pads to a minimum width', () => {
    const a = { width: 3, height: 1, pixels: new Uint8Array(3) };
    expect(recInput([a], 8).dims).toEqual([1, 3, 1, 8]);
  });
});
