/** Azure-shaped responses: JSON with `application/json; charset=utf-8` and an `apim-request-id`. */
import type { ReadApiError } from '../read-api/errors';

/** Headers a cross-origin caller needs to read (Operation-Location above all). */
const EXPOSED_HEADERS = 'Operation-Location, apim-request-id, Retry-After';

/** Headers every API answer carries. */
export function apiHeaders(requestId: string, extra: Record<string, string> = {}): Headers {
  return new Headers({
    'apim-request-id': requestId,
    'Access-Control-Expose-Headers': EXPOSED_HEADERS,
    'Cache-Control': 'no-store',
    ...extra,
  });
}

export function jsonResponse(body: unknown, status: number, requestId: string): Response {
  const headers = apiHeaders(requestId, { 'Content-Type': 'application/json; charset=utf-8' });
  return new Response(JSON.stringify(body), { status, headers });
}

export function errorResponse(error: ReadApiError, requestId: string): Response {
  return jsonResponse(error.toBody(), error.status, requestId);
}
