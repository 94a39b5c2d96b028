import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OcrPage } from '../../../../src/engine/ocr/tesseract-page';
import { allocatePgm, type RasterPage } from '../../../../src/engine/pipeline/raster';

/** A fake tesseract.js worker: each recognise call waits until the test settles it. */
class FakeWorker {
  static created: FakeWorker[] = [];
  readonly calls: Array<{ resolve: (page: { data: OcrPage }) => void; reject: (reason: Error) => void }> = [];
  /** The options of each recognise call (tesseract.js's, not the pool's). */
  readonly options: unknown[] = [];
  /** The image of each recognise call. */
  readonly images: unknown[] = [];
  terminated = false;

  constructor(readonly model: string) {
    FakeWorker.created.push(this);
  }

  recognize(image: unknown, options: unknown): Promise<{ data: OcrPage }> {
    this.images.push(image);
    this.options.push(options);
    return new Promise((resolve, reject) => this.calls.push({ resolve, reject }));
  }

  setParameters = vi.fn(async () => undefined);
  reinitialize = vi.fn(async () => undefined);

  async terminate(): Promise<void> {
    this.terminated = true;
  }
}

/** How the fake createWorker starts a worker; a test may replace it (restored after each test). */
const startWorker = { run: async (model: string) => new FakeWorker(model) };
const defaultStart = startWorker.run;

vi.mock('tesseract.js', () => ({
  OEM: { LSTM_ONLY: 1 },
  PSM: { AUTO: '3' },
  createWorker: (model: string) => startWorker.run(model),
}));

const { OcrPool, postableBytes } = await import('../../../../src/engine/ocr/ocr-pool');

const page: RasterPage = { width: 2, height: 2, pgm: allocatePgm(2, 2).pgm };
const reading: OcrPage = { blocks: [] };
const assets = { workerPath: 'w', corePath: 'c', langPath: 'l' };

