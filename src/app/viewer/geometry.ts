/** Where boxes sit on the page as drawn, and how zoom moves the view. Pure. */
import type { BoundingBox } from '../../read-api/types';

/** An axis-aligned rectangle in the page's unit (pixels or inches). */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The smallest upright rectangle around a box's four corners (a box may be turned). */
export function boxBounds(box: BoundingBox): Rect {
  const xs = [box[0], box[2], box[4], box[6]];
  const ys = [box[1], box[3], box[5], box[7]];
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  return { left, top, width: Math.max(...xs) - left, height: Math.max(...ys) - top };
}

/** A box as an SVG polygon's `points`. */
export function polygonPoints(box: BoundingBox): string {
  return `${box[0]},${box[1]} ${box[2]},${box[3]} ${box[4]},${box[5]} ${box[6]},${box[7]}`;
}

/**
 * A rectangle as percentages of the page, for CSS placement that follows the page's drawn size
 * at any zoom.
 */
export function percentRect(rect: Rect, pageWidth: number, pageHeight: number): Rect {
  return {
    left: (rect.left / pageWidth) * 100,
    top: (rect.top / pageHeight) * 100,
    width: (rect.width / pageWidth) * 100,
    height: (rect.height / pageHeight) * 100,
  };
}

/** Zoom is relative to the page fitted to the viewer's width. */
export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 8;
const ZOOM_STEP = 1.25;

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** The next zoom step in (`direction` 1) or out (-1), staying on the 1.25x ladder through 1. */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  const steps = Math.round(Math.log(zoom) / Math.log(ZOOM_STEP));
  return clampZoom(ZOOM_STEP ** (steps + direction));
}

/**
 * The scroll offset that keeps the point under `pointer` (viewport coordinates) still when the
 * content's scale changes by `ratio`.
 */
export function scrollAfterZoom(scroll: number, pointer: number, ratio: number): number {
  return Math.max(0, (scroll + pointer) * ratio - pointer);
}

/**
 * The pixel width to draw a page at for `cssWidth` CSS pixels on a `pixelRatio` screen, rounded
 * up to a ladder of widths (each 1.5x the last) so that small zoom changes reuse a picture.
 */
export function drawWidth(cssWidth: number, pixelRatio: number): number {
  const wanted = Math.max(1, cssWidth * pixelRatio);
  const rung = Math.ceil(Math.log(wanted / 256) / Math.log(1.5));
  return Math.round(256 * 1.5 ** Math.max(0, rung));
}
