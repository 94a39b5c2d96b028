/**
 * The documents the user has scanned in this tab, each followed from upload to result through
 * the HTTP API.
 */
import { ReadClient } from '../client/read-client';
import type { LocalReadOperationResult, OperationProgress } from '../read-api/extensions';
import type { AnalyzeResult, OperationStatus } from '../read-api/types';
import type { SharedScan } from '../read-api/shared-scans';
import { lateMessage, latePollMs, scanDeadlineMs } from './scan-deadline';
import { advancePace, finishedPageMs, PageTimes, remainingMs, type Pace } from './eta';

export interface Scan {
  /** Local id (the operation id arrives later). */
  key: number;
  name: string;
  /** The file as uploaded (the viewer and exports draw its pages); absent for a file shared to the app. */
  file?: File;
  /** An object URL of the file, to draw the page under its boxes ('' for a file shared to the app). */
  imageUrl: string;
  /** Whether the browser can show the file as an image (PNG, JPEG, BMP; not TIFF or PDF). */
  displayable: boolean;
  status: 'uploading' | OperationStatus;
  operationId?: string;
  progress?: OperationProgress;
  /** What the polls have seen of its pages while it runs, for the estimate of the time left. */
  pace?: Pace;
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
  readonly #pageTimes = new PageTimes();
  #nextKey = 1;

  constructor(client: ReadClient, options: ScansOptions = {}) {
    this.#client = client;
    this.#deadlineScale = options.deadlineScale ?? 1;
  }

  /** Uploads each file and follows it to its end. */
  add(files: Iterable<File>): void {
    for (const file of files) void this.#scan(file);
  }

  /**
   * Follows the files shared to the app, which the service worker already stored as operations
   * (it has no copy of them to show), and lists those it refused with the reason.
   */
  addShared(shared: Iterable<SharedScan>): void {
    for (const item of shared) {
      const fields = { name: item.name, imageUrl: '', displayable: false };
      if ('refusal' in item) {
        this.#push({ ...fields, status: 'failed', error: item.refusal });
      } else {
        const { key } = this.#push({ ...fields, status: 'notStarted', operationId: item.operationId });
        void this.#settle(key, async () => item.operationId);
      }
    }
  }

  select(key: number): void {
    this.selectedKey = key;
  }

  /** The estimated time left of a running scan at `now`, in ms; null when there is nothing to go on. */
  remainingMs(scan: Scan, now: number): number | null {
    return scan.status === 'running' && scan.pace ? remainingMs(scan.pace, now, this.#pageTimes.averageMs) : null;
  }

  #push(fields: Omit<Scan, 'key'>): Scan {
    const scan: Scan = { key: this.#nextKey++, ...fields };
    this.list = [scan, ...this.list];
    this.selectedKey = scan.key;
    return scan;
  }

  #scan(file: File): Promise<void> {
    const scan = this.#push({ name: file.name || 'pasted image', file, imageUrl: URL.createObjectURL(file), displayable: DISPLAYABLE.includes(file.type), status: 'uploading' });
    return this.#settle(scan.key, () => this.#client.analyze(file));
  }

  /** Submits (or takes the id of an operation already submitted) and follows it to its end. */
  async #settle(key: number, submit: () => Promise<string>): Promise<void> {
    const submitted = Date.now();
    try {
      const operationId = await submit();
      this.#update(key, { operationId, status: 'notStarted' });
      const final = await this.#follow(key, operationId, submitted);
      if (final.status === 'succeeded') this.#pageTimes.add(finishedPageMs(this.#find(key)?.pace, Date.now()));
      // `error` is always set: it replaces the late message, if any, with the job's own (or none).
      this.#update(key, { status: final.status, ...(final.analyzeResult ? { result: final.analyzeResult } : {}), error: final.error?.message });
    } catch (reason) {
      this.#update(key, { status: 'failed', error: reason instanceof Error ? reason.message : String(reason) });
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
      const pace = status === 'running' ? advancePace(this.#find(key)?.pace, progress, Date.now()) : this.#find(key)?.pace;
      this.#update(key, { status, ...(progress ? { progress } : {}), ...(pace ? { pace } : {}) });
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

  #find(key: number): Scan | undefined {
    return this.list.find((scan) => scan.key === key);
  }

  #update(key: number, patch: Partial<Scan>): void {
    this.list = this.list.map((scan) => (scan.key === key ? { ...scan, ...patch } : scan));
  }
}
