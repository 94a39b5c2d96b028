/**
 * A PDF's text layers, read by several parser workers at once, each with a copy of the document.
 * A born-digital page is all parsing (a few ms in pdf.js), so one parser alone caps a long
 * document near 200 pages/s; with one per core (at most MAX_PARSERS) they split the pages. The
 * first parser to be started is the one whose answer counts for opening (the document's page
 * count, or why it cannot be read); the others take pages as soon as they have opened it too,
 * and one that fails is simply left out.
 */
import { transfer, wrap, type Remote } from 'comlink';
import type { PageContent } from '../pipeline/document';
import { guarded, OPEN_TIMEOUT_MS, PAGE_TIMEOUT_MS } from '../pipeline/pdf-guard';
import type { PdfTextWorkerApi } from './pdf-text.worker';

/** Each parser holds its own copy of the document and of pdf.js: beyond a few, memory grows for little. */
export const MAX_PARSERS = 4;

interface Parser {
  worker: Worker;
  api: Remote<PdfTextWorkerApi>;
  /** Pages asked of it and not answered yet. */
  busy: number;
}

/** The text layers of one open document. */
export interface PdfTextParsers {
  pageCount: number;
  /** A page's text layer as lines (1-based), or null when it has none; read by the least busy parser. */
  readText(pageNumber: number): Promise<PageContent | null>;
  /** Ends every parser; safe to call twice. */
  close(): void;
}

function startParser(): Parser {
  const worker = new Worker(new URL('./pdf-text.worker.ts', import.meta.url), { type: 'module', name: 'localread-pdf-text' });
  return { worker, api: wrap<PdfTextWorkerApi>(worker), busy: 0 };
}

/** Opens `bytes` (left untouched: each parser gets a copy) in `count` parsers. */
export async function openPdfText(bytes: Uint8Array<ArrayBuffer>, baseUrl: string, count: number): Promise<PdfTextParsers> {
  const started = Array.from({ length: Math.max(1, Math.min(count, MAX_PARSERS)) }, startParser);
  const open: Parser[] = [];
  const close = () => started.splice(0).forEach((parser) => parser.worker.terminate());
  const opening = started.map((parser) => {
    const copy = bytes.slice();
    const opened = guarded(parser.api.open(transfer(copy, [copy.buffer]), baseUrl), parser.worker, OPEN_TIMEOUT_MS, 'opening the document');
    return opened.then((pageCount) => {
      open.push(parser);
      return pageCount;
    });
  });
  // Only the first answers for the document: a failure of another is the first one's too (it
  // answers it), or that parser's alone (it takes no pages). Settled here, so none is unhandled.
  void Promise.allSettled(opening.slice(1));
  let pageCount: number;
  try {
    pageCount = await opening[0]!;
  } catch (reason) {
    close();
    throw reason;
  }
  const readText = async (pageNumber: number) => {
    const parser = open.reduce((least, candidate) => (candidate.busy < least.busy ? candidate : least));
    parser.busy += 1;
    try {
      const json = await guarded(parser.api.readText(pageNumber), parser.worker, PAGE_TIMEOUT_MS, `reading the text of page ${pageNumber}`);
      return json === null ? null : (JSON.parse(json) as PageContent);
    } finally {
      parser.busy -= 1;
    }
  };
  return { pageCount, readText, close };
}
