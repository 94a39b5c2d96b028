/**
 * The route table of the API and the one place where errors become Azure-shaped answers.
 */
import { registerRoute } from 'workbox-routing';
import type { RouteHandlerCallbackOptions } from 'workbox-core/types';
import { ReadApiError } from '../read-api/errors';
import { ANALYZE_PATH, KEYS_PATH, SETTINGS_PATH, keyIdFromRegeneratePath, operationIdFromPath } from '../read-api/paths';
import { OPERATIONS_PATH, STORAGE_PATH, extensionOperationIdFromPath } from '../read-api/paths';
import { isAzureReadUrl } from '../read-api/azure-hosts';
import { loadSettings } from '../jobs/settings';
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

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

interface ApiRoute {
  method: Method;
  matches(url: URL): boolean;
  handle(context: RequestContext): Promise<Response>;
  /** Also served for Azure's hosts (the Read routes only), when the user's setting allows. */
  azure?: true;
}

const isApiPath = (url: URL) =>
  url.pathname.startsWith('/vision/') || url.pathname.startsWith('/localread/');

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

/**
 * False for a request to an Azure host while the user's setting `answerAzureHosts` is off. A store
 * that cannot be opened counts as "answer here": the handler then meets the same failure and
 * answers it as an error, instead of sending the document to Azure.
 */
async function isAnsweredHere(url: URL, origin: string): Promise<boolean> {
  if (url.origin === origin) return true;
  try {
    return (await loadSettings((await jobStore()).db)).answerAzureHosts;
  } catch {
    return true;
  }
}

async function handleApiRequest(
  route: ApiRoute,
  { request, url, event }: RouteHandlerCallbackOptions,
  origin: string,
): Promise<Response> {
  // Not ours to answer: the request goes on to the network untouched, as if no route matched
  // (a network failure stays a network failure for the caller, not a 500 of ours).
  if (!(await isAnsweredHere(url, origin))) return fetch(request);
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

/**
 * Registers every API route for same-origin requests, and the Read routes for Azure's hosts
 * (`*.cognitiveservices.azure.com`, `*.api.cognitive.microsoft.com`): a match must be decided
 * synchronously, so the setting `answerAzureHosts` is checked in the handler.
 */
export function registerApiRoutes(origin: string): void {
  for (const route of ROUTES) {
    const served = (url: URL) => url.origin === origin || (route.azure === true && isAzureReadUrl(url));
    registerRoute(
      ({ url }) => served(url) && route.matches(url),
      (options) => handleApiRequest(route, options, origin),
      route.method,
    );
  }
}
