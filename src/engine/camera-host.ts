/**
 * The page side of the camera worker (`camera.worker.ts`), which finds the page outline in camera
 * frames and straightens shots with page preparation's own outline finder and perspective warp.
 * One worker per open camera; `close` ends it, and any call still in flight rejects then.
 */
import { transfer, wrap, type Remote } from 'comlink';
import type { CapturedShot, CorrectedPage } from './camera/camera-shot';
import type { CameraWorkerApi } from './camera.worker';
import type { Point, Quad } from './pipeline/prepare/perspective';

export type { CapturedShot, CorrectedPage, Point, Quad };

/** Rejects a call that was in flight when the camera worker was closed. */
export class CameraClosedError extends Error {
  override name = 'CameraClosedError';
  constructor() {
    super('The camera was closed.');
  }
}

export class CameraWorker {
  readonly #worker: Worker;
  readonly #remote: Remote<CameraWorkerApi>;
  readonly #closed = new AbortController();

  constructor() {
    this.#worker = new Worker(new URL('./camera.worker.ts', import.meta.url), { type: 'module', name: 'localread-camera' });
    this.#remote = wrap<CameraWorkerApi>(this.#worker);
  }

  /** The sheet's corners in `frame` (its pixels, clockwise from top left), or null. Takes the bitmap. */
  findOutline(frame: ImageBitmap): Promise<Quad | null> {
    return this.#settled(() => this.#remote.findOutline(transfer(frame, [frame])));
  }

  /** The frame kept as a JPEG, with the sheet found on it. Takes the bitmap. */
  capture(frame: ImageBitmap): Promise<CapturedShot> {
    return this.#settled(() => this.#remote.capture(transfer(frame, [frame])));
  }

  /** The part of `photo` inside `quad`, warped upright (colour JPEG). */
  correct(photo: Blob, quad: Quad): Promise<CorrectedPage> {
    return this.#settled(() => this.#remote.correct(photo, quad));
  }

  /** Ends the worker. */
  close(): void {
    this.#closed.abort();
    this.#worker.terminate();
  }

  /** `call`, or a CameraClosedError once closed: a terminated worker never answers. */
  #settled<T>(call: () => Promise<T>): Promise<T> {
    const signal = this.#closed.signal;
    if (signal.aborted) return Promise.reject(new CameraClosedError());
    return new Promise<T>((resolve, reject) => {
      const onClose = () => reject(new CameraClosedError());
      signal.addEventListener('abort', onClose, { once: true });
      call()
        .then(resolve, reject)
        .finally(() => signal.removeEventListener('abort', onClose));
    });
  }
}