/** Lets the pool's awaits run (worker start, queueing). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('OcrPool', () => {
  beforeEach(() => {
    FakeWorker.created = [];
  });

  afterEach(() => {
    vi.useRealTimers();
    startWorker.run = defaultStart;
  });

  it('counts the workers free for another page: idle or not started, less those promised to waiting pages', async () => {
    const pool = new OcrPool({ assets, size: 2 });
    expect(pool.spareWorkers()).toBe(2);
    const first = pool.recognize(page, 'eng', { deskew: false });
    await settle();
    expect(pool.spareWorkers()).toBe(1);
    const second = pool.recognize(page, 'eng', { deskew: false });
    const third = pool.recognize(page, 'eng', { deskew: false });
    await settle();
    expect(pool.spareWorkers()).toBe(0);
    for (const worker of FakeWorker.created) worker.calls[0]?.resolve({ data: reading });
    await Promise.all([first, second]);
    await settle();
    // One worker took the waiting page, the other is idle.
    expect(pool.spareWorkers()).toBe(1);
    FakeWorker.created[0]!.calls[1]?.resolve({ data: reading });
    FakeWorker.created[1]!.calls[1]?.resolve({ data: reading });
    await third;
    expect(pool.spareWorkers()).toBe(2);
  });

  it('asks tesseract to measure the skew, or gives the skew measured already, or leaves the page as it stands', async () => {
    const pool = new OcrPool({ assets, size: 1 });
    const dpi: RasterPage = { ...page, dpi: 300 };
    const asked = [
      pool.recognize(dpi, 'eng', { deskew: true }),
      pool.recognize(dpi, 'eng', { deskew: true, skewRadians: 0.02 }),
      pool.recognize(page, 'eng', { deskew: false, skewRadians: 0.02 }),
    ];
    for (let call = 0; call < asked.length; call += 1) {
      await settle();
      FakeWorker.created[0]!.calls[call]!.resolve({ data: reading });
    }
    await Promise.all(asked);
    expect(FakeWorker.created[0]!.options).toEqual([
      { rotateAuto: true, user_defined_dpi: '300' },
      { rotateRadians: 0.02, user_defined_dpi: '300' },
      { rotateAuto: false },
    ]);
  });

  it("posts a page's own buffer (tesseract.js copies an array before it posts it), or the bytes when they are part of a larger one", async () => {
    const pool = new OcrPool({ assets, size: 1 });
    const part = { ...page, pgm: new Uint8Array(page.pgm.length + 8).subarray(4, 4 + page.pgm.length) };
    const [whole, inPart] = [pool.recognize(page, 'eng', { deskew: false }), pool.recognize(part, 'eng', { deskew: false })];
    await settle();
    const [worker] = FakeWorker.created;
    worker!.calls[0]!.resolve({ data: reading });
    await whole;
    await settle();
    worker!.calls[1]!.resolve({ data: reading });
    await inPart;
    expect(worker!.images[0]).toBe(page.pgm.buffer);
    expect(worker!.images[1]).toBe(part.pgm);
    expect(postableBytes(part.pgm)).toBe(part.pgm);
  });

  it('queues a page while every worker is busy and runs it when one is released', async () => {
    const pool = new OcrPool({ assets, size: 1 });
    const first = pool.recognize(page, 'eng', { deskew: false });
    const second = pool.recognize(page, 'eng', { deskew: false });
    await settle();
    const [worker] = FakeWorker.created;
    expect(FakeWorker.created).toHaveLength(1);
    expect(worker?.calls).toHaveLength(1);
    worker?.calls[0]?.resolve({ data: reading });
    await expect(first).resolves.toBe(reading);
    await settle();
    expect(worker?.calls).toHaveLength(2);
    worker?.calls[1]?.resolve({ data: reading });
    await expect(second).resolves.toBe(reading);
  });

  it('terminates the worker of an aborted call and starts a fresh one for the next page', async () => {
    const pool = new OcrPool({ assets, size: 1 });
    const controller = new AbortController();
    const hung = pool.recognize(page, 'eng', { deskew: false }, controller.signal);
    await settle();
    const stuck = FakeWorker.created[0]!;
    controller.abort(new Error('page deadline'));
    await expect(hung).rejects.toThrow('page deadline');
    expect(stuck.terminated).toBe(true);
    const next = pool.recognize(page, 'eng', { deskew: false });
    await settle();
    expect(FakeWorker.created).toHaveLength(2);
    FakeWorker.created[1]?.calls[0]?.resolve({ data: reading });
    await expect(next).resolves.toBe(reading);
  });

  it('takes an aborted call out of the queue without touching the busy worker', async () => {
    const pool = new OcrPool({ assets, size: 1 });
    const busy = pool.recognize(page, 'eng', { deskew: false });
    const controller = new AbortController();
    const queued = pool.recognize(page, 'eng', { deskew: false }, controller.signal);
    await settle();
    controller.abort(new Error('job deleted'));
    await expect(queued).rejects.toThrow('job deleted');
    const worker = FakeWorker.created[0]!;
    expect(worker.terminated).toBe(false);
    worker.calls[0]?.resolve({ data: reading });
    await expect(busy).resolves.toBe(reading);
    expect(worker.calls).toHaveLength(1);
  });

  it('discards a worker whose recognition failed and reports FailedToProcess', async () => {
    const pool = new OcrPool({ assets, size: 1 });
    const failing = pool.recognize(page, 'eng', { deskew: false });
    await settle();
    FakeWorker.created[0]?.calls[0]?.reject(new Error('memory access out of bounds'));
    await expect(failing).rejects.toMatchObject({ code: 'FailedToProcess', message: expect.stringContaining('out of bounds') });
    expect(FakeWorker.created[0]?.terminated).toBe(true);
  });

  it('switches an idle worker to another model instead of starting a second one', async () => {
    const pool = new OcrPool({ assets, size: 1 });
    const english = pool.recognize(page, 'eng', { deskew: false });
    await settle();
    FakeWorker.created[0]?.calls[0]?.resolve({ data: reading });
    await english;
    const german = pool.recognize(page, 'deu', { deskew: false });
    await settle();
    expect(FakeWorker.created).toHaveLength(1);
    expect(FakeWorker.created[0]?.reinitialize).toHaveBeenCalledWith('deu', 1);
    FakeWorker.created[0]?.calls[1]?.resolve({ data: reading });
    await expect(german).resolves.toBe(reading);
  });

  it('fails a page with FailedToProcess when no worker starts in time, and ends the worker that starts late', async () => {
    vi.useFakeTimers();
    let started: (worker: FakeWorker) => void = () => undefined;
    startWorker.run = () => new Promise((resolve) => (started = resolve));
    const pool = new OcrPool({ assets, size: 1, startTimeoutMs: 1_000 });
    const call = pool.recognize(page, 'eng', { deskew: false });
    const outcome = expect(call).rejects.toMatchObject({ code: 'FailedToProcess', message: expect.stringContaining('within 1 s') });
    await vi.advanceTimersByTimeAsync(1_000);
    await outcome;
    const late = new FakeWorker('eng');
    started(late);
    await vi.advanceTimersByTimeAsync(0);
    expect(late.terminated).toBe(true);
  });

  it('ends a worker whose parameters cannot be set, and starts a fresh one for the next page', async () => {
    startWorker.run = async (model: string) => {
      const worker = new FakeWorker(model);
      if (FakeWorker.created.length === 1) worker.setParameters.mockRejectedValueOnce(new Error('bad parameter'));
      return worker;
    };
    const pool = new OcrPool({ assets, size: 1 });
    await expect(pool.recognize(page, 'eng', { deskew: false })).rejects.toMatchObject({ code: 'FailedToProcess', message: expect.stringContaining('bad parameter') });
    expect(FakeWorker.created[0]?.terminated).toBe(true);
    const next = pool.recognize(page, 'eng', { deskew: false });
    await settle();
    FakeWorker.created[1]?.calls[0]?.resolve({ data: reading });
    await expect(next).resolves.toBe(reading);
  });

  it('terminates idle workers after the idle time', async () => {
    vi.useFakeTimers();
    const pool = new OcrPool({ assets, size: 1, idleMs: 1_000 });
    const call = pool.recognize(page, 'eng', { deskew: false });
    await vi.advanceTimersByTimeAsync(0);
    FakeWorker.created[0]?.calls[0]?.resolve({ data: reading });
    await call;
    await vi.advanceTimersByTimeAsync(999);
    expect(FakeWorker.created[0]?.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeWorker.created[0]?.terminated).toBe(true);
  });
});
