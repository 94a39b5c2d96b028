/**
 * One job through the pipeline: open the document, select its pages, recognise them (several at
 * once, on the pool) and map them to Azure's result. Progress is reported as pages finish.
 */
import { ReadApiError } from '../../read-api/errors';
import type { InputFormat } from '../../read-api/formats';
import { isPageSelected, type AnalyzeParams } from '../../read-api/params';
import { API_VERSION, LATEST_MODEL_VERSION, type AnalyzeResult, type ReadResult } from '../../read-api/types';
import type { DocumentSource, PageContent } from './document';
import { openImage } from './open-image';
import { abortable, JobAbandoned, throwIfAborted } from '../abort';
import { readPage, type PageReport } from './read-page';
import type { PrepareStep } from './prepare/prepare-page';
import type { Readers } from './recognise';
import { Slots } from '../slots';
import type { SpareParser } from '../pdf-text/pdf-text-parsers';

/** Read 3.2 reads at most 2000 pages of a document. */
export const MAX_PAGES = 2000;

export interface JobInput {
  format: InputFormat;
  params: AnalyzeParams;
  bytes: Uint8Array<ArrayBuffer>;
}

export interface PipelineDeps {
  /** The app's root URL, absolute: every runtime asset is under it. */
  baseUrl: string;
  /** The recognisers a page may be read with. */
  readers: Readers;
  onProgress(pagesDone: number, pagesTotal: number): Promise<void>;
  /** How many pages of this job may be in flight at once (the pool's size). */
  parallelPages: number;
  /**
   * The engine's budget of decoded pages, shared with its other jobs: a page is decoded only once
   * it holds a slot. Absent: only `parallelPages` bounds this job.
   */
  pageSlots?: Slots;
  /** A PDF text parser started ahead of the job (the engine keeps one warm); none by default. */
  spareParser?: SpareParser;
  /** Multiplies every page deadline (tests shorten them; 1 by default). */
  deadlineScale?: number;
  /** Preparation steps not to take (the benchmark measures each step's effect). */
  skipSteps?: readonly PrepareStep[];
  /** Told when a page's pixels are loaded, and how each page was read, for the benchmark. */
  onPageStart?: (page: number) => void;
  report?: (page: number, what: PageReport) => void;
}

/**
 * How long one page may take before its attempt is abandoned: generous for a slow device reading
 * a dense page twice (a 300 dpi A4 page, 8.7 Mpx, gets about 4.5 minutes; it takes 2 to 15 s
 * here), so that only a hang, not a slow page, reaches it.
 */
export function pageDeadlineMs(pixels: number, scale = 1): number {
  return Math.round((60_000 + (pixels / 1e6) * 25_000) * scale);
}

/** `baseUrl`: the app's root URL, absolute, under which pdf.js's data files are served. */
async function openDocument({ format, bytes }: JobInput, { baseUrl, spareParser }: PipelineDeps): Promise<DocumentSource> {
  switch (format) {
    case 'png':
    case 'jpeg':
    case 'bmp':
      return openImage(bytes);
    // Loaded on first use: pdf.js and the TIFF decoder stay out of the engine's start-up.
    case 'tiff':
      return (await import('./open-tiff')).openTiff(bytes);
    case 'pdf':
      return (await import('./open-pdf')).openPdf(bytes, baseUrl, spareParser);
    default:
      throw new ReadApiError('InvalidImageFormat', `${String(format).toUpperCase()} input is not supported.`);
  }
}

/** The 1-based page numbers to read: those selected by `pages`, at most MAX_PAGES. */
export function selectPages(pageCount: number, params: AnalyzeParams): number[] {
  const selected: number[] = [];
  for (let page = 1; page <= pageCount; page += 1) {
    if (isPageSelected(page, params.pages)) selected.push(page);
  }
  if (selected.length === 0) {
    throw new ReadApiError('InvalidPageRange', `The page range selects none of the document's ${pageCount} pages.`);
  }
  if (selected.length > MAX_PAGES) {
    throw new ReadApiError('InvalidImageFormat', `The document has more than ${MAX_PAGES} pages to read.`);
  }
  return selected;
}

/**
 * Progress, written at most every PROGRESS_INTERVAL_MS, and always for the first and the last
 * page: each write is a database transaction, and born-digital pages are read in a few ms each.
 */
export const PROGRESS_INTERVAL_MS = 250;

