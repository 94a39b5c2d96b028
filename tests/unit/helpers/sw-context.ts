/**
 * Route handlers of the service worker, called in-process with a job store on fake-indexeddb.
 * (The router itself needs a service worker's `self`; its error mapping is reproduced here with
 * the same `errorResponse`, and the whole path is covered end to end.)
 */
import type { JobStore } from '../../../src/jobs/job-store';
import { loadOrCreateApiKeys } from '../../../src/jobs/api-keys';
import { ReadApiError } from '../../../src/read-api/errors';
import type { RequestContext } from '../../../src/sw/api-context';
import { errorResponse } from '../../../src/sw/respond';
import { assertErrorBody } from '../../support/ocr-schema';

/** The origin the tests serve the app from. */
export const APP_ORIGIN = 'https://localread.test';

/** A handler's context for a request to `url` (relative URLs are of APP_ORIGIN). */
export function contextFor(store: JobStore, url: string, init: RequestInit = {}): RequestContext {
  const request = new Request(new URL(url, APP_ORIGIN), init);
  return { request, url: new URL(request.url), requestId: crypto.randomUUID(), store };
}

/** Both keys of the store. */
export async function keysOf(store: JobStore): Promise<{ key1: string; key2: string }> {
  const { key1, key2 } = await loadOrCreateApiKeys(store.db);
  return { key1, key2 };
}

/** The answer to a handler call, its ReadApiErrors answered as the router answers them. */
export async function answerOf(handler: (context: RequestContext) => Promise<Response>, context: RequestContext): Promise<Response> {
  try {
    return await handler(context);
  } catch (error) {
    if (!(error instanceof ReadApiError)) throw error;
    return errorResponse(error, context.requestId);
  }
}

/** A JSON answer's body, after checking its Content-Type. */
export async function jsonOf(response: Response): Promise<unknown> {
  const type = response.headers.get('Content-Type');
  if (type !== 'application/json; charset=utf-8') throw new Error(`not Azure's JSON type: ${type}`);
  return response.json();
}

/** The error code of an error answer, after checking the body against the spec. */
export async function errorCodeOf(response: Response): Promise<string> {
  const body = await jsonOf(response);
  assertErrorBody(body);
  return (body as { error: { code: string } }).error.code;
}
