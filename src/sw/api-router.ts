/**
 * The route table of the API, on a workbox `Router` of its own, whose catch handler is the one
 * place where errors become Azure-shaped answers. `sw.ts` adds its fetch listener; tests call
 * `handleRequest` on it directly.
 */
import { Route, Router } from 'workbox-routing';
import type { RouteHandlerCallbackOptions } from 'workbox-core/types';
import type { JobStore } from '../jobs/job-store';
import { ReadApiError } from '../read-api/errors';
import { ANALYZE_PATH, KEYS_PATH, SETTINGS_PATH, keyIdFromRegeneratePath, operationIdFromPath } from '../read-api/paths';
import { OPERATIONS_PATH, STORAGE_PATH, extensionOperationIdFromPath } from '../read-api/paths';
import { IMAGE_ANALYSIS_PATH, SYNC_ANALYZE_PATH } from '../read-api/paths';
import { isAzureReadUrl } from '../read-api/azure-hosts';
import { jobStore, type RequestContext } from './api-context';
import { errorResponse } from './respond';
import { analyze } from './routes/analyze';
import { analyzeResults } from './routes/analyze-results';
import { keys, regenerateKey } from './routes/keys';
import { getSettings, patchSettings } from './routes/settings';
import { storage } from './routes/storage';
import { deleteOperations, listOperations } from './routes/operations';
import { deleteOperation } from './routes/operation';
import { notFound } from './routes/not-found';
import { parseDiPath, isDiPath } from '../read-api/document-intelligence/paths';
import { diAnalyze } from './routes/di-analyze';
import { diAnalyzeResult, diDeleteResult, diNotFound, diResultPdf } from './routes/di-analyze-results';
import { syncAnalyze } from './routes/sync-analyze';
import { imageAnalysis } from './routes/image-analysis';
import { FORWARDING_ROUTES } from './routes/forwarding';
import { forwardIfNamed } from './forward';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

interface ApiRoute {
  method: Method;
  matches(url: URL): boolean;
  handle(context: RequestContext): Promise<Response>;
  /** Also served for Azure's hosts (the Read and Image Analysis routes only), when the user's setting allows. */
  azure?: true;
}

const isApiPath = (url: URL) =>
  url.pathname.startsWith('/vision/') || url.pathname.startsWith('/localread/') || url.pathname.startsWith('/computervision/');

const ROUTES: ApiRoute[] = [
  { method: 'POST', matches: (url) => url.pathname === ANALYZE_PATH, handle: analyze, azure: true },
  { method: 'GET', matches: (url) => operationIdFromPath(url.pathname) !== null, handle: analyzeResults, azure: true },
  { method: 'GET', matches: (url) => url.pathname === KEYS_PATH, handle: keys },
  { method: 'POST', matches: (url) => keyIdFromRegeneratePath(url.pathname) !== null, handle: regenerateKey },
  { method: 'GET', matches: (url) => url.pathname === SETTINGS_PATH, handle: getSettings },
  { method: 'PATCH', matches: (url) => url.pathname === SETTINGS_PATH, handle: patchSettings },
  { method: 'GET', matches: (url) => url.pathname === STORAGE_PATH, handle: storage },
  { method: 'GET', matches: (url) => url.pathname === OPERATIONS_PATH, handle: listOperations },
  { method: 'DELETE', matches: (url) => url.pathname === OPERATIONS_PATH, handle: deleteOperations },
  { method: 'DELETE', matches: (url) => extensionOperationIdFromPath(url.pathname) !== null, handle: deleteOperation },
  // Document Intelligence (2024-11-30, and the legacy /formrecognizer path), also for Azure's hosts.
  { method: 'POST', matches: (url) => parseDiPath(url.pathname)?.action === 'analyze', handle: diAnalyze, azure: true },
  { method: 'GET', matches: (url) => parseDiPath(url.pathname)?.action === 'result', handle: diAnalyzeResult, azure: true },
  { method: 'DELETE', matches: (url) => parseDiPath(url.pathname)?.action === 'result', handle: diDeleteResult, azure: true },
  { method: 'GET', matches: (url) => parseDiPath(url.pathname)?.action === 'pdf', handle: diResultPdf, azure: true },
  ...(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const).map((method) => ({ method, matches: (url: URL) => isDiPath(url.pathname), handle: diNotFound, azure: true as const })),
  // Synchronous: the answer waits for the engine (sw/synchronous-job.ts). syncAnalyze is the Read
  // container's, so it is not served for Azure's cloud hosts.
  { method: 'POST', matches: (url) => url.pathname === SYNC_ANALYZE_PATH, handle: syncAnalyze },
  { method: 'POST', matches: (url) => url.pathname === IMAGE_ANALYSIS_PATH, handle: imageAnalysis, azure: true },
  ...FORWARDING_ROUTES,
  // Registered last: anything else under our prefixes answers 404 here, never reaching the network.
  ...(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const).map((method) => ({
    method,
    matches: isApiPath,
    handle: notFound,
    azure: true as const,
  })),
];

