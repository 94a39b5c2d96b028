/**
 * A hint that a job was created, from the service worker to running engines. Only a hint: a
 * BroadcastChannel message is lost when nobody listens, so engines also poll the store.
 */
const CHANNEL = 'localread-jobs';

export interface JobCreatedSignal {
  type: 'job-created';
  id: string;
}

/** Tells listening engines that a job is waiting. */
export function signalJobCreated(id: string): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'job-created', id } satisfies JobCreatedSignal);
  channel.close();
}

/** Calls `listener` on each signal; returns a function that stops listening. */
export function onJobCreated(listener: (signal: JobCreatedSignal) => void): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<JobCreatedSignal>) => {
    if (event.data?.type === 'job-created') listener(event.data);
  };
  return () => channel.close();
}
