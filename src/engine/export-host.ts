/**
 * The page side of exports: builds a searchable PDF in a worker of its own, started for the
 * call and ended after it, so pdf-lib and the page images never load on the main thread nor
 * stay in memory.
 */
import { transfer, wrap } from 'comlink';
import type { ExportDocument, ExportWorkerApi } from './export.worker';

export type { ExportDocument };

/** Thrown when the export worker stops before it answers (it ran out of memory, or failed to load). */
export class ExportWorkerError extends Error {
  override readonly name = 'ExportWorkerError';
}

/**
 * One searchable PDF of `documents`, in order. Their `input` buffers are moved to the worker
 * (unusable here afterwards). Always settles: a worker that dies rejects the call.
 */
export async function searchablePdf(documents: ExportDocument[], baseUrl: string): Promise<Uint8Array> {
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'localread-export' });
  const died = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => reject(new ExportWorkerError(`The export stopped: ${event.message || 'the worker failed'}.`)));
  });
  try {
    const api = wrap<ExportWorkerApi>(worker);
    const buffers = documents.map(({ input }) => input.buffer);
    return await Promise.race([api.searchablePdf(transfer(documents, buffers), baseUrl), died]);
  } finally {
    worker.terminate();
  }
}
