/**
 * The second engine (PP-OCR on ONNX Runtime) as the pipeline sees it: one nested worker, started
 * on first use with the models loaded once, reading one page at a time, terminated when idle.
 * ONNX Runtime cannot stop a session in flight, so a call whose signal aborts terminates the
 * worker; the next page starts a fresh one. One worker is enough: with threads (a cross-origin
 * isolated page) it uses every core itself, and pages that need it are the minority.
 */
import { transfer, wrap, type Remote } from 'comlink';
import { ReadApiError } from '../../read-api/errors';
import { abortable, abortReason, throwIfAborted } from '../abort';
import { withTimeout } from '../timeout';
import { pixelsOf, type RasterPage } from '../pipeline/raster';
import type { TextReading } from './text-reading';
import type { PpocrAssets, PpocrBackend } from './ppocr/ppocr-service';
import type { PpocrWorkerApi } from './ppocr/ppocr.worker';

export interface SecondEngineOptions {
  assets: PpocrAssets;
  /** The most threads ONNX Runtime may use: the engine's share of the cores (its pool size). */
  threads?: number;
  idleMs?: number;
  startTimeoutMs?: number;
}

interface Started {
  worker: Worker;
  api: Remote<PpocrWorkerApi>;
  backend: PpocrBackend;
}

const IDLE_MS = 60_000;
/** Loading the runtime and 16 MB of models takes a few seconds; a minute means it will not. */
const START_TIMEOUT_MS = 60_000;

/** Same-origin, absolute URLs of the PP-OCR runtime and models under the app's base URL. */
export function secondEngineAssets(baseUrl: string): PpocrAssets {
  const at = (path: string) => new URL(path, baseUrl).href;
  return {
    wasmPaths: at('ppocr/ort/'),
    det: at('ppocr/models/ch_PP-OCRv4_det_infer.onnx'),
    cls: at('ppocr/models/ch_ppocr_mobile_v2.0_cls_infer.onnx'),
    rec: at('ppocr/models/ch_PP-OCRv4_rec_infer.onnx'),
    keys: at('ppocr/models/ppocr_keys_v1.txt'),
  };
}

export class SecondEngine {
  readonly #options: SecondEngineOptions;
  #started: Promise<Started> | undefined;
  /** Calls wait their turn: one page at a time on the one worker. */
  #queue: Promise<unknown> = Promise.resolve();
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #backend: PpocrBackend | undefined;

  constructor(options: SecondEngineOptions) {
    this.#options = options;
  }

  /** The backend that ran the last page (`webgpu`, `wasm-simd-threads` or `wasm-simd`). */
  get backend(): PpocrBackend | undefined {
    return this.#backend;
  }

  /** Reads an upright page; the pixels are copied, so the caller keeps its raster. */
  read(raster: RasterPage, signal: AbortSignal): Promise<TextReading> {
    const turn = this.#queue.then(() => this.#read(raster, signal));
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  async #read(raster: RasterPage, signal: AbortSignal): Promise<TextReading> {
    throwIfAborted(signal);
    clearTimeout(this.#idleTimer);
    try {
      const started = await abortable(this.#start(), signal, () => this.stop());
      const pixels = pixelsOf(raster).slice();
      const image = { width: raster.width, height: raster.height, pixels };
      const reading = await abortable(started.api.read(transfer(image, [pixels.buffer])), signal, () => this.stop());
      this.#backend = started.backend;
      return reading;
    } catch (reason) {
      if (signal.aborted) throw abortReason(signal);
      // A worker that failed may be in any state: the next page starts a fresh one.
      this.stop();
      throw new ReadApiError('FailedToProcess', `The second OCR engine failed: ${reason instanceof Error ? reason.message : String(reason)}`);
    } finally {
      this.#idleTimer = setTimeout(() => this.stop(), this.#options.idleMs ?? IDLE_MS);
    }
  }

  /** Terminates the worker (its memory goes with it); the next page starts another. */
  stop(): void {
    clearTimeout(this.#idleTimer);
    const started = this.#started;
    this.#started = undefined;
    void started?.then(
      ({ worker }) => worker.terminate(),
      // A start that failed has nothing left to terminate.
      () => undefined,
    );
  }

  #start(): Promise<Started> {
    this.#started ??= (async () => {
      const worker = new Worker(new URL('./ppocr/ppocr.worker.ts', import.meta.url), { type: 'module', name: 'localread-ppocr' });
      const api = wrap<PpocrWorkerApi>(worker);
      const timeoutMs = this.#options.startTimeoutMs ?? START_TIMEOUT_MS;
      const timedOut = () => new ReadApiError('FailedToProcess', `The second OCR engine did not start within ${timeoutMs / 1000} s.`);
      try {
        const backend = await withTimeout(api.init(this.#options.assets, {}, this.#options.threads), timeoutMs, timedOut);
        return { worker, api, backend };
      } catch (reason) {
        worker.terminate();
        throw reason;
      }
    })();
    const starting = this.#started;
    // A failed start is forgotten, so that the next page tries again.
    starting.catch(() => {
      if (this.#started === starting) this.#started = undefined;
    });
    return starting;
  }
}
