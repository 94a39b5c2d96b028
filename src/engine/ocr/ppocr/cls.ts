/**
 * The direction classifier: is a strip upside down? Its input is [N, 3, 48, 192], each strip
 * narrowed to at most 192 px (keeping its height), padded on the right, scaled to [-1, 1]; its
 * output [N, 2] is the probability of 0 and of 180 degrees.
 */
import { resizeGrey, type GreyImage } from '../../pipeline/grey-image';
import { recInput } from './rec-input';
import type { TensorData } from './tensor';

export const CLS_WIDTH = 192;
/** Only a confident verdict turns a strip: a wrong turn costs the whole line. */
export const CLS_THRESHOLD = 0.9;

export function clsInput(strips: readonly GreyImage[]): TensorData {
  const narrowed = strips.map((s) => (s.width > CLS_WIDTH ? resizeGrey(s, CLS_WIDTH, s.height) : s));
  return recInput(narrowed, CLS_WIDTH);
}

/** For each strip, whether the classifier is sure it is upside down. */
export function upsideDown(output: TensorData, threshold = CLS_THRESHOLD): boolean[] {
  const count = output.dims[0] ?? 0;
  const classes = output.dims[1] ?? 2;
  return Array.from({ length: count }, (_, n) => output.data[n * classes + 1]! > threshold);
}
