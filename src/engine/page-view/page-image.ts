/**
 * Pictures of a document's pages for the viewer, in colour, drawn from the file the page still
 * holds (nothing is stored). The engine's own openers decode: utif2 for TIFF, pdf.js for PDF, and
 * for a JPEG the same EXIF neutralisation as the reader, so that the picture is the image as
 * stored, the frame its boxes are in.
 */
import { ReadApiError } from '../../read-api/errors';
import { sniffFormat } from '../../read-api/formats';
import { readExifOrientation, turnsForOrientation, withoutOrientation } from '../pipeline/exif-orientation';
import type { OpenedPdf } from '../pipeline/open-pdf';
import type { TiffPages } from '../pipeline/open-tiff';
import { POINTS_PER_INCH, renderPageCanvas, renderSize } from '../pipeline/pdf-render';

/** One page's picture: an encoded image and its pixel size. */
export interface PageImage {
  blob: Blob;
  width: number;
  height: number;
}

/** An open document that draws its pages on request. */
export interface PageImageSource {
  readonly pageCount: number;
  /**
   * Page `pageNumber` (1-based), about `width` pixels wide (a picture from the file itself,
   * an image input, comes at its own size).
   */
  draw(pageNumber: number, width: number): Promise<PageImage>;
  close(): void;
}

/** The widest picture drawn: enough for a page zoomed in on a large screen, bounded in memory. */
export const MAX_DRAW_WIDTH = 6000;

function clampWidth(width: number): number {
  return Math.max(1, Math.min(MAX_DRAW_WIDTH, Math.round(width)));
}

async function encode(canvas: OffscreenCanvas): Promise<PageImage> {
  try {
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    return { blob, width: canvas.width, height: canvas.height };
  } finally {
    canvas.width = canvas.height = 0;
  }
}

/** PNG, BMP: the file as it is. JPEG: with its orientation tag set to "as stored" unless mirrored. */
function imageSource(bytes: Uint8Array<ArrayBuffer>, type: string): PageImageSource {
  const tag = type === 'image/jpeg' ? readExifOrientation(bytes) : null;
  // The reader leaves mirrored tags to the browser (no turn undoes them), and so does the viewer.
  const stored = tag && turnsForOrientation(tag.value) !== null ? withoutOrientation(bytes, tag) : bytes;
  const blob = new Blob([stored], { type });
  return {
    pageCount: 1,
    async draw(pageNumber) {
      if (pageNumber !== 1) throw new ReadApiError('InvalidPageRange', `An image has no page ${pageNumber}.`);
      const bitmap = await createImageBitmap(blob);
      const size = { width: bitmap.width, height: bitmap.height };
      bitmap.close();
      return { blob, ...size };
    },
    close() {},
  };
}

function tiffSource(pages: TiffPages): PageImageSource {
  return {
    pageCount: pages.pageCount,
    async draw(pageNumber, width) {
      const page = pages.decode(pageNumber);
      const full = new OffscreenCanvas(page.width, page.height);
      full.getContext('2d')!.putImageData(new ImageData(page.rgba, page.width, page.height), 0, 0);
      const drawWidth = Math.min(page.width, clampWidth(width));
      if (drawWidth === page.width) return encode(full);
      const scaled = new OffscreenCanvas(drawWidth, Math.max(1, Math.round((page.height * drawWidth) / page.width)));
      const context = scaled.getContext('2d')!;
      context.imageSmoothingQuality = 'high';
      context.drawImage(full, 0, 0, scaled.width, scaled.height);
      full.width = full.height = 0;
      return encode(scaled);
    },
    close: () => pages.close(),
  };
}

function pdfSource(pdf: OpenedPdf): PageImageSource {
  const drawPage = async (pageNumber: number, width: number): Promise<PageImage> => {
    const page = await pdf.document.getPage(pageNumber);
    try {
      const viewport = page.getViewport({ scale: 1 });
      const widthIn = viewport.width / POINTS_PER_INCH;
      const size = renderSize(widthIn, viewport.height / POINTS_PER_INCH, clampWidth(width) / widthIn);
      return await encode(await renderPageCanvas(page, size));
    } finally {
      page.cleanup();
    }
  };
  return {
    pageCount: pdf.document.numPages,
    draw: (pageNumber, width) => {
      if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > pdf.document.numPages) {
        return Promise.reject(new ReadApiError('InvalidPageRange', `The PDF has no page ${pageNumber}.`));
      }
      return pdf.guard(drawPage(pageNumber, width), `drawing page ${pageNumber}`);
    },
    close: pdf.close,
  };
}

/** Opens `file` for drawing; `baseUrl` is the app's root, where pdf.js's data files are served. */
export async function openPageImages(file: Blob, baseUrl: string): Promise<PageImageSource> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const format = sniffFormat(bytes);
  switch (format) {
    case 'png':
    case 'bmp':
    case 'jpeg':
      return imageSource(bytes, `image/${format}`);
    // Loaded on first use, as the reader does: an image needs neither decoder.
    case 'tiff':
      return tiffSource((await import('../pipeline/open-tiff')).openTiffPages(bytes));
    case 'pdf':
      return pdfSource(await (await import('../pipeline/open-pdf')).openPdfDocument(bytes, baseUrl));
    default:
      throw new ReadApiError('InvalidImageFormat', 'The file is none of the formats the reader opens.');
  }
}
