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
const MAX_PARSERS = 4;

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

/** A spare parser waits this long for a PDF before it is ended, as the OCR pool's idle workers. */
const IDLE_MS = 60_000;

function startParser(): Parser {
  const worker = new Worker(new URL('./pdf-text.worker.ts', import.meta.url), { type: 'module', name: 'localread-pdf-text' });
  return { worker, api: wrap<PdfTextWorkerApi>(worker), busy: 0 };
}

/**
 * One parser started ahead of the next PDF, with pdf.js loaded: otherwise the first PDF waits
 * for a worker to start and pdf.js's parser (1.3 MB) to compile before any page is read, a
 * large part of a short document's time. Ended when no PDF comes within `idleMs`.
 */
export class SpareParser {
  readonly #idleMs: number;
  #spare: Parser | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(idleMs = IDLE_MS) {
    this.#idleMs = idleMs;
  }

  /** Starts the spare, unless one waits already; its idle time starts again. */
  warm(): void {
    if (!this.#spare) {
      this.#spare = startParser();
      // A parser that cannot load fails again when it opens a document, and says so then.
      this.#spare.api.load().catch(() => undefined);
    }
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => this.take()?.worker.terminate(), this.#idleMs);
  }

  /** The spare, now the caller's, or undefined when none waits. */
  take(): Parser | undefined {
    clearTimeout(this.#idleTimer);
    const spare = this.#spare;
    this.#spare = undefined;
    return spare;
  }
}

/**
 * Opens `bytes` (left untouched: each parser gets a copy) in `count` parsers, the first of them
 * `spare`'s when one waits.
 */
export async function openPdfText(bytes: Uint8Array<ArrayBuffer>, baseUrl: string, count: number, spare?: SpareParser): Promise<PdfTextParsers> {
  const first = spare?.take() ?? startParser();
  const started = [first, ...Array.from({ length: Math.max(1, Math.min(count, MAX_PARSERS)) - 1 }, startParser)];
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
