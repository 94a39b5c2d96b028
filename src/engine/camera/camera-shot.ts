/**
 * A camera shot from capture to page: the frame kept as a JPEG with the sheet found on it, then
 * the sheet inside the corners the user settled on, warped upright in colour.
 */
import { rectangleToQuad, rectifiedSize, warpRgba, type Quad } from '../pipeline/prepare/perspective';
import { encodeJpeg, rgbaOf } from './frame-pixels';
import { findFrameOutline } from './frame-outline';

export interface CapturedShot {
  /** The frame as taken, JPEG. */
  photo: Blob;
  width: number;
  height: number;
  /** The sheet's corners in photo pixels, or null when none was clear. */
  outline: Quad | null;
}

export interface CorrectedPage {
  /** The page, upright, JPEG. */
  jpeg: Blob;
  width: number;
  height: number;
}

/** Keeps `frame` as a JPEG and looks for the sheet on it; the bitmap is closed. */
export async function captureShot(frame: ImageBitmap): Promise<CapturedShot> {
  try {
    const outline = findFrameOutline(frame);
    const photo = await encodeJpeg(rgbaOf(frame));
    return { photo, width: frame.width, height: frame.height, outline };
  } finally {
    frame.close();
  }
}

/**
 * The part of `photo` inside `quad` (photo pixels, clockwise from top left) as an upright page.
 * The whole photo is returned as it is, not encoded a second time.
 */
export async function correctShot(photo: Blob, quad: Quad): Promise<CorrectedPage> {
  const bitmap = await createImageBitmap(photo);
  try {
    const { width: pw, height: ph } = bitmap;
    if (isWholeFrame(quad, pw, ph)) return { jpeg: photo, width: pw, height: ph };
    const { width, height } = rectifiedSize(quad);
    const page = warpRgba(rgbaOf(bitmap), rectangleToQuad(width, height, quad), width, height);
    return { jpeg: await encodeJpeg(page), width, height };
  } finally {
    bitmap.close();
  }
}

/** Whether `quad` is the photo's own frame, to within half a pixel. */
export function isWholeFrame(quad: Quad, width: number, height: number): boolean {
  const frame: Quad = [[0, 0], [width, 0], [width, height], [0, height]];
  return quad.every(([x, y], i) => Math.abs(x - frame[i]![0]) <= 0.5 && Math.abs(y - frame[i]![1]) <= 0.5);
}
