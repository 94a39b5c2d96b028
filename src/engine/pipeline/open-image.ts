/** PNG, JPEG and BMP: a one-page document decoded by the browser. */
import type { DocumentSource } from './document';
import { decodeImage } from './decode-image';

export function openImage(bytes: Uint8Array<ArrayBuffer>): DocumentSource {
  return {
    pageCount: 1,
    async loadPage() {
      const raster = await decodeImage(bytes);
      return { width: raster.width, height: raster.height, unit: 'pixel', scale: 1, raster };
    },
    close() {},
  };
}
