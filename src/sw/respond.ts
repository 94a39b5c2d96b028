/** Azure-shaped responses: JSON with `application/json; charset=utf-8` and an `apim-request-id`. */
import type { ReadApiError } from '../read-api/errors';

/** Headers a cross-origin caller needs to read (Operation-Location above all). */
const EXPOSED_HEADERS = 'Operation-Location, apim-request-id, Retry-After';

/**
 * Headers every API answer carries. The CORS headers matter for code on our pages that calls an
 * Azure host (answered here): the browser skips the CORS check for a service worker's answer but
 * still filters the headers a cross-origin caller may read (CONTRACT.md §7). Allowing any origin
 * exposes nothing: only pages this service worker controls, all of our origin, ever reach it.
 */
export function apiHeaders(requestId: string, extra: Record<string, string> = {}): Headers {
  return new Headers({
    'apim-request-id': requestId,
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': EXPOSED_HEADERS,
    'Cache-Control': 'no-store',
    ...extra,
  });
}

function jsonHeaders(requestId: string): Headers {
  return apiHeaders(requestId, { 'Content-Type': 'application/json; charset=utf-8' });
}

export function jsonResponse(body: unknown, status: number, requestId: string): Response {
  return new Response(JSON.stringify(body), { status, headers: jsonHeaders(requestId) });
}

/** A JSON answer sent in parts, one after the other: text, or UTF-8 bytes already encoded. */
export function jsonPartsResponse(parts: Array<string | Uint8Array<ArrayBuffer>>, status: number, requestId: string): Response {
  return new Response(new Blob(parts), { status, headers: jsonHeaders(requestId) });
}

export function errorResponse(error: ReadApiError, requestId: string): Response {
  return jsonResponse(error.toBody(), error.status, requestId);
}
