/** PNG, JPEG and BMP: a one-page document decoded by the browser. */
import type { DocumentSource } from './document';
import { decodeImage } from './decode-image';
import { withAssumedDpi } from './raster';

export function openImage(bytes: Uint8Array<ArrayBuffer>): DocumentSource {
  return {
    pageCount: 1,
    async loadPage() {
      const decoded = await decodeImage(bytes);
      const raster = withAssumedDpi(decoded);
      return { width: raster.width, height: raster.height, unit: 'pixel', scale: 1, raster };
    },
    close() {},
  };
}
