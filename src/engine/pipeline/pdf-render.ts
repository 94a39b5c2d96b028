/**
 * Rendering a PDF page to pixels for OCR, inside a worker: an OffscreenCanvas (there is no DOM),
 * near 300 dpi, but never larger than a canvas can hold or Read 3.2 reads.
 */
import type { PDFPageProxy } from 'pdfjs-dist';
import { ReadApiError } from '../../read-api/errors';
import { MAX_IMAGE_SIDE } from '../../read-api/formats';
import { MAX_CANVAS_PIXELS, rgbaToPgm, type RasterPage } from './raster';

/** Tesseract reads body text best near 300 dpi. */
export const TARGET_DPI = 300;
/** PDF user space units (points) per inch. */
export const POINTS_PER_INCH = 72;

export interface RenderSize {
  dpi: number;
  width: number;
  height: number;
}

/**
 * The resolution and pixel size for a page of `widthIn` x `heightIn` inches: `targetDpi`
 * (TARGET_DPI for OCR; the viewer asks for what the screen shows), lowered
 * for huge pages so that no side exceeds 10000 px and the area stays within MAX_CANVAS_PIXELS.
 * Sizes round down, so the limits hold exactly.
 */
export function renderSize(widthIn: number, heightIn: number, targetDpi = TARGET_DPI): RenderSize {
  const bySide = MAX_IMAGE_SIDE / Math.max(widthIn, heightIn);
  const byArea = Math.sqrt(MAX_CANVAS_PIXELS / (widthIn * heightIn));
  const dpi = Math.min(targetDpi, bySide, byArea);
  return { dpi, width: Math.max(1, Math.floor(widthIn * dpi)), height: Math.max(1, Math.floor(heightIn * dpi)) };
}

/** The canvas and context pair pdf.js asks its canvas factory for. */
interface CanvasAndContext {
  canvas: OffscreenCanvas | null;
  context: OffscreenCanvasRenderingContext2D | null;
}

function context2d(canvas: OffscreenCanvas, alpha = true): OffscreenCanvasRenderingContext2D {
  const context = canvas.getContext('2d', { alpha, willReadFrequently: true });
  if (!context) throw new ReadApiError('InvalidImageSize', 'No canvas could be allocated to render the page.');
  return context;
}

/**
 * pdf.js's canvas factory for a worker: its default one calls `document.createElement('canvas')`.
 * Same shape as pdf.js's `BaseCanvasFactory`, which the package does not export.
 */
export class OffscreenCanvasFactory {
  create(width: number, height: number): CanvasAndContext {
    if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
    const canvas = new OffscreenCanvas(width, height);
    return { canvas, context: context2d(canvas) };
  }

  reset(pair: CanvasAndContext, width: number, height: number): void {
    if (!pair.canvas || width <= 0 || height <= 0) throw new Error('Invalid canvas size');
    pair.canvas.width = width;
    pair.canvas.height = height;
  }

  destroy(pair: CanvasAndContext): void {
    if (pair.canvas) pair.canvas.width = pair.canvas.height = 0;
    pair.canvas = null;
    pair.context = null;
  }

  getNoAlphaContext(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
    return context2d(canvas, false);
  }
}

/**
 * pdf.js's filter factory without a DOM: its default builds SVG filters in the document (transfer
 * functions, soft-mask luminosity). "none" draws without them, as pdf.js's own base factory does;
 * text stays legible, which is what OCR needs.
 */
export class NoFilterFactory {
  addFilter(): string { return 'none'; }
  addHCMFilter(): string { return 'none'; }
  addAlphaFilter(): string { return 'none'; }
  addLuminosityFilter(): string { return 'none'; }
  addKnockoutFilter(): string { return 'none'; }
  addHighlightHCMFilter(): string { return 'none'; }
  addSelectionHCMFilter(): string { return 'none'; }
  addSelectionFilter(): string { return 'none'; }
  createSelectionStyle(): null { return null; }
  destroy(): void {}
}

/**
 * A canvas whose backing store could not be allocated draws nothing and reads back as zeros (an
 * opaque canvas starts black). Draw a white pixel in the far corner and read it back before
 * spending a render on it.
 */
function assertDrawable(context: OffscreenCanvasRenderingContext2D, width: number, height: number): void {
  context.fillStyle = '#ffffff';
  context.fillRect(width - 1, height - 1, 1, 1);
  const [red] = context.getImageData(width - 1, height - 1, 1, 1).data;
  if (red !== 255) {
    throw new ReadApiError('InvalidImageSize', `A ${width}x${height} canvas could not be allocated to render the page.`);
  }
}

/**
 * Renders one page at `size`, in colour on white, into a new opaque canvas. The caller owns the
 * canvas (frees it by setting its size to 0); on failure it is freed here.
 */
export async function renderPageCanvas(page: PDFPageProxy, size: RenderSize): Promise<OffscreenCanvas> {
  const canvas = new OffscreenCanvas(size.width, size.height);
  try {
    // The same options pdf.js asks the factory for, so that render() reuses this context.
    const context = context2d(canvas, false);
    assertDrawable(context, size.width, size.height);
    const viewport = page.getViewport({ scale: size.dpi / POINTS_PER_INCH });
    // pdf.js types the canvas as a DOM canvas; it only calls what OffscreenCanvas has as well.
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport, background: '#ffffff' }).promise;
    return canvas;
  } catch (error) {
    canvas.width = canvas.height = 0;
    throw error;
  }
}

/** Renders one page at `size`, on white, and returns it as greyscale. */
export async function renderPage(page: PDFPageProxy, size: RenderSize): Promise<RasterPage> {
  const canvas = await renderPageCanvas(page, size);
  try {
    const { data } = context2d(canvas, false).getImageData(0, 0, size.width, size.height);
    return { ...rgbaToPgm(data, size.width, size.height), dpi: size.dpi };
  } finally {
    canvas.width = canvas.height = 0;
  }
}
