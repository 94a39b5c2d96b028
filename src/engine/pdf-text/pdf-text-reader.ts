/**
 * One document's text layers, read in the worker this runs in (pdf-text.worker.ts) with pdf.js
 * parsing on this same thread, its "fake worker": the engine's renderer sends every page and
 * every batch of text items through messages to pdf.js's own worker, which costs as much as
 * the parsing on a page of plain text. Here a page crosses a thread once, as lines.
 */
import { getDocument, type PDFDocumentLoadingTask, type PDFDocumentProxy } from 'pdfjs-dist';
import { pdfReadOptions } from '../pipeline/pdf-options';
import { readTextLayer } from '../pipeline/pdf-text-layer';

/**
 * pdf.js parses on the calling thread once its worker module is `globalThis.pdfjsWorker`
 * (`PDFWorker`'s `#mainThreadWorkerMessageHandler`, pdfjs-dist `src/display/api.js`). The module
 * is the very file the renderer starts as its worker, so the app ships it once.
 */
async function parseOnThisThread(): Promise<void> {
  const url = new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url).href;
  const module: unknown = await import(/* @vite-ignore */ url);
  Object.assign(globalThis, { pdfjsWorker: module });
}

export class PdfTextReader {
  #loaded: Promise<void> | undefined;
  #task: PDFDocumentLoadingTask | undefined;
  #document: PDFDocumentProxy | undefined;

  /** Loads pdf.js's parser ahead of a document (a spare parser does, while the engine waits). */
  load(): Promise<void> {
    this.#loaded ??= parseOnThisThread();
    return this.#loaded;
  }

  /**
   * Opens the document; resolves with its page count. Rejects with pdf.js's own error (its
   * `name` crosses the thread: the engine tells a password from a broken file by it).
   */
  async open(bytes: Uint8Array<ArrayBuffer>, baseUrl: string): Promise<number> {
    if (this.#task) throw new Error('This reader has a document open already.');
    await this.load();
    this.#task = getDocument({ data: bytes, ...pdfReadOptions(baseUrl) });
    this.#document = await this.#task.promise;
    return this.#document.numPages;
  }

  /**
   * A page's text layer (1-based) as the JSON of its `PageContent`, or null when it has none.
   * JSON, because a page is hundreds of small objects (words, boxes): structured-cloning them
   * into the engine costs it several times what JSON.parse of one string does.
   */
  async readText(pageNumber: number): Promise<string | null> {
    if (!this.#document) throw new Error('No document is open.');
    const content = await readTextLayer(this.#document, pageNumber);
    return content && JSON.stringify(content);
  }
}
