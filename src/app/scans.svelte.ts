/**
 * The documents the user has scanned in this tab, each followed from upload to result through
 * the HTTP API.
 */
import { ReadClient } from '../client/read-client';
import type { OperationProgress } from '../read-api/extensions';
import type { AnalyzeResult, OperationStatus } from '../read-api/types';

export interface Scan {
  /** Local id (the operation id arrives later). */
  key: number;
  name: string;
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

export class Scans {
  /** Replaced, never mutated: results can be large, so they are not made deeply reactive. */
  list = $state.raw<Scan[]>([]);
  selectedKey = $state<number | null>(null);
  selected = $derived(this.list.find((scan) => scan.key === this.selectedKey) ?? null);

  readonly #client: ReadClient;
  #nextKey = 1;

  constructor(client: ReadClient) {
    this.#client = client;
  }

  /** Uploads each file and follows it to its end. */
  add(files: Iterable<File>): void {
    for (const file of files) void this.#scan(file);
  }

  select(key: number): void {
    this.selectedKey = key;
  }

  async #scan(file: File): Promise<void> {
    const scan: Scan = { key: this.#nextKey++, name: file.name || 'pasted image', imageUrl: URL.createObjectURL(file), displayable: DISPLAYABLE.includes(file.type), status: 'uploading' };
    this.list = [scan, ...this.list];
    this.selectedKey = scan.key;
    try {
      const operationId = await this.#client.analyze(file);
      this.#update(scan.key, { operationId, status: 'notStarted' });
      const final = await this.#client.waitForResult(operationId, {
        onUpdate: ({ status, progress }) => this.#update(scan.key, { status, ...(progress ? { progress } : {}) }),
      });
      const error = final.error?.message;
      this.#update(scan.key, { status: final.status, ...(final.analyzeResult ? { result: final.analyzeResult } : {}), ...(error ? { error } : {}) });
    } catch (reason) {
      this.#update(scan.key, { status: 'failed', error: reason instanceof Error ? reason.message : String(reason) });
    }
  }

  #update(key: number, patch: Partial<Scan>): void {
    this.list = this.list.map((scan) => (scan.key === key ? { ...scan, ...patch } : scan));
  }
}