/** Turns anything thrown into an answer; unknown failures are the only 500s. */
function toErrorResponse(reason: unknown, requestId: string): Response {
  if (reason instanceof ReadApiError) return errorResponse(reason, requestId);
  const message = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  return errorResponse(new ReadApiError('InternalServerError', message), requestId);
}

export interface ApiRouterOptions {
  /** The app's origin: every route is served for it, the Read routes also for Azure's hosts. */
  origin: string;
  /** The job store; by default the service worker's, opened once per life (tests pass their own). */
  openStore?: () => Promise<JobStore>;
}

/** A handler's failure, kept for the catch handler, which workbox calls without the error. */
interface Failure {
  reason: unknown;
  requestId: string;
}

/**
 * The API's router: every route for same-origin requests, and the Read routes for Azure's hosts
 * (`*.cognitiveservices.azure.com`, `*.api.cognitive.microsoft.com`). A match must be decided
 * synchronously, so the setting `answerAzureHosts` is checked in the handler.
 */
export function createApiRouter({ origin, openStore = jobStore }: ApiRouterOptions): Router {
  const router = new Router();
  // Workbox calls the catch handler with {url, request, event} only (Router.handleRequest), so a
  // handler leaves its error here, keyed by the request, before it rethrows.
  const failures = new WeakMap<Request, Failure>();

  /**
   * False for a request to an Azure host while `answerAzureHosts` is off. A store that cannot be
   * opened counts as "answer here": the handler then meets the same failure and answers it as an
   * error, instead of sending the document to Azure.
   */
  async function isAnsweredHere(url: URL): Promise<boolean> {
    if (url.origin === origin) return true;
    try {
      return (await (await openStore()).settings()).answerAzureHosts;
    } catch {
      return true;
    }
  }

  /**
   * Azure's own answer when the request's Azure host is one the user forwards: that wins over
   * `answerAzureHosts`. Null for our origin, a host not named, or a store that cannot be read
   * (then nothing leaves: the request is answered here, as an error if the store stays shut).
   */
  async function forwarded(request: Request, url: URL): Promise<Response | null> {
    if (url.origin === origin) return null;
    return openStore().then((store) => forwardIfNamed(request, url, store)).catch(() => null);
  }

  async function handle(route: ApiRoute, { request, url, event }: RouteHandlerCallbackOptions): Promise<Response> {
    const fromAzure = await forwarded(request, url);
    if (fromAzure) return fromAzure;
    // Not ours to answer: the request goes on to the network untouched, as if no route matched; a
    // network failure stays one for the caller (Response.error()), not a 500 of ours.
    if (!(await isAnsweredHere(url))) return fetch(request).catch(() => Response.error());
    const requestId = crypto.randomUUID();
    try {
      const store = await openStore();
      // Retention is swept on every API request, after the answer, without delaying it.
      event.waitUntil(store.sweep());
      return await route.handle({ request, url, requestId, store });
    } catch (reason) {
      failures.set(request, { reason, requestId });
      throw reason;
    }
  }

  for (const route of ROUTES) {
    const served = (url: URL) => url.origin === origin || (route.azure === true && isAzureReadUrl(url));
    router.registerRoute(
      new Route(({ url }) => served(url) && route.matches(url), (options) => handle(route, options), route.method),
    );
  }
  router.setCatchHandler(async ({ request }) => {
    const failure = failures.get(request);
    return toErrorResponse(failure?.reason, failure?.requestId ?? crypto.randomUUID());
  });
  return router;
}
