/**
 * PDF: pdf.js inside the engine worker, with pdf.js's parser in a worker of its own (one per
 * document, ended in close()). A page with a text layer is read from it directly, with no OCR; a
 * page without one is rendered near 300 dpi for OCR. Pages are reported in inches, as Azure does.
 */
import {
  getDocument,
  PasswordException,
  PDFWorker,
  type PDFDocumentLoadingTask,
  type PDFDocumentProxy,
} from 'pdfjs-dist';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import { ReadApiError } from '../../read-api/errors';
import { withTimeout } from '../timeout';
import type { DocumentSource, PageContent } from './document';
import { NoFilterFactory, OffscreenCanvasFactory, POINTS_PER_INCH, renderPage, renderSize } from './pdf-render';
import { textItemsToLines } from './pdf-text-lines';

/** pdf.js waits for its worker without a deadline; a dead worker would hold a job forever. */
const OPEN_TIMEOUT_MS = 60_000;
const PAGE_TIMEOUT_MS = 180_000;
const CLOSE_TIMEOUT_MS = 5_000;

/** Data files pdf.js fetches at run time; build/runtime-assets.ts copies them into the build. */
export function pdfAssetUrls(baseUrl: string) {
  return {
    cMapUrl: new URL('pdfjs/cmaps/', baseUrl).href,
    standardFontDataUrl: new URL('pdfjs/standard_fonts/', baseUrl).href,
    wasmUrl: new URL('pdfjs/wasm/', baseUrl).href,
    iccUrl: new URL('pdfjs/iccs/', baseUrl).href,
  };
}

/** Settles with `promise`, or rejects when the parser worker fails or `ms` pass first. */
function guarded<T>(promise: Promise<T>, worker: Worker, ms: number, what: string): Promise<T> {
  let fail: (reason: ReadApiError) => void = () => {};
  const onError = () => fail(new ReadApiError('FailedToProcess', `The PDF reader stopped while ${what}.`));
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
    worker.addEventListener('error', onError);
  });
  const settled = withTimeout(Promise.race([promise, failed]), ms, () => {
    return new ReadApiError('FailedToProcess', `The PDF reader took longer than ${ms / 1000} s ${what}.`);
  });
  return settled.finally(() => {
    worker.removeEventListener('error', onError);
    // Settle the losing side too; the race has already handled it.
    fail(new ReadApiError('FailedToProcess', `Done ${what}.`));
  });
}

function openError(error: unknown): ReadApiError {
  if (error instanceof ReadApiError) return error;
  if (error instanceof PasswordException || (error instanceof Error && error.name === 'PasswordException')) {
    return new ReadApiError('InvalidImageFormat', 'The PDF is password-protected: it cannot be opened without its password.');
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new ReadApiError('InvalidImageFormat', `Input data is not a valid PDF: ${detail}`);
}

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return 'str' in item;
}

/** Four decimals of an inch, as Azure reports page sizes (595 pt -> 8.2639). */
function inches(points: number): number {
  return Math.round((points / POINTS_PER_INCH) * 10_000) / 10_000;
}

async function loadPdfPage(document: PDFDocumentProxy, pageNumber: number): Promise<PageContent> {
  const page = await document.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const size = { width: inches(viewport.width), height: inches(viewport.height), unit: 'inch' as const };
    const { items, styles } = await page.getTextContent();
    const frame = { viewportTransform: viewport.transform, width: viewport.width, height: viewport.height, scale: 1 / POINTS_PER_INCH };
    const lines = textItemsToLines(items.filter(isTextItem), styles, frame);
    if (lines.length > 0) return { ...size, scale: 1 / POINTS_PER_INCH, lines };
    const render = renderSize(viewport.width / POINTS_PER_INCH, viewport.height / POINTS_PER_INCH);
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
    ...pdfAssetUrls(baseUrl),
    // Workers have no FontFace in a document: draw glyphs as paths, fetch data files from the worker.
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: true,
    disableWorkerRendering: true,
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

/** Opens a PDF for reading, page by page (see openPdfDocument for what it refuses). */
export async function openPdf(bytes: Uint8Array<ArrayBuffer>, baseUrl: string): Promise<DocumentSource> {
  const pdf = await openPdfDocument(bytes, baseUrl);
  return {
    pageCount: pdf.document.numPages,
    loadPage: (pageNumber) => pdf.guard(loadPdfPage(pdf.document, pageNumber), `reading page ${pageNumber}`),
    close: pdf.close,
  };
}
