/**
 * PNG, JPEG and BMP -> grey through WebCodecs' ImageDecoder, the cheaper of the two ways the
 * worker can decode. A canvas costs three passes over RGBA on the engine's thread (fill it white,
 * draw the bitmap, read it back: 35 MB each for a 300 dpi page, 60-90 ms alone, three times that
 * while both OCR workers read); a decoded frame is copied out once, in its own pixel format, a
 * band of rows at a time. A JPEG's frame is YCbCr, and its Y plane is the grey itself: 12 MB
 * copied, not 48 MB converted.
 *
 * It declines (null), and the canvas decodes instead, whenever the two could differ: a frame
 * with transparent pixels (the canvas composites them onto white), one the browser would turn or
 * mirror (an EXIF orientation still in the file), a pixel format other than the usual few, a
 * file it cannot decode (the canvas says why, as it always has), or no ImageDecoder at all.
 */
import { assertImageDimensions } from '../../read-api/formats';
import { allocatePgm, isOpaque, lumaToPgm, rgbaToGrey, type RasterPage } from './raster';

const MEDIA_TYPES = { png: 'image/png', jpeg: 'image/jpeg', bmp: 'image/bmp' } as const;

export type FrameFormat = keyof typeof MEDIA_TYPES;

/** Orientation metadata Chromium gives a decoded frame (from EXIF); not yet in TypeScript's DOM types. */
interface OrientedFrame {
  rotation?: number;
  flip?: boolean;
}

/**
 * A 4-byte frame is copied out this many rows at a time and turned to grey band by band: a band
 * of a 300 dpi page (630 KB) stays in the cache between the copy and the grey, where the whole
 * page's 35 MB went out to memory and back. Timed in Chromium on an A4 PNG: 21-29 ms against
 * 38-42 ms whole, the same grey.
 */
const BAND_ROWS = 64;

/** Pixel formats whose first plane is full-range luma. */
const LUMA_FIRST: ReadonlySet<string> = new Set(['I420', 'I422', 'I444', 'NV12']);
/** Four-byte formats, and whether their pixels carry an alpha to check. */
const FOUR_BYTES: ReadonlyMap<string, { order: 'rgba' | 'bgra'; alpha: boolean }> = new Map([
  ['RGBA', { order: 'rgba', alpha: true }],
  ['RGBX', { order: 'rgba', alpha: false }],
  ['BGRA', { order: 'bgra', alpha: true }],
  ['BGRX', { order: 'bgra', alpha: false }],
] as const);

async function decodeFirstFrame(bytes: Uint8Array<ArrayBuffer>, format: FrameFormat): Promise<VideoFrame | null> {
  if (typeof ImageDecoder === 'undefined' || !(await ImageDecoder.isTypeSupported(MEDIA_TYPES[format]))) return null;
  const decoder = new ImageDecoder({ data: bytes, type: MEDIA_TYPES[format], preferAnimation: false });
  try {
    return (await decoder.decode({ frameIndex: 0 })).image;
  } catch {
    return null;
  } finally {
    decoder.close();
  }
}

/** The frame's pixels as grey, or null when only the canvas would give the same grey. */
async function greyOf(frame: VideoFrame): Promise<RasterPage | null> {
  const { x, y, width, height } = frame.visibleRect ?? { x: 0, y: 0, width: frame.codedWidth, height: frame.codedHeight };
  const { rotation, flip } = frame as unknown as OrientedFrame;
  if ((rotation ?? 0) !== 0 || flip === true) return null;
  const format = frame.format ?? '';
  if (LUMA_FIRST.has(format) && frame.colorSpace.fullRange === true) {
    const planes = new Uint8Array(frame.allocationSize());
    const [luma] = await frame.copyTo(planes);
    if (!luma) return null;
    return lumaToPgm(planes.subarray(luma.offset), luma.stride, width, height);
  }
  const fourBytes = FOUR_BYTES.get(format);
  if (!fourBytes) return null;
  const { pgm, pixels } = allocatePgm(width, height);
  const band = new Uint8Array(width * 4 * Math.min(BAND_ROWS, height));
  for (let top = 0; top < height; top += BAND_ROWS) {
    const rows = Math.min(BAND_ROWS, height - top);
    const bytes = band.subarray(0, rows * width * 4);
    await frame.copyTo(bytes, { rect: { x, y: y + top, width, height: rows }, layout: [{ offset: 0, stride: width * 4 }] });
    if (fourBytes.alpha && !isOpaque(bytes)) return null;
    rgbaToGrey(bytes, pixels.subarray(top * width, (top + rows) * width), fourBytes.order);
  }
  return { width, height, pgm };
}

/**
 * The image's first frame as grey, or null when the canvas must decode it (see above). Throws
 * Read 3.2's size errors, as the canvas path does, before any pixel is copied.
 */
export async function decodeFrame(bytes: Uint8Array<ArrayBuffer>, format: FrameFormat): Promise<RasterPage | null> {
  const frame = await decodeFirstFrame(bytes, format);
  if (!frame) return null;
  try {
    const { width, height } = frame.visibleRect ?? { width: frame.codedWidth, height: frame.codedHeight };
    assertImageDimensions({ width, height });
    try {
      return await greyOf(frame);
    } catch {
      return null; // A copy the frame refuses: the canvas decodes it.
    }
  } finally {
    frame.close();
  }
}
