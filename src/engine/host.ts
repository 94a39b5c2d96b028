/** The page side of the engine: starts the engine worker. The engine then works on its own. */
import { wrap } from 'comlink';
import type { EngineOptions } from './engine';

export type { EngineOptions };
import type { EngineWorkerApi } from './engine.worker';

/** Starts the engine in a dedicated module worker. Call once per page. */
export async function startEngine(options: EngineOptions): Promise<void> {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'localread-engine' });
  const engine = wrap<EngineWorkerApi>(worker);
  await engine.start(options);
}
