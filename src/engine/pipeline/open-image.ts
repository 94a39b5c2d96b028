/**
 * PNG, JPEG and BMP: a one-page document decoded by the browser. A JPEG's EXIF orientation is
 * honoured by reading its pixels as stored and telling the reader how to turn them, so that the
 * result, like Azure's, is on the image as stored.
 */
import type { DocumentSource, PageContent } from './document';
import { decodeImage } from './decode-image';
import { readExifOrientation, turnsForOrientation, withoutOrientation } from './exif-orientation';
import { withAssumedDpi } from './raster';

async function loadImage(bytes: Uint8Array<ArrayBuffer>): Promise<PageContent> {
  const tag = readExifOrientation(bytes);
  const turns = tag ? turnsForOrientation(tag.value) : null;
  // A mirrored orientation cannot be undone by turning: the browser applies it, and the result
  // is on the image as shown.
  const stored = tag && turns !== null ? withoutOrientation(bytes, tag) : bytes;
  const raster = withAssumedDpi(await decodeImage(stored));
  const page: PageContent = { width: raster.width, height: raster.height, unit: 'pixel', scale: 1, raster };
  if (turns) page.turns = turns;
  return page;
}

export function openImage(bytes: Uint8Array<ArrayBuffer>): DocumentSource {
  return {
    pageCount: 1,
    loadPage: () => loadImage(bytes),
    close() {},
  };
}
