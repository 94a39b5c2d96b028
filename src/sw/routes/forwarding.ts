/**
 * `/localread/v1/forwarding` (extension, served for our own origin only): the Azure hosts whose
 * requests are forwarded to Azure, each with the user's key for that resource.
 * `GET /localread/v1/forwarding` lists them; `GET /localread/v1/forwarding/{host}` shows one;
 * `PUT` with `{"key": "..."}` names a host (or replaces its key); `DELETE` stops forwarding it
 * and deletes its key. Keys are answered masked, never in clear. No API key is asked, as for the
 * settings: a PUT or DELETE cannot come from another site (an HTML form sends GET and POST only),
 * and a GET shows nothing secret.
 */
import { ReadApiError } from '../../read-api/errors';
import {
  FORWARDING_HOST_PATH_PREFIX,
  FORWARDING_PATH,
  forwardingHostFromPath,
  validForwardingHost,
  validForwardingKey,
  type ForwardedHostInfo,
  type ForwardingInfo,
} from '../../read-api/forwarding';
import { mediaTypeOf } from '../../read-api/media-type';
import type { ForwardedHostEntry } from '../../jobs/job-store';
import type { RequestContext } from '../api-context';
import { apiHeaders, jsonResponse } from '../respond';

function infoOf({ host, maskedKey, addedAt }: ForwardedHostEntry): ForwardedHostInfo {
  return { host, maskedKey, addedDateTime: new Date(addedAt).toISOString() };
}

/** The validated host of a per-host path. */
function hostOf(context: RequestContext): string {
  const host = forwardingHostFromPath(context.url.pathname);
  if (host === null) throw new ReadApiError('NotFound', `Resource not found: ${context.url.pathname}.`);
  return validForwardingHost(host);
}

function notForwarded(host: string): ReadApiError {
  return new ReadApiError('NotFound', `${host} is not forwarded.`);
}

export async function listForwarding(context: RequestContext): Promise<Response> {
  const body: ForwardingInfo = { hosts: (await context.store.forwarding.list()).map(infoOf) };
  return jsonResponse(body, 200, context.requestId);
}

export async function getForwardedHost(context: RequestContext): Promise<Response> {
  const host = hostOf(context);
  const entry = (await context.store.forwarding.list()).find((stored) => stored.host === host);
  if (!entry) throw notForwarded(host);
  return jsonResponse(infoOf(entry), 200, context.requestId);
}

export async function putForwardedHost(context: RequestContext): Promise<Response> {
  const host = hostOf(context);
  if (mediaTypeOf(context.request.headers.get('Content-Type')) !== 'application/json') {
    throw new ReadApiError('UnsupportedMediaType', 'Send {"key": "..."} as application/json.');
  }
  let body: unknown;
  try {
    body = JSON.parse(await context.request.text());
  } catch {
    throw new ReadApiError('InvalidRequest', 'The request body is not valid JSON.');
  }
  const entry = await context.store.forwarding.put(host, validForwardingKey(body));
  return jsonResponse(infoOf(entry), 200, context.requestId);
}

export async function deleteForwardedHost(context: RequestContext): Promise<Response> {
  const host = hostOf(context);
  if (!(await context.store.forwarding.remove(host))) throw notForwarded(host);
  return new Response(null, { status: 204, headers: apiHeaders(context.requestId) });
}

const isHostPath = (url: URL) => url.pathname.startsWith(FORWARDING_HOST_PATH_PREFIX);

/** The routes, for the router's table (our own origin only). */
export const FORWARDING_ROUTES = [
  { method: 'GET', matches: (url: URL) => url.pathname === FORWARDING_PATH, handle: listForwarding },
  { method: 'GET', matches: isHostPath, handle: getForwardedHost },
  { method: 'PUT', matches: isHostPath, handle: putForwardedHost },
  { method: 'DELETE', matches: isHostPath, handle: deleteForwardedHost },
] as const;
