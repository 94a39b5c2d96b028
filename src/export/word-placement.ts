/**
 * A word's box as a text frame: where its baseline starts, which way it runs, how long and how
 * tall it is, all in PDF user space. The invisible text layer writes each word in that frame, so
 * a viewer's selection and search land on the word as it is printed, slanted or not.
 */
import type { BoundingBox } from '../read-api/types';
import { applyAffine, type Affine, type Point } from './page-frame';

export interface WordFrame {
  /** The box's bottom-left corner, in points. */
  corner: Point;
  /** Unit vector along the text (left to right as read). */
  along: Point;
  /** Unit vector from the text's bottom to its top, square to `along`. */
  up: Point;
  /** Length along the text, in points. */
  width: number;
  /** Height square to the text, in points. */
  height: number;
}

/** Below this many points a box has no extent a viewer could select; such words are skipped. */
const MIN_EXTENT = 0.01;

const minus = (p: Point, q: Point): Point => [p[0] - q[0], p[1] - q[1]];
const plus = (p: Point, q: Point): Point => [p[0] + q[0], p[1] + q[1]];
const dot = (p: Point, q: Point): number => p[0] * q[0] + p[1] * q[1];

/**
 * The frame of a box given clockwise from the text's top-left corner (Azure's order), mapped
 * into user space by `toUser`. Null when the box has no extent. The two edges along the text are
 * averaged, so a slightly irregular quad (a perspective photo) gets the frame that fits it best.
 */
export function wordFrame(box: BoundingBox, toUser: Affine): WordFrame | null {
  const [topLeft, topRight, bottomRight, bottomLeft] = [0, 2, 4, 6].map((i) => applyAffine(toUser, [box[i]!, box[i + 1]!])) as [Point, Point, Point, Point];
  const run = plus(minus(topRight, topLeft), minus(bottomRight, bottomLeft));
  const width = Math.hypot(run[0], run[1]) / 2;
  if (!(width > MIN_EXTENT)) return null;
  const along: Point = [run[0] / (2 * width), run[1] / (2 * width)];
  const rise = plus(minus(topLeft, bottomLeft), minus(topRight, bottomRight));
  // The square to `along` on the side the box's top is on: the map from a y-down page to y-up
  // user space flips orientation, so the side cannot be assumed.
  const square: Point = [-along[1], along[0]];
  const side = dot(rise, square) < 0 ? -1 : 1;
  const up: Point = [side * square[0], side * square[1]];
  const height = Math.abs(dot(rise, up)) / 2;
  if (!(height > MIN_EXTENT)) return null;
  return { corner: bottomLeft, along, up, width, height };
}
