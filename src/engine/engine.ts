/**
 * The engine: one per browser profile (elected with a Web Lock, so that several open tabs do not
 * compete for the CPU), it runs the claim loop over the job store with an OCR pool.
 */
import { ReadApiError } from '../read-api/errors';
import { SHIPPED_LANGUAGES, type AnalyzeParams } from '../read-api/params';
import { JobStore } from '../jobs/job-store';
import { ClaimLoop } from './claim-loop';
import { OcrPool, type OcrAssets } from './ocr/ocr-pool';
import { runJob } from './pipeline/run-job';
import type { RasterPage } from './pipeline/raster';
import type { RecognizeOptions } from './pipeline/recognize-upright';

export interface EngineOptions {
  /** The app's base URL, absolute (e.g. `https://host/`): every runtime asset is under it. */
  baseUrl: string;
  /** Pages recognised in parallel; defaults to navigator.hardwareConcurrency. */
  poolSize?: number;
}

const ENGINE_LOCK = 'localread-engine';
const DEFAULT_MODEL = 'eng';

export function ocrAssets(baseUrl: string): OcrAssets {
  return {
    workerPath: new URL('tesseract/worker.min.js', baseUrl).href,
    corePath: new URL('tesseract/core/', baseUrl).href,
    langPath: new URL('tesseract/lang', baseUrl).href,
  };
}

/** Tesseract model for a request: its language, or English when it gave none. */
function modelFor(params: AnalyzeParams): string {
  if (!params.language) return DEFAULT_MODEL;
  const model = SHIPPED_LANGUAGES[params.language];
  if (!model) throw new ReadApiError('NotSupportedLanguage', `Language '${params.language}' is not supported.`);
  return model;
}

/**
 * Starts the engine and resolves at once; the claim loop runs once this engine holds the lock,
 * until its worker is terminated.
 */
export async function runEngine(options: EngineOptions): Promise<void> {
  const store = await JobStore.open();
  const size = Math.max(1, options.poolSize ?? navigator.hardwareConcurrency ?? 1);
  const pools = new Map<string, OcrPool>();
  const poolFor = (model: string) => {
    let pool = pools.get(model);
    if (!pool) {
      pool = new OcrPool({ assets: ocrAssets(options.baseUrl), model, size });
      pools.set(model, pool);
    }
    return pool;
  };
  const recognize = (page: RasterPage, params: AnalyzeParams, options: RecognizeOptions) =>
    poolFor(modelFor(params)).recognize(page, options);
  const loop = new ClaimLoop({
    store,
    concurrency: size,
    run: (job, onProgress) =>
      runJob({ format: job.record.format, params: job.record.params, bytes: job.input }, { recognize, onProgress, parallelPages: size }),
  });
  // Held for the worker's whole life; a waiting tab takes over when the holder's tab closes.
  void navigator.locks.request(ENGINE_LOCK, () => {
    // Errors here surface again, and are reported, when a job needs the pool.
    poolFor(DEFAULT_MODEL).warm().catch(() => undefined);
    return loop.run();
  });
}
