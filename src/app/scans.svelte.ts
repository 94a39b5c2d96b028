/**
 * The documents the user has scanned in this tab, each followed from upload to result through
 * the HTTP API.
 */
import { ReadClient } from '../client/read-client';
import type { LocalReadOperationResult, OperationProgress } from '../read-api/extensions';
import type { AnalyzeResult, OperationStatus } from '../read-api/types';
import { lateMessage, latePollMs, scanDeadlineMs } from './scan-deadline';

export interface Scan {
  /** Local id (the operation id arrives later). */
  key: number;
  name: string;
  /** The file itself, in memory only (never stored again): the viewer draws its pages from it. */
  file: File;
  /** An object URL of the file, to draw the page under its boxes. */
  imageUrl: string;
  /** Whether the browser can show the file as an image (PNG, JPEG, BMP; not TIFF or PDF). */
  displayable: boolean;
  status: 'uploading' | OperationStatus;
  operationId?: string;
  progress?: OperationProgress;
  result?: AnalyzeResult;
  error?: string;
}

const DISPLAYABLE = ['image/png', 'image/jpeg', 'image/bmp'];

export interface ScansOptions {
  /** Multiplies the deadline after which a scan says the reader may be stuck (tests shorten it). */
  deadlineScale?: number;
}

export class Scans {
  /** Replaced, never mutated: results can be large, so they are not made deeply reactive. */
  list = $state.raw<Scan[]>([]);
  selectedKey = $state<number | null>(null);
  selected = $derived(this.list.find((scan) => scan.key === this.selectedKey) ?? null);

  readonly #client: ReadClient;
  readonly #deadlineScale: number;
  #nextKey = 1;

  constructor(client: ReadClient, options: ScansOptions = {}) {
    this.#client = client;
    this.#deadlineScale = options.deadlineScale ?? 1;
  }

  /** Uploads each file and follows it to its end. */
  add(files: Iterable<File>): void {
    for (const file of files) void this.#scan(file);
  }

  select(key: number): void {
    this.selectedKey = key;
  }

  async #scan(file: File): Promise<void> {
    const scan: Scan = { key: this.#nextKey++, name: file.name || 'pasted image', file, imageUrl: URL.createObjectURL(file), displayable: DISPLAYABLE.includes(file.type), status: 'uploading' };
    this.list = [scan, ...this.list];
    this.selectedKey = scan.key;
    const submitted = Date.now();
    try {
      const operationId = await this.#client.analyze(file);
      this.#update(scan.key, { operationId, status: 'notStarted' });
      const final = await this.#follow(scan.key, operationId, submitted);
      // `error` is always set: it replaces the late message, if any, with the job's own (or none).
      this.#update(scan.key, { status: final.status, ...(final.analyzeResult ? { result: final.analyzeResult } : {}), error: final.error?.message });
    } catch (reason) {
      this.#update(scan.key, { status: 'failed', error: reason instanceof Error ? reason.message : String(reason) });
    }
  }

  /**
   * Polls the operation to its end. Past its deadline (scaled to its pages) the scan says the
   * reader may be stuck, and is then polled slowly: the operation is kept, and may still end.
   */
  async #follow(key: number, operationId: string, submitted: number): Promise<LocalReadOperationResult> {
    let pagesTotal: number | undefined;
    const late = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => late.abort(), submitted + scanDeadlineMs(pagesTotal, this.#deadlineScale) - Date.now());
    };
    const onUpdate = ({ status, progress }: LocalReadOperationResult) => {
      this.#update(key, { status, ...(progress ? { progress } : {}) });
      if (progress && progress.pagesTotal !== pagesTotal) {
        pagesTotal = progress.pagesTotal;
        arm();
      }
    };
    const lateReached = new Promise<'late'>((resolve) => late.signal.addEventListener('abort', () => resolve('late'), { once: true }));
    arm();
    try {
      // A poll that fails after the deadline has passed is the late poll's to report, not this one's.
      const polled = this.#client.waitForResult(operationId, { signal: late.signal, onUpdate }).catch((reason: unknown) => {
        if (late.signal.aborted) return 'late' as const;
        throw reason;
      });
      const first = await Promise.race([polled, lateReached]);
      if (first !== 'late') return first;
    } finally {
      clearTimeout(timer);
    }
    this.#update(key, { error: lateMessage(Date.now() - submitted) });
    return this.#client.waitForResult(operationId, { intervalMs: latePollMs(this.#deadlineScale), onUpdate });
  }

  #update(key: number, patch: Partial<Scan>): void {
    this.list = this.list.map((scan) => (scan.key === key ? { ...scan, ...patch } : scan));
  }
}
