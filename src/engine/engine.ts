/**
 * The engine: one per browser profile (elected with a Web Lock, so that several open tabs do not
 * compete for the CPU), it runs the claim loop over the job store with an OCR pool.
 */
import { JobStore } from '../jobs/job-store';
import { ClaimLoop } from './claim-loop';
import { OcrPool, type OcrAssets } from './ocr/ocr-pool';
import { runJob } from './pipeline/run-job';

export interface EngineOptions {
  /** The app's base URL, absolute (e.g. `https://host/`): every runtime asset is under it. */
  baseUrl: string;
  /** Pages recognised in parallel; defaults to navigator.hardwareConcurrency. */
  poolSize?: number;
  /** Multiplies every page deadline (tests shorten them to see a hang end). */
  deadlineScale?: number;
}

const ENGINE_LOCK = 'localread-engine';
/** The model most pages are read with first (see pipeline/recognize-page.ts). */
const FIRST_MODEL = 'eng';

export function ocrAssets(baseUrl: string): OcrAssets {
  return {
    workerPath: new URL('tesseract/worker.min.js', baseUrl).href,
    corePath: new URL('tesseract/core/', baseUrl).href,
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
  const pool = new OcrPool({ assets: ocrAssets(options.baseUrl), size });
  const loop = new ClaimLoop({
    store,
    // One job more than workers: the next document is decoded while the pool is busy.
    concurrency: size + 1,
    run: (job, onProgress, signal) =>
      runJob(
        { format: job.record.format, params: job.record.params, bytes: job.input },
        {
          recognize: (page, model, recognizeOptions, pageSignal) => pool.recognize(page, model, recognizeOptions, pageSignal),
          onProgress,
          parallelPages: size,
          ...(options.deadlineScale ? { deadlineScale: options.deadlineScale } : {}),
        },
        signal,
      ),
  });
  // Held for the worker's whole life; a waiting tab takes over when the holder's tab closes.
  void navigator.locks.request(ENGINE_LOCK, () => {
    // Errors here surface again, and are reported, when a job needs the pool.
    pool.warm(FIRST_MODEL).catch(() => undefined);
    return loop.run();
  });
}
