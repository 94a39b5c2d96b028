/**
 * Hints between the service worker and running engines: a job was created (SW to engines), a
 * job's run ended (engine to a SW waiting on a synchronous call). Only hints: a BroadcastChannel
 * message is lost when nobody listens, so engines poll the store and so does a waiting SW.
 */
const CHANNEL = 'localread-jobs';

/** The Web Lock the running engine holds (one engine per profile, `engine/engine.ts`). */
export const ENGINE_LOCK = 'localread-engine';

export interface JobCreatedSignal {
  type: 'job-created';
  id: string;
}

/** An engine stopped running a job: it succeeded, failed, or was released to run again. */
export interface JobEndedSignal {
  type: 'job-ended';
  id: string;
}

type JobSignal = JobCreatedSignal | JobEndedSignal;

function post(signal: JobSignal): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(signal);
  channel.close();
}

function listen<T extends JobSignal>(type: T['type'], listener: (signal: T) => void): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<JobSignal | undefined>) => {
    if (event.data?.type === type) listener(event.data as T);
  };
  return () => channel.close();
}

/** Tells listening engines that a job is waiting. */
export function signalJobCreated(id: string): void {
  post({ type: 'job-created', id });
}

/** Calls `listener` on each signal; returns a function that stops listening. */
export function onJobCreated(listener: (signal: JobCreatedSignal) => void): () => void {
  return listen('job-created', listener);
}

/** Tells a waiting service worker that a job's run ended, so it reads the store now. */
export function signalJobEnded(id: string): void {
  post({ type: 'job-ended', id });
}

/** Calls `listener` on each job-ended signal; returns a function that stops listening. */
export function onJobEnded(listener: (signal: JobEndedSignal) => void): () => void {
  return listen('job-ended', listener);
}

/**
 * True while an engine holds its lock, i.e. a page of the app is open and reading; a realm
 * without the Locks API cannot tell and answers true (a caller's deadline still bounds its wait).
 */
export async function isEngineRunning(): Promise<boolean> {
  const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
  if (!locks) return true;
  const { held = [] } = await locks.query();
  return held.some((lock) => lock.name === ENGINE_LOCK);
}