function progressWriter(onProgress: PipelineDeps['onProgress'], pagesTotal: number) {
  let last = -Infinity;
  return {
    async report(pagesDone: number): Promise<void> {
      const now = performance.now();
      if (pagesDone > 0 && pagesDone < pagesTotal && now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      await onProgress(pagesDone, pagesTotal);
    },
  };
}

/** Reads one loaded page; past its deadline, the whole attempt is abandoned. */
async function readWithinDeadline(pageNumber: number, content: PageContent, input: JobInput, deps: PipelineDeps, attempt: AbortController): Promise<ReadResult> {
  const pixels = content.raster ? content.raster.width * content.raster.height : 0;
  const deadlineMs = pageDeadlineMs(pixels, deps.deadlineScale);
  const deadline = setTimeout(
    () => attempt.abort(new JobAbandoned('deadline', `Page ${pageNumber} was not read within ${Math.round(deadlineMs / 1000)} s.`)),
    deadlineMs,
  );
  try {
    // Raced against the signal too: a recogniser that ignores it cannot hold the job.
    return await abortable(readPage(pageNumber, content, input.params, deps.readers, attempt.signal, deps), attempt.signal);
  } finally {
    clearTimeout(deadline);
  }
}

/**
 * Pages read at once when they have a text layer: each is a few ms of parsing in pdf.js's worker
 * and as much again in messages to it and back, so a few in flight keep the parser busy.
 */
export const TEXT_PAGES_IN_FLIGHT = 8;

/** Takes a slot of each budget in turn (this job's, then the engine's); the release gives back both. */
async function acquireSlots(budgets: readonly Slots[], signal: AbortSignal): Promise<() => void> {
  const releases: Array<() => void> = [];
  try {
    for (const budget of budgets) releases.push(await budget.acquire(signal));
  } catch (reason) {
    releases.forEach((release) => release());
    throw reason;
  }
  return () => releases.forEach((release) => release());
}

/**
 * Reads a document. `signal` stops the job (it is no longer ours); a page that overruns its
 * deadline stops every page of the attempt and rejects with `JobAbandoned('deadline')`.
 */
export async function runJob(input: JobInput, deps: PipelineDeps, signal: AbortSignal = new AbortController().signal): Promise<AnalyzeResult> {
  const attempt = new AbortController();
  const stop = () => attempt.abort(signal.reason);
  signal.addEventListener('abort', stop, { once: true });
  const source = await openDocument(input, deps);
  try {
    throwIfAborted(signal);
    const pages = selectPages(source.pageCount, input.params);
    const readResults: ReadResult[] = new Array(pages.length);
    // Pages to decode hold a slot of this job's (at most one a worker) and of the engine's budget.
    const budgets = [new Slots(deps.parallelPages), ...(deps.pageSlots ? [deps.pageSlots] : [])];
    const readOne = async (pageNumber: number): Promise<ReadResult> => {
      const text = await source.readText?.(pageNumber);
      if (text) return readWithinDeadline(pageNumber, text, input, deps, attempt);
      const release = await acquireSlots(budgets, attempt.signal);
      try {
        deps.onPageStart?.(pageNumber);
        return await readWithinDeadline(pageNumber, await source.loadPage(pageNumber), input, deps, attempt);
      } finally {
        // The decoded page is garbage once read: its slot goes to the next page of any job.
        release();
      }
    };
    let next = 0;
    let done = 0;
    const progress = progressWriter(deps.onProgress, pages.length);
    await progress.report(0);
    // A few lanes pull pages in order; the slots, not the lanes, bound the decoded pages in memory.
    const lane = async () => {
      while (next < pages.length) {
        throwIfAborted(attempt.signal);
        const index = next++;
        readResults[index] = await readOne(pages[index]!);
        done += 1;
        await progress.report(done);
      }
    };
    // The first failure of any lane stops the others and is the attempt's outcome.
    const stopAll = (reason: unknown) => attempt.signal.aborted || attempt.abort(reason);
    const lanes = Math.min(Math.max(deps.parallelPages, TEXT_PAGES_IN_FLIGHT), pages.length);
    await Promise.all(Array.from({ length: lanes }, () => lane().catch(stopAll)));
    throwIfAborted(attempt.signal);
    const modelVersion = input.params.modelVersion === 'latest' ? LATEST_MODEL_VERSION : input.params.modelVersion;
    return { version: API_VERSION, modelVersion, readResults };
  } finally {
    signal.removeEventListener('abort', stop);
    source.close();
  }
}
