/** Content-Type handling: media types are compared without their parameters, case-insensitively. */

/** `image/PNG; charset=x` -> `image/png`; null when the header is absent or empty. */
export function mediaTypeOf(contentType: string | null): string | null {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type ? type : null;
}

/** Media types whose body is the file itself (ReadInStream). */
export const FILE_MEDIA_TYPES: readonly string[] = [
  'application/octet-stream',
  'image/png',
  'image/jpeg',
  'image/jpg',
  'image/bmp',
  'image/tiff',
  'application/pdf',
];

/**
 * True when a body of this media type is the file itself: the listed types, and any other
 * `image/*` (so that a GIF sent as `image/gif` hears InvalidImageFormat, the more useful answer,
 * rather than UnsupportedMediaType).
 */
export function isFileMediaType(mediaType: string): boolean {
  return FILE_MEDIA_TYPES.includes(mediaType) || mediaType.startsWith('image/');
}
