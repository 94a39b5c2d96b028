/**
 * Requests to the service worker's API, answered in-process by its own router (route table,
 * origin gating, per-request sweep, catch handler) over a job store on fake-indexeddb.
 */
import './service-worker-scope';
import { expect, vi } from 'vitest';
import type { ApiKeyPair, JobStore } from '../../../src/jobs/job-store';
import type { ErrorBody } from '../../../src/read-api/errors';
import type { LocalReadOperationResult } from '../../../src/read-api/extensions';
import { createApiRouter } from '../../../src/sw/api-router';
import { assertErrorBody, assertReadOperationResult } from '../../support/ocr-schema';

/** The origin the tests serve the app from. */
export const APP_ORIGIN = 'https://localread.test';

/** An ExtendableEvent as the router sees it: what it hands to `waitUntil` is kept. */
export class FakeExtendableEvent extends Event {
  readonly pending: Array<Promise<unknown>> = [];

  constructor() {
    super('fetch');
  }

  waitUntil(promise: Promise<unknown>): void {
    this.pending.push(promise);
  }
}

export interface RouteOptions {
  /** The store the router opens; a rejecting one stands for a database that cannot be opened. */
  openStore?: () => Promise<JobStore>;
  /** Gets the event, to look at what was handed to `waitUntil`; else it is awaited before answering. */
  event?: FakeExtendableEvent;
}

/**
 * The router's answer to a request for `url` (relative URLs are of APP_ORIGIN), or undefined
 * when no route takes it (the request would go to the network, or the precache).
 */
export async function routed(store: JobStore, url: string, init: RequestInit = {}, options: RouteOptions = {}): Promise<Response | undefined> {
  // The router resolves URLs against the service worker's location.
  vi.stubGlobal('location', new URL(`${APP_ORIGIN}/`));
  const router = createApiRouter({ origin: APP_ORIGIN, openStore: options.openStore ?? (async () => store) });
  const event = options.event ?? new FakeExtendableEvent();
  const answer = await router.handleRequest({ request: new Request(new URL(url, APP_ORIGIN), init), event });
  if (!options.event) await Promise.all(event.pending);
  return answer;
}

/** The router's answer to a request that one of its routes takes. */
export async function fetchApi(store: JobStore, url: string, init: RequestInit = {}): Promise<Response> {
  const response = await routed(store, url, init);
  if (!response) throw new Error(`No route took ${init.method ?? 'GET'} ${url}.`);
  return response;
}

/** Both keys of the store. */
export function keysOf(store: JobStore): Promise<ApiKeyPair> {
  return store.apiKeys();
}

/** A JSON answer's body, after checking its Content-Type. */
export async function jsonOf(response: Response): Promise<unknown> {
  const type = response.headers.get('Content-Type');
  if (type !== 'application/json; charset=utf-8') throw new Error(`not Azure's JSON type: ${type}`);
  return response.json();
}

/** The spec's check of Azure's fields, and ours of the two extension fields. */
function assertOperationResult(body: unknown): asserts body is LocalReadOperationResult {
  assertReadOperationResult(body);
  const { progress, error } = Object(body);
  if (progress !== undefined) expect(progress).toEqual({ pagesDone: expect.any(Number), pagesTotal: expect.any(Number) });
  if (error !== undefined) expect(error).toEqual({ code: expect.any(String), message: expect.any(String) });
}

/** The spec's check of an error body (`{"error": {code, message}}`). */
function assertError(body: unknown): asserts body is ErrorBody {
  assertErrorBody(body);
}

/** The body of a 200 GET answer, checked against the spec's ReadOperationResult. */
export async function operationResultOf(response: Response): Promise<LocalReadOperationResult> {
  if (response.status !== 200) throw new Error(`expected 200, got ${response.status}`);
  const body = await jsonOf(response);
  assertOperationResult(body);
  return body;
}

/** The error code of an error answer, after checking the body against the spec. */
export async function errorCodeOf(response: Response): Promise<string> {
  const body = await jsonOf(response);
  assertError(body);
  return body.error.code;
}
