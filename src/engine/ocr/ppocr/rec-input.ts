/**
 * The recogniser's input: a batch of 48 px strips as [N, 3, 48, W], W the widest strip (or
 * `minWidth`), grey replicated into three channels, scaled to [-1, 1]. Narrower strips are
 * padded on the right with 0, mid-grey after normalisation, as in the model's training.
 */
import type { GreyImage } from '../../pipeline/grey-image';
import type { TensorData } from './tensor';

export function recInput(strips: readonly GreyImage[], minWidth = 1): TensorData {
  const height = strips[0]?.height ?? 0;
  const width = Math.max(minWidth, ...strips.map((s) => s.width));
  const plane = height * width;
  const data = new Float32Array(strips.length * 3 * plane);
  strips.forEach((strip, n) => {
    const base = n * 3 * plane;
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < strip.width; x += 1) {
        const value = strip.pixels[y * strip.width + x]! / 127.5 - 1;
        const at = base + y * width + x;
        data[at] = value;
        data[at + plane] = value;
        data[at + 2 * plane] = value;
      }
    }
  });
  return { data, dims: [strips.length, 3, height, width] };
}
