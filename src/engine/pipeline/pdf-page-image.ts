/**
 * A scanned PDF page taken as its image instead of drawn. Most scanned pages paint one image over
 * the whole page and nothing else; when that image already has the resolution the page would be
 * rendered at (300 dpi, the scanners' usual setting), its pixels are the rendering. pdf.js decodes
 * them in its worker and hands them over (transferred) as grey bits or RGB; here they become the
 * page's grey directly. Drawing the page instead costs an RGBA bitmap in pdf.js's worker, a page
 * canvas, and the canvas read back: three copies of four bytes a pixel (100 MB for an A4 page),
 * and about 0.1 s of the engine's thread. Every other page (text drawn as paths, several images,
 * a clip, another resolution, a turned image, a colour JPEG pdf.js decodes to a bitmap) is drawn.
 */
import { OPS, type PageViewport, type PDFPageProxy } from 'pdfjs-dist';
import { allocatePgm, luma, type RasterPage } from './raster';
import { POINTS_PER_INCH, type RenderSize } from './pdf-render';

/** An affine matrix as pdf.js writes them: [a, b, c, d, e, f] maps (x, y) to (ax + cy + e, bx + dy + f). */
export type Matrix = readonly [number, number, number, number, number, number];

/** `outer` after `inner`: the matrix of applying `inner`, then `outer`. */
export function compose(outer: Matrix, inner: Matrix): Matrix {
  const [a1, b1, c1, d1, e1, f1] = outer;
  const [a2, b2, c2, d2, e2, f2] = inner;
  return [a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2, a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1];
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** Operators that neither paint nor hide anything. */
const NEUTRAL = new Set<number>([OPS.save, OPS.restore, OPS.transform, OPS.dependency]);

export interface SoleImage {
  /** pdf.js's id of the decoded image: in the page's objects, or the document's (`g_`). */
  objId: string;
  width: number;
  height: number;
  /** Maps the image's unit square (its first row at y = 1) into the page's user space. */
  transform: Matrix;
}

/** The one image an operator list paints, when it paints nothing else. */
export function soleImage(fnArray: readonly number[], argsArray: readonly unknown[]): SoleImage | null {
  const stack: Matrix[] = [];
  let current = IDENTITY;
  let image: SoleImage | null = null;
  for (let i = 0; i < fnArray.length; i += 1) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.paintImageXObject) {
      const [objId, width, height] = args ?? [];
      if (image || typeof objId !== 'string' || typeof width !== 'number' || typeof height !== 'number') return null;
      image = { objId, width, height, transform: current };
    } else if (!NEUTRAL.has(fn)) {
      return null;
    } else if (fn === OPS.save) {
      stack.push(current);
    } else if (fn === OPS.restore) {
      current = stack.pop() ?? IDENTITY;
    } else if (fn === OPS.transform) {
      current = compose(current, args as unknown as Matrix);
    }
  }
  return image;
}

/** How far (points) the image's edges may miss the page's and still count as covering it. */
const EDGE_TOLERANCE = 1;
/** How far the image's resolution may be off the rendering's (0.3 %: 7 px across an A4 page at 300 dpi). */
const DPI_TOLERANCE = 0.003;

/**
 * Whether `image`, placed by `viewportTransform` (user space to the page at scale 1, in points),
 * stands upright over the whole page at the resolution of `render`: then its pixels are the page
 * rendered at that size.
 */
export function coversPageAt(image: SoleImage, viewportTransform: Matrix, pageWidth: number, pageHeight: number, render: RenderSize): boolean {
  const [a, b, c, d, e, f] = compose(viewportTransform, image.transform);
  const upright = Math.abs(b) < 1e-6 && Math.abs(c) < 1e-6 && a > 0 && d < 0;
  // Device corners: the image's first row, first column at (e, f + d); its last at (e + a, f).
  const covers = [e, f + d].every((v) => Math.abs(v) <= EDGE_TOLERANCE) && Math.abs(e + a - pageWidth) <= EDGE_TOLERANCE && Math.abs(f - pageHeight) <= EDGE_TOLERANCE;
  if (!upright || !covers) return false;
  const near = (pixels: number, points: number) => Math.abs(pixels / (points / POINTS_PER_INCH) / render.dpi - 1) <= DPI_TOLERANCE;
  return near(image.width, a) && near(image.height, -d);
}

/** A decoded image as pdf.js hands it to the page: bits, RGB or RGBA, or a bitmap. */
export interface DecodedImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray | null;
  bitmap?: unknown;
}

/** pdf.js's `ImageKind`, which its package does not export. */
const GRAYSCALE_1BPP = 1;
const RGB_24BPP = 2;
const RGBA_32BPP = 3;

/**
 * The image's grey, as the page is drawn (on white), or null for a bitmap or a form pdf.js has
 * not given here. The same `luma` as the canvas path's, so that an image's grey is what drawing gave.
 */
export function greyOfImage(image: DecodedImage): Uint8Array<ArrayBuffer> | null {
  const { width, height, kind, data } = image;
  if (!data || image.bitmap) return null;
  const { pgm, pixels } = allocatePgm(width, height);
  const count = width * height;
  if (kind === GRAYSCALE_1BPP) {
    // Rows padded to whole bytes, the first pixel in the high bit; 1 is white (pdf.js has applied
    // the image's Decode already).
    const rowBytes = (width + 7) >> 3;
    if (data.length < rowBytes * height) return null;
    for (let y = 0; y < height; y += 1) {
      const row = y * rowBytes;
      const out = y * width;
      for (let x = 0; x < width; x += 1) pixels[out + x] = (data[row + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
    }
  } else if (kind === RGB_24BPP) {
    if (data.length < count * 3) return null;
    for (let i = 0, j = 0; i < count; i += 1, j += 3) pixels[i] = luma(data[j]!, data[j + 1]!, data[j + 2]!);
  } else if (kind === RGBA_32BPP) {
    if (data.length < count * 4) return null;
    for (let i = 0, j = 0; i < count; i += 1, j += 4) {
      const grey = luma(data[j]!, data[j + 1]!, data[j + 2]!);
      const alpha = data[j + 3]!;
      pixels[i] = Math.round((grey * alpha + 255 * (255 - alpha)) / 255);
    }
  } else {
    return null;
  }
  return pgm;
}

/** Resolves with an object pdf.js decoded for the page (images in the document's own pool start `g_`). */
function decodedObject(page: PDFPageProxy, objId: string): Promise<unknown> {
  const objects = objId.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve, reject) => objects.get(objId, resolve, reject));
}

/**
 * The page (`viewport`: at scale 1) as its image, when it is one upright image at the resolution
 * of `render` (see the top of this file), else null: then it is drawn. The operator list is the
 * one drawing would build (pdf.js keeps it for the page), so a page drawn after all is not parsed
 * twice.
 */
export async function scannedPageImage(page: PDFPageProxy, viewport: PageViewport, render: RenderSize): Promise<RasterPage | null> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const image = soleImage(fnArray, argsArray);
  if (!image || !coversPageAt(image, viewport.transform as unknown as Matrix, viewport.width, viewport.height, render)) return null;
  const decoded = (await decodedObject(page, image.objId)) as DecodedImage | null;
  if (!decoded || decoded.width !== image.width || decoded.height !== image.height) return null;
  const pgm = greyOfImage(decoded);
  return pgm && { width: image.width, height: image.height, pgm, dpi: render.dpi };
}
