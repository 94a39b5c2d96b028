/**
 * The sheet of paper in a camera frame, found by page preparation's own outline finder
 * (`prepare/page-outline.ts`) on a small copy of the frame: about 640 px on its longer side
 * takes some 15 ms for a receipt photo, so a live preview can follow the page several times a
 * second.
 */
import { fromRaster } from '../pipeline/grey-image';
import { findPageOutline } from '../pipeline/prepare/page-outline';
import type { Quad } from '../pipeline/prepare/perspective';
import { rgbaToPgm } from '../pipeline/raster';
import { rgbaOf } from './frame-pixels';

/** Longer side of the copy the outline is looked for on. */
export const OUTLINE_SIDE = 640;

/** The sheet's corners in `frame` pixels, clockwise from top left, or null when none is clear. */
export function findFrameOutline(frame: ImageBitmap): Quad | null {
  const scale = Math.min(1, OUTLINE_SIDE / Math.max(frame.width, frame.height));
  const [width, height] = [Math.max(1, Math.round(frame.width * scale)), Math.max(1, Math.round(frame.height * scale))];
  const { data } = rgbaOf(frame, width, height);
  const outline = findPageOutline(fromRaster(rgbaToPgm(data, width, height)));
  if (!outline) return null;
  const [sx, sy] = [frame.width / width, frame.height / height];
  return outline.map(([x, y]) => [x * sx, y * sy]) as Quad;
}
