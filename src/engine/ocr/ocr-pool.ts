/**
 * A pool of tesseract.js workers (nested workers of the engine), each holding one language model.
 * Workers start on demand, up to `size` in all; a worker whose model is not needed is switched to
 * the one that is, and idle workers are terminated after a while to give their memory back.
 */
import { createWorker, OEM, PSM, type ImageLike, type Worker as TesseractWorker } from 'tesseract.js';
import { ReadApiError } from '../../read-api/errors';
import type { RasterPage } from '../pipeline/raster';
import type { OcrPage } from './tesseract-page';
import type { RecognizeOptions } from '../pipeline/orient';
import { withTimeout } from '../timeout';
import { abortable, abortReason, throwIfAborted } from '../abort';
import { waitInLine } from '../wait-in-line';

/** Same-origin, absolute URLs of the OCR runtime (a relative workerPath fails inside a worker). */
export interface OcrAssets {
  workerPath: string;
  /** The core's script (`tesseract-core.ts` picks it); its `.wasm` lies beside the worker script. */
  corePath: string;
  langPath: string;
}

export interface OcrPoolOptions {
  assets: OcrAssets;
  size: number;
  idleMs?: number;
  startTimeoutMs?: number;
}

interface PooledWorker {
  worker: TesseractWorker;
  /** Tesseract model name, e.g. `eng`. */
  model: string;
}

/** createWorker never settles when language data fails to load (tesseract.js #1075): bound it. */
const START_TIMEOUT_MS = 60_000;
const IDLE_MS = 60_000;
/**
 * Fully automatic page segmentation (no OSD). The resolution is set per page, when the page has
 * one (`RasterPage.dpi`); otherwise tesseract estimates it from the text's height, which reads
 * low-resolution scans far better than a fixed 300 dpi (a 100 dpi form lost 40 % of its text).
 */
const PARAMETERS = { tessedit_pageseg_mode: PSM.AUTO };

