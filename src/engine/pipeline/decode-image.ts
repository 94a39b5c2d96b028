/**
 * PNG, JPEG and BMP -> one greyscale page, in the worker: the browser decodes (EXIF orientation
 * honoured), transparency is composited onto white, and the size limits of Read 3.2 apply.
 * ImageDecoder decodes when it gives the same page for less (decode-frame.ts); a canvas otherwise.
 */
import { ReadApiError } from '../../read-api/errors';
import { assertImageDimensions, sniffFormat } from '../../read-api/formats';
import { decodeFrame } from './decode-frame';
import { MAX_CANVAS_PIXELS, rgbaToPgm, type RasterPage } from './raster';

export async function decodeImage(bytes: Uint8Array<ArrayBuffer>): Promise<RasterPage> {
  const format = sniffFormat(bytes);
  const decoded = format === 'png' || format === 'jpeg' || format === 'bmp' ? await decodeFrame(bytes, format) : null;
  return decoded ?? decodeOnCanvas(bytes);
}

/** Decodes through an ImageBitmap drawn on a white canvas: whatever the browser can show, as shown. */
async function decodeOnCanvas(bytes: Uint8Array<ArrayBuffer>): Promise<RasterPage> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes]), { imageOrientation: 'from-image' });
  } catch {
    throw new ReadApiError('InvalidImageFormat', 'Input data is not a valid image: it could not be decoded.');
  }
  try {
    const { width, height } = bitmap;
    assertImageDimensions({ width, height });
    if (width * height > MAX_CANVAS_PIXELS) {
      throw new ReadApiError('InvalidImageSize', `A ${width}x${height} image is too large to draw.`);
    }
    const canvas = new OffscreenCanvas(width, height);
    try {
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context) throw new ReadApiError('InvalidImageSize', 'No canvas could be allocated for the image.');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, width, height);
      return rgbaToPgm(data, width, height);
    } finally {
      // Its pixels (35 MB for a 300 dpi page) go now, not whenever the worker's heap is next collected.
      canvas.width = canvas.height = 0;
    }
  } finally {
    bitmap.close();
  }
}
