/**
 * The engine: one per browser profile (elected with a Web Lock, so that several open tabs do not
 * compete for the CPU), it runs the claim loop over the job store with an OCR pool.
 */
import { JobStore } from '../jobs/job-store';
import { ENGINE_LOCK } from '../jobs/job-signal';
import { ClaimLoop } from './claim-loop';
import { OcrPool, type OcrAssets } from './ocr/ocr-pool';
import { tesseractCoreFile } from './ocr/tesseract-core';
import { runJob } from './pipeline/run-job';
import { readingInParts } from './pipeline/read-in-parts';
import type { PrepareStep } from './pipeline/prepare/prepare-page';
import { SecondEngine, secondEngineAssets } from './ocr/second-engine';
import { postPageDiagnostics } from './diagnostics';
import { Slots } from './slots';
import type { RasterPage } from './pipeline/raster';
import { SpareParser } from './pdf-text/pdf-text-parsers';
import { searchablePdfOf } from './searchable-pdf-of';
import { fontLoader, jobOutputs, pdfFontUrl } from './job-outputs';

export interface EngineOptions {
  /** The app's base URL, absolute (e.g. `https://host/`): every runtime asset is under it. */
  baseUrl: string;
  /** Pages recognised in parallel; defaults to navigator.hardwareConcurrency. */
  poolSize?: number;
  /** Multiplies every page deadline (tests shorten them to see a hang end). */
  deadlineScale?: number;
  /** Preparation steps not to take (the benchmark measures each step's effect). */
  skipSteps?: PrepareStep[];
  /** False: every page is read whole on one worker, never cut into parts (default true). */
  pageParts?: boolean;
}

/** The model most pages are read with first (see pipeline/recognise.ts). */
const FIRST_MODEL = 'eng';

/**
 * The core sits beside the worker script: Emscripten looks for its `.wasm` in the folder of the
 * script that loaded it, which in a worker is the worker's own.
 */
export async function ocrAssets(baseUrl: string): Promise<OcrAssets> {
  return {
    workerPath: new URL('tesseract/worker.min.js', baseUrl).href,
    corePath: new URL(`tesseract/${await tesseractCoreFile()}`, baseUrl).href,
    langPath: new URL('tesseract/lang', baseUrl).href,
  };
}

/**
 * Starts the engine and resolves at once; the claim loop runs once this engine holds the lock,
 * until its worker is terminated.
 */
export async function runEngine(options: EngineOptions): Promise<void> {
  const store = await JobStore.open();
  const size = Math.max(1, options.poolSize ?? navigator.hardwareConcurrency ?? 1);
  const pool = new OcrPool({ assets: await ocrAssets(options.baseUrl), size });
  // The engine uses `size` cores: a pool of one (`?pool=1`, the bench's baseline) means one thread here too.
  const secondEngine = new SecondEngine({ assets: secondEngineAssets(options.baseUrl), threads: size });
  // Across all jobs, one decoded page per worker plus one being prepared: memory stays bounded
  // however many documents wait, and pages of different jobs share the workers in turn.
  const pageSlots = new Slots(size + 1);
  // At most `size` recognitions at once, tesseract's and the second engine's together: the pool's
  // size is the engine's share of the cores (without this a pool of one read a page with
  // tesseract while the second engine read another, on two cores).
  const cores = new Slots(size);
  // The second engine reads one page at a time: a page waits for its turn before it takes a core.
  const secondEngineTurn = new Slots(1);
  // A page that finds workers and cores idle is cut into parts read on all of them at once.
  const readInParts = readingInParts(
    (page, model, recognizeOptions, pageSignal) => cores.holding(() => pool.recognize(page, model, recognizeOptions, pageSignal), pageSignal),
    () => (options.pageParts === false ? 1 : Math.min(pool.spareWorkers(), cores.free)),
  );
  // Only for the one page decoded now: with other pages in flight the workers will be busy, the
  // page is read whole, and its parts would be laid out for nothing.
  const planParts = (page: RasterPage) => {
    if (options.pageParts !== false && pageSlots.taken <= 1) readInParts.plan(page, size);
  };
  const readWithSecondEngine = (page: RasterPage, pageSignal: AbortSignal) =>
    secondEngineTurn.holding(() => cores.holding(() => secondEngine.read(page, pageSignal), pageSignal), pageSignal);
  // A PDF's first text parser, started while no PDF waits (then after each PDF).
  const spareParser = new SpareParser();
  // Fetched once, on the first job that asks for a searchable PDF.
  const font = fontLoader(pdfFontUrl(options.baseUrl));
  const loop = new ClaimLoop({
    store,
    // One job more than workers: the next document is decoded while the pool is busy.
    concurrency: size + 1,
    outputs: (job, result) => jobOutputs(job, result, { writePdf: searchablePdfOf, font }),
    run: async (job, onProgress, signal) => {
      // Read per job: the user may switch the second engine off (slow devices) at any time.
      const { secondEngine: useSecondEngine } = await store.settings();
      const operationId = job.record.id;
      const started = new Map<number, number>();
      return runJob(
        { format: job.record.format, params: job.record.params, bytes: job.input },
        {
          baseUrl: options.baseUrl,
          readers: {
            tesseract: readInParts,
            planParts,
            secondEngine: useSecondEngine ? readWithSecondEngine : undefined,
          },
          onProgress,
          parallelPages: size,
          pageSlots,
          spareParser,
          ...(options.deadlineScale ? { deadlineScale: options.deadlineScale } : {}),
          ...(options.skipSteps ? { skipSteps: options.skipSteps } : {}),
          onPageStart: (page) => started.set(page, performance.now()),
          report: (page, what) => {
            const backend = what.engines.secondEngine ? secondEngine.backend : undefined;
            const ms = performance.now() - (started.get(page) ?? performance.now());
            postPageDiagnostics({ operationId, page, ...what, ...(backend ? { backend } : {}), ms });
          },
        },
        signal,
      );
    },
  });
  // Held for the worker's whole life; a waiting tab takes over when the holder's tab closes.
  void navigator.locks.request(ENGINE_LOCK, () => {
    // Every worker is started before the first page, which is cut into parts for all of them.
    // Errors here surface again, and are reported, when a job needs the pool.
    for (let worker = 0; worker < size; worker += 1) pool.warm(FIRST_MODEL).catch(() => undefined);
    spareParser.warm();
    return loop.run();
  });
}
