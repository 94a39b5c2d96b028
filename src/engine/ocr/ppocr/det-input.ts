/**
 * The detection model's input: the page resized so that its longer side is at most a limit and
 * both sides are multiples of 32 (the DB network downsamples five times), grey replicated into
 * three channels and normalised the way the model was trained (ImageNet mean and deviation).
 */
import { resizeGrey, type GreyImage } from '../../pipeline/grey-image';
import type { TensorData } from './tensor';

/** Measured on the corpus: receipts and forms read much better at 2048 px than at 960. */
export const DET_MAX_SIDE = 2048;

const MEAN = [0.485, 0.456, 0.406] as const;
const STD = [0.229, 0.224, 0.225] as const;

export interface DetInput {
  tensor: TensorData;
  /** Raster pixels per probability-map pixel, across and down. */
  scaleX: number;
  scaleY: number;
}

/**
 * The size the detector sees: longer side at most `maxSide` and, when `minSide` is given, at
 * least that (small scans enlarged, so that their small print spans enough map pixels to survive
 * binarisation); both sides multiples of 32, at least 32.
 */
export function detSize(width: number, height: number, maxSide = DET_MAX_SIDE, minSide = 0): { width: number; height: number } {
  const longer = Math.max(width, height);
  const ratio = Math.min(maxSide / longer, Math.max(1, minSide / longer));
  const snap = (side: number) => Math.max(32, Math.round((side * ratio) / 32) * 32);
  return { width: snap(width), height: snap(height) };
}

/** The NCHW float tensor [1, 3, h, w] of a greyscale raster, with the scale back to the raster. */
export function detInput(image: GreyImage, maxSide = DET_MAX_SIDE, minSide = 0): DetInput {
  const size = detSize(image.width, image.height, maxSide, minSide);
  const resized = size.width === image.width && size.height === image.height ? image : resizeGrey(image, size.width, size.height);
  const plane = size.width * size.height;
  const data = new Float32Array(3 * plane);
  for (let channel = 0; channel < 3; channel += 1) {
    const mean = MEAN[channel]!;
    const std = STD[channel]!;
    const offset = channel * plane;
    for (let i = 0; i < plane; i += 1) data[offset + i] = (resized.pixels[i]! / 255 - mean) / std;
  }
  return {
    tensor: { data, dims: [1, 3, size.height, size.width] },
    scaleX: image.width / size.width,
    scaleY: image.height / size.height,
  };
}
