/** Pixels of a camera frame or shot, read off an OffscreenCanvas (the camera worker has no DOM). */
import type { RgbaImage } from '../pipeline/prepare/perspective';

/** A 2D context to draw into and read back; a canvas that cannot be had is an error, not a blank. */
export function context2d(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error(`No ${canvas.width}x${canvas.height} canvas could be allocated for the camera.`);
  return context;
}

/** The RGBA pixels of `source` drawn at `width` x `height` (the browser scales it). */
export function rgbaOf(source: ImageBitmap, width = source.width, height = source.height): RgbaImage {
  const context = context2d(new OffscreenCanvas(width, height));
  context.drawImage(source, 0, 0, width, height);
  return { width, height, data: context.getImageData(0, 0, width, height).data };
}

/** `image` encoded as a JPEG: the camera's pages are photos, which JPEG keeps small. */
export async function encodeJpeg(image: RgbaImage, quality = 0.9): Promise<Blob> {
  const canvas = new OffscreenCanvas(image.width, image.height);
  context2d(canvas).putImageData(new ImageData(image.data, image.width, image.height), 0, 0);
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
}
