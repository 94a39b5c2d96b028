/**
 * The route table of the API and the one place where errors become Azure-shaped answers.
 */
import { registerRoute } from 'workbox-routing';
import type { RouteHandlerCallbackOptions } from 'workbox-core/types';
import { ReadApiError } from '../read-api/errors';
import { ANALYZE_PATH, KEYS_PATH, operationIdFromPath } from '../read-api/paths';
import { jobStore, type RequestContext } from './api-context';
import { errorResponse } from './respond';
import { analyze } from './routes/analyze';
import { analyzeResults } from './routes/analyze-results';
import { keys } from './routes/keys';
import { notFound } from './routes/not-found';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

interface ApiRoute {
  method: Method;
  matches(url: URL): boolean;
  handle(context: RequestContext): Promise<Response>;
}

const isApiPath = (url: URL) =>
  url.pathname.startsWith('/vision/') || url.pathname.startsWith('/localread/');

const ROUTES: ApiRoute[] = [
  { method: 'POST', matches: (url) => url.pathname === ANALYZE_PATH, handle: analyze },
  { method: 'GET', matches: (url) => operationIdFromPath(url.pathname) !== null, handle: analyzeResults },
  { method: 'GET', matches: (url) => url.pathname === KEYS_PATH, handle: keys },
  // Registered last: anything else under our prefixes answers 404 here, never reaching the network.
  ...(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const).map((method) => ({
    method,
    matches: isApiPath,
    handle: notFound,
  })),
];

/** Turns anything thrown into an answer; unknown failures are the only 500s. */
function toErrorResponse(reason: unknown, requestId: string): Response {
  if (reason instanceof ReadApiError) return errorResponse(reason, requestId);
  const message = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  return errorResponse(new ReadApiError('InternalServerError', message), requestId);
}

async function handleApiRequest(route: ApiRoute, { request, url, event }: RouteHandlerCallbackOptions) {
  const requestId = crypto.randomUUID();
  try {
    const store = await jobStore();
    // Retention is swept on every API request, after the answer, without delaying it.
    (event as ExtendableEvent).waitUntil(store.sweep());
    return await route.handle({ request, url, requestId, store });
  } catch (reason) {
    return toErrorResponse(reason, requestId);
  }
}

/** Registers every API route for same-origin requests. */
export function registerApiRoutes(origin: string): void {
  for (const route of ROUTES) {
    registerRoute(
      ({ url }) => url.origin === origin && route.matches(url),
      (options) => handleApiRequest(route, options),
      route.method,
    );
  }
}
