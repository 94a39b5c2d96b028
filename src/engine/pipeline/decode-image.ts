/**
 * PNG, JPEG and BMP -> one greyscale page, in the worker: the browser decodes (EXIF orientation
 * honoured), transparency is composited onto white, and the size limits of Read 3.2 apply.
 */
import { ReadApiError } from '../../read-api/errors';
import { assertImageDimensions } from '../../read-api/formats';
import { MAX_CANVAS_PIXELS, rgbaToPgm, type RasterPage } from './raster';

export async function decodeImage(bytes: Uint8Array<ArrayBuffer>): Promise<RasterPage> {
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
