/**
 * A pool of tesseract.js workers (nested workers of the engine). Workers start on demand, up to
 * `size`, and idle ones are terminated after a while to give their memory back.
 */
import { createWorker, OEM, PSM, type Worker as TesseractWorker } from 'tesseract.js';
import { ReadApiError } from '../../read-api/errors';
import type { RasterPage } from '../pipeline/raster';
import type { OcrPage } from '../pipeline/to-read-result';
import type { RecognizeOptions } from '../pipeline/recognize-upright';
import { withTimeout } from '../timeout';

/** Same-origin, absolute URLs of the OCR runtime (a relative workerPath fails inside a worker). */
export interface OcrAssets {
  workerPath: string;
  /** A folder: tesseract.js picks the fastest `*-lstm.wasm.js` core the browser supports. */
  corePath: string;
  langPath: string;
}

export interface OcrPoolOptions {
  assets: OcrAssets;
  /** Tesseract model name, e.g. `eng`. */
  model: string;
  size: number;
  idleMs?: number;
  startTimeoutMs?: number;
}

/** createWorker never settles when language data fails to load (tesseract.js #1075): bound it. */
const START_TIMEOUT_MS = 60_000;
const IDLE_MS = 60_000;

export class OcrPool {
  readonly #options: OcrPoolOptions;
  readonly #idle: TesseractWorker[] = [];
  readonly #waiting: Array<(worker: TesseractWorker) => void> = [];
  #started = 0;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: OcrPoolOptions) {
    this.#options = options;
  }

  /** Recognises one page on the next free worker. */
  async recognize(page: RasterPage, { deskew }: RecognizeOptions): Promise<OcrPage> {
    const worker = await this.#acquire();
    try {
      const { data } = await worker.recognize(new Blob([page.pgm]), { rotateAuto: deskew }, { blocks: true, text: false });
      this.#release(worker);
      return data;
    } catch (reason) {
      // A worker whose job failed may be in any state: drop it and start afresh next time.
      this.#started -= 1;
      void worker.terminate().catch(() => undefined);
      throw new ReadApiError('FailedToProcess', `Text recognition failed: ${describe(reason)}`);
    }
  }

  /** Starts one worker ahead of the first page, so the first job does not wait for the model. */
  async warm(): Promise<void> {
    this.#release(await this.#acquire());
  }

  /** Terminates every idle worker (busy ones finish their page first). */
  async shrink(): Promise<void> {
    const idle = this.#idle.splice(0);
    this.#started -= idle.length;
    await Promise.allSettled(idle.map((worker) => worker.terminate()));
  }

  async #acquire(): Promise<TesseractWorker> {
    clearTimeout(this.#idleTimer);
    const idle = this.#idle.pop();
    if (idle) return idle;
    if (this.#started < this.#options.size) {
      this.#started += 1;
      try {
        return await this.#start();
      } catch (error) {
        this.#started -= 1;
        throw error;
      }
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(worker: TesseractWorker): void {
    const next = this.#waiting.shift();
    if (next) return next(worker);
    this.#idle.push(worker);
    if (this.#idle.length === this.#started) {
      this.#idleTimer = setTimeout(() => void this.shrink(), this.#options.idleMs ?? IDLE_MS);
    }
  }

  async #start(): Promise<TesseractWorker> {
    const { assets, model, startTimeoutMs = START_TIMEOUT_MS } = this.#options;
    const starting = createWorker(model, OEM.LSTM_ONLY, {
      ...assets,
      cacheMethod: 'none',
      workerBlobURL: false,
      gzip: true,
      // Without a handler tesseract.js throws job errors inside its message listener.
      errorHandler: () => undefined,
    });
    const worker = await withTimeout(
      starting,
      startTimeoutMs,
      () => new ReadApiError('FailedToProcess', `The OCR engine did not start within ${startTimeoutMs / 1000} s.`),
    ).catch((reason: unknown) => {
      throw reason instanceof ReadApiError
        ? reason
        : new ReadApiError('FailedToProcess', `The OCR engine failed to start: ${describe(reason)}`);
    });
    await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, user_defined_dpi: '300' });
    return worker;
  }
}

function describe(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  return typeof reason === 'string' ? reason : 'unknown error';
}
