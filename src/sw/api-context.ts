/**
 * What every route handler needs: the job store (opened once per service-worker life) and the
 * request's id. The SW's memory is lost at each restart, so nothing else is kept here.
 */
import { JobStore } from '../jobs/job-store';
import { ReadApiError, UNAUTHORIZED_MESSAGE } from '../read-api/errors';
import { KEY_HEADER, type ApiKeyId } from '../read-api/paths';

export interface RequestContext {
  request: Request;
  url: URL;
  requestId: string;
  store: JobStore;
}

let storePromise: Promise<JobStore> | null = null;

/** The job store, opened on first use; a failed open is retried on the next request. */
export function jobStore(): Promise<JobStore> {
  storePromise ??= JobStore.open().catch((error: unknown) => {
    storePromise = null;
    throw error;
  });
  return storePromise;
}

/** Throws Azure's 401 unless the request carries a currently valid key; returns which key. */
export async function authorize(context: RequestContext): Promise<ApiKeyId> {
  const keyId = await context.store.keyIdOf(context.request.headers.get(KEY_HEADER));
  if (!keyId) throw new ReadApiError('401', UNAUTHORIZED_MESSAGE);
  return keyId;
}
