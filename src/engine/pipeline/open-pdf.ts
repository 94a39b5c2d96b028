/**
 * PDF: pdf.js inside the engine worker. A page with a text layer is read from it directly, with
 * no OCR, by the text parsers (pdf-text/: workers of their own, several per document); a page
 * without one is rendered near 300 dpi for OCR from a document opened here, with pdf.js's parser
 * in a worker of its own (one per document, ended in close()), opened on the first such page.
 * Pages are reported in inches, as Azure does.
 */
import { getDocument, PasswordException, PDFWorker, type PDFDocumentLoadingTask, type PDFDocumentProxy } from 'pdfjs-dist';
import { ReadApiError } from '../../read-api/errors';
import { withTimeout } from '../timeout';
import { openPdfText, type PdfTextParsers, type SpareParser } from '../pdf-text/pdf-text-parsers';
import type { DocumentSource, PageContent } from './document';
import { guarded, OPEN_TIMEOUT_MS, PAGE_TIMEOUT_MS } from './pdf-guard';
import { pdfReadOptions } from './pdf-options';
import { scannedPageImage } from './pdf-page-image';
import { NoFilterFactory, OffscreenCanvasFactory, POINTS_PER_INCH, renderPage, renderSize } from './pdf-render';
import { pdfPageSize, readTextLayer } from './pdf-text-layer';

const CLOSE_TIMEOUT_MS = 5_000;

function openError(error: unknown): ReadApiError {
  if (error instanceof ReadApiError) return error;
  if (error instanceof PasswordException || (error instanceof Error && error.name === 'PasswordException')) {
    return new ReadApiError('InvalidImageFormat', 'The PDF is password-protected: it cannot be opened without its password.');
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new ReadApiError('InvalidImageFormat', `Input data is not a valid PDF: ${detail}`);
}

/** The page's content: its text layer, or else its pixels near 300 dpi (its scanned image as it is, or the page drawn). */
async function loadPdfPage(document: PDFDocumentProxy, pageNumber: number): Promise<PageContent> {
  // A scan's text layer is read again here (pdf.js keeps the page; its text is a few operators):
  // milliseconds against the seconds its OCR takes.
  const text = await readTextLayer(document, pageNumber);
  if (text) return text;
  const page = await document.getPage(pageNumber);
  try {
    const { viewport, size } = pdfPageSize(page);
    const widthIn = viewport.width / POINTS_PER_INCH;
    const render = renderSize(widthIn, viewport.height / POINTS_PER_INCH);
    // A scan's own pixels may be a few more or fewer than the drawing's: its scale is its own.
    const image = await scannedPageImage(page, viewport, render);
    if (image) return { ...size, scale: widthIn / image.width, raster: image };
    return { ...size, scale: 1 / render.dpi, raster: await renderPage(page, render) };
  } finally {
    page.cleanup();
  }
}

/** Ends the document, then the parser worker, even when the worker no longer answers. */
function closeAll(task: PDFDocumentLoadingTask, pdfWorker: PDFWorker, worker: Worker): void {
  const stop = () => {
    pdfWorker.destroy();
    worker.terminate();
  };
  void withTimeout(task.destroy(), CLOSE_TIMEOUT_MS, () => new Error('pdf.js did not close in time')).then(stop, stop);
}

/** An open pdf.js document, with its parser worker. */
export interface OpenedPdf {
  document: PDFDocumentProxy;
  /** Settles with `promise`, or rejects when the parser worker dies or takes too long `what`. */
  guard<T>(promise: Promise<T>, what: string): Promise<T>;
  /** Ends the document and its worker; safe to call twice. */
  close(): void;
}

/**
 * Opens a PDF document with pdf.js, drawing in this worker (OffscreenCanvas, no DOM). Throws
 * InvalidImageFormat when it is not a PDF pdf.js can read, needs a password to open, or has no
 * pages. An owner password alone (restrictions on printing or copying) is no bar.
 */
export async function openPdfDocument(bytes: Uint8Array<ArrayBuffer>, baseUrl: string): Promise<OpenedPdf> {
  const worker = new Worker(new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url), { type: 'module' });
  // An explicit port: without one pdf.js falls back to parsing on this thread ("fake worker").
  const pdfWorker = PDFWorker.create({ port: worker });
  const task = getDocument({
    data: bytes,
    worker: pdfWorker,
    ...pdfReadOptions(baseUrl),
    disableWorkerRendering: true,
    // Images come decoded as they are (bits, RGB), not as bitmaps pdf.js's worker draws them
    // into: a scanned page is taken from its image (pdf-page-image.ts). A colour JPEG still comes
    // as a bitmap, decoded by the browser.
    isOffscreenCanvasSupported: false,
    CanvasFactory: OffscreenCanvasFactory,
    FilterFactory: NoFilterFactory,
  });
  let closed = false;
  const close = () => {
    if (!closed) closeAll(task, pdfWorker, worker);
    closed = true;
  };
  try {
    const document = await guarded(task.promise, worker, OPEN_TIMEOUT_MS, 'opening the document');
    if (document.numPages === 0) throw new ReadApiError('InvalidImageFormat', 'The PDF has no pages.');
    return { document, guard: (promise, what) => guarded(promise, worker, PAGE_TIMEOUT_MS, what), close };
  } catch (error) {
    close();
    throw openError(error);
  }
}

/** Text parsers per document: one a core, for the engine's other work shares the cores too. */
function textParserCount(): number {
  return navigator.hardwareConcurrency || 1;
}

/**
 * Opens a PDF for reading, page by page (see openPdfDocument for what it refuses). `bytes` stay
 * the caller's: the parsers and the renderer each read a copy. `spare`'s parser reads first, and
 * a new spare is warmed once the document is closed, for the next PDF.
 */
export async function openPdf(bytes: Uint8Array<ArrayBuffer>, baseUrl: string, spare?: SpareParser): Promise<DocumentSource> {
  let text: PdfTextParsers;
  try {
    text = await openPdfText(bytes, baseUrl, textParserCount(), spare);
  } catch (error) {
    spare?.warm();
    throw openError(error);
  }
  if (text.pageCount === 0) {
    text.close();
    spare?.warm();
    throw new ReadApiError('InvalidImageFormat', 'The PDF has no pages.');
  }
  // A born-digital document never needs the renderer: it is opened for the first scanned page.
  let renderer: Promise<OpenedPdf> | undefined;
  const rendering = () => (renderer ??= openPdfDocument(bytes.slice(), baseUrl));
  return {
    pageCount: text.pageCount,
    readText: (pageNumber) => text.readText(pageNumber),
    loadPage: async (pageNumber) => {
      const pdf = await rendering();
      return pdf.guard(loadPdfPage(pdf.document, pageNumber), `reading page ${pageNumber}`);
    },
    close: () => {
      text.close();
      spare?.warm();
      void renderer?.then((pdf) => pdf.close(), () => undefined);
    },
  };
}