export class OcrPool {
  readonly #options: OcrPoolOptions;
  readonly #idle: PooledWorker[] = [];
  readonly #waiting: Array<() => void> = [];
  #started = 0;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: OcrPoolOptions) {
    this.#options = options;
  }

  /**
   * Recognises one page with `model` on the next free worker. When `signal` aborts, a call still
   * waiting for a worker leaves the queue, and a call in flight loses its worker: tesseract.js
   * cannot cancel a recognition (nor settles one whose worker died), so the worker is terminated
   * and the next page starts a fresh one.
   */
  async recognize(page: RasterPage, model: string, { deskew, skewRadians, layoutOnly }: RecognizeOptions, signal?: AbortSignal): Promise<OcrPage> {
    const pooled = await this.#acquire(model, signal);
    let discarded = false;
    const discard = () => {
      if (discarded) return;
      discarded = true;
      this.#discard(pooled);
    };
    try {
      throwIfAborted(signal);
      // Parameters given with one page apply to it alone (tesseract.js restores them after).
      const resolution = page.dpi ? { user_defined_dpi: String(Math.round(page.dpi)) } : {};
      // A skew measured already is given: measuring it again would find the lines twice.
      const deskewing = deskew && skewRadians !== undefined ? { rotateRadians: skewRadians } : { rotateAuto: deskew && !layoutOnly };
      const options = { ...deskewing, ...resolution };
      // With no output that needs the text, tesseract.js finds the layout and stops there.
      const output = layoutOnly ? { layoutBlocks: true, blocks: false, text: false } : { blocks: true, text: false };
      // The page's ArrayBuffer: tesseract.js wraps a buffer in an array without a copy, but copies
      // an array (`new Uint8Array(data)`) before it posts it, and posting copies it again. A Blob
      // it would first read back through a FileReader. (Its types name Node's Buffer for this
      // case, which a browser build does not have.)
      const recognition = pooled.worker.recognize(postableBytes(page.pgm) as unknown as ImageLike, options, output);
      const { data } = await abortable(recognition, signal, discard);
      this.#release(pooled);
      // The layout's blocks come as `layoutBlocks`, which tesseract.js's types leave out.
      return layoutOnly ? { blocks: (data as typeof data & { layoutBlocks?: typeof data.blocks }).layoutBlocks ?? null } : data;
    } catch (reason) {
      discard();
      if (signal?.aborted) throw abortReason(signal);
      throw new ReadApiError('FailedToProcess', `Text recognition failed: ${describe(reason)}`);
    }
  }

  /** Workers free for another call now: idle or not yet started, less those already promised to waiting calls. */
  spareWorkers(): number {
    return Math.max(0, this.#options.size - this.#started + this.#idle.length - this.#waiting.length);
  }

  /** Starts one worker with `model` ahead of the first page, so the first job does not wait. */
  async warm(model: string): Promise<void> {
    this.#release(await this.#acquire(model));
  }

  /** Terminates every idle worker (busy ones finish their page first). */
  async shrink(): Promise<void> {
    const idle = this.#idle.splice(0);
    this.#started -= idle.length;
    // Settled, never rejected: a worker that already died rejects its terminate, and then there
    // is nothing left to free.
    await Promise.allSettled(idle.map(({ worker }) => worker.terminate()));
  }

  async #acquire(model: string, signal?: AbortSignal): Promise<PooledWorker> {
    clearTimeout(this.#idleTimer);
    for (;;) {
      throwIfAborted(signal);
      const same = this.#idle.findIndex((pooled) => pooled.model === model);
      if (same >= 0) return this.#idle.splice(same, 1)[0]!;
      if (this.#started < this.#options.size) return this.#start(model);
      const other = this.#idle.shift();
      if (other) return this.#switchModel(other, model);
      await this.#freed(signal);
    }
  }

  /** Resolves when a worker is released or discarded; rejects (leaving the queue) when `signal` aborts. */
  #freed(signal?: AbortSignal): Promise<void> {
    return waitInLine(this.#waiting, signal);
  }

  #release(pooled: PooledWorker): void {
    this.#idle.push(pooled);
    this.#waiting.shift()?.();
    if (this.#idle.length === this.#started) {
      this.#idleTimer = setTimeout(() => void this.shrink(), this.#options.idleMs ?? IDLE_MS);
    }
  }

  /** A worker whose job failed may be in any state: drop it; the next page starts a fresh one. */
  #discard(pooled: PooledWorker): void {
    this.#started -= 1;
    end(pooled.worker);
    this.#waiting.shift()?.();
  }

  async #switchModel(pooled: PooledWorker, model: string): Promise<PooledWorker> {
    try {
      await pooled.worker.reinitialize(model, OEM.LSTM_ONLY);
      await pooled.worker.setParameters(PARAMETERS);
      return { worker: pooled.worker, model };
    } catch (reason) {
      this.#discard(pooled);
      throw new ReadApiError('FailedToProcess', `The ${model} model failed to load: ${describe(reason)}`);
    }
  }

  async #start(model: string): Promise<PooledWorker> {
    this.#started += 1;
    try {
      return { worker: await this.#createWorker(model), model };
    } catch (error) {
      this.#started -= 1;
      this.#waiting.shift()?.();
      throw error;
    }
  }

  async #createWorker(model: string): Promise<TesseractWorker> {
    const { assets, startTimeoutMs = START_TIMEOUT_MS } = this.#options;
    const starting = createWorker(model, OEM.LSTM_ONLY, {
      ...assets,
      cacheMethod: 'none',
      workerBlobURL: false,
      gzip: true,
      // Without a handler tesseract.js throws job errors inside its message listener.
      errorHandler: () => undefined,
    });
    const timedOut = () => new ReadApiError('FailedToProcess', `The OCR engine did not start within ${startTimeoutMs / 1000} s.`);
    const worker = await withTimeout(starting, startTimeoutMs, timedOut).catch((reason: unknown) => {
      // A worker that starts after its deadline is nobody's: end it when it comes. One that never
      // starts has nothing to end.
      void starting.then(end, () => undefined);
      throw reason instanceof ReadApiError ? reason : new ReadApiError('FailedToProcess', `The OCR engine failed to start: ${describe(reason)}`);
    });
    try {
      await worker.setParameters(PARAMETERS);
    } catch (reason) {
      end(worker);
      throw new ReadApiError('FailedToProcess', `The OCR engine failed to start: ${describe(reason)}`);
    }
    return worker;
  }
}

/** `bytes`' own ArrayBuffer when they are all of it, else `bytes` (tesseract.js then copies them). */
export function postableBytes(bytes: Uint8Array<ArrayBuffer>): ArrayBuffer | Uint8Array<ArrayBuffer> {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes;
}

/** Terminates a worker the pool drops. One that already died rejects: nothing is left to free then. */
function end(worker: TesseractWorker): void {
  worker.terminate().catch(() => undefined);
}

function describe(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  return typeof reason === 'string' ? reason : 'unknown error';
}
