/**
 * Where a result's coordinates land on a PDF page. A result page is y down, in pixels of the
 * image or in inches of the page as shown (pdf.js's viewport: the crop box, turned by /Rotate);
 * PDF user space is in points, y up, with the page's own origin. One affine map carries the
 * first onto the second, so every corner of every box goes through the same arithmetic.
 */

/** `[a, b, c, d, e, f]`: (u, v) -> (a·u + c·v + e, b·u + d·v + f), PDF's matrix order. */
export type Affine = readonly [number, number, number, number, number, number];

export type Point = readonly [number, number];

export const POINTS_PER_INCH = 72;

export function applyAffine([a, b, c, d, e, f]: Affine, [u, v]: Point): Point {
  return [a * u + c * v + e, b * u + d * v + f];
}

/** A rectangle in user space, normalised (x0 < x1, y0 < y1). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A box from pdf-lib's `{x, y, width, height}`, which keeps a reversed array as it is. */
export function boxOf(rect: { x: number; y: number; width: number; height: number }): Box {
  const xs = [rect.x, rect.x + rect.width];
  const ys = [rect.y, rect.y + rect.height];
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/**
 * The part of the page a viewer shows: the crop box clipped to the media box, or the media box
 * when they do not meet (as pdf.js, and so the reader that measured the page, does).
 */
export function visibleBox(mediaBox: Box, cropBox: Box): Box {
  const clipped = {
    x0: Math.max(mediaBox.x0, cropBox.x0),
    y0: Math.max(mediaBox.y0, cropBox.y0),
    x1: Math.min(mediaBox.x1, cropBox.x1),
    y1: Math.min(mediaBox.y1, cropBox.y1),
  };
  return clipped.x0 < clipped.x1 && clipped.y0 < clipped.y1 ? clipped : mediaBox;
}

/** /Rotate as 0, 90, 180 or 270 (a multiple of 90 in the file, possibly negative or over 360). */
export function quarterRotation(degrees: number): 0 | 90 | 180 | 270 {
  const turned = ((Math.round(degrees / 90) * 90) % 360 + 360) % 360;
  return turned as 0 | 90 | 180 | 270;
}

/**
 * Maps a page shown in `unitToPoints` units (y down, origin at its top-left as displayed) onto
 * the user space of a PDF page whose visible box is `box` and which is turned clockwise by
 * `rotation` when shown.
 */
export function shownPageToUserSpace(box: Box, rotation: 0 | 90 | 180 | 270, unitToPoints: number): Affine {
  const k = unitToPoints;
  // Each case reads: where does the shown page's top-left corner sit, and which way do its
  // right (u) and down (v) directions point in user space.
  switch (rotation) {
    case 0:
      return [k, 0, 0, -k, box.x0, box.y1];
    case 90:
      return [0, k, k, 0, box.x0, box.y0];
    case 180:
      return [-k, 0, 0, k, box.x1, box.y0];
    case 270:
      return [0, -k, -k, 0, box.x1, box.y1];
  }
}

/** The size of a PDF page that shows a `width` x `height` image at `dpi`, in points. */
export function imagePageSize(width: number, height: number, dpi: number): { width: number; height: number } {
  return { width: (width * POINTS_PER_INCH) / dpi, height: (height * POINTS_PER_INCH) / dpi };
}
