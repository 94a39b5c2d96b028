/** The URL paths of the API: Azure's own, and our extensions under their own prefix. */

export const ANALYZE_PATH = '/vision/v3.2/read/analyze';
export const RESULTS_PATH_PREFIX = '/vision/v3.2/read/analyzeResults/';
/** Extension: returns the API keys to same-origin code (the UI, tests, scripts on the page). */
export const KEYS_PATH = '/localread/v1/keys';

/** The header that carries the API key, as Azure names it. */
export const KEY_HEADER = 'Ocp-Apim-Subscription-Key';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The operation id in a results path, or null when the path is not one. */
export function operationIdFromPath(pathname: string): string | null {
  if (!pathname.startsWith(RESULTS_PATH_PREFIX)) return null;
  const id = pathname.slice(RESULTS_PATH_PREFIX.length);
  return id.length > 0 && !id.includes('/') ? id : null;
}

/** True for the canonical form of an operation id (a UUID, as the spec and the SDK require). */
export function isOperationId(id: string): boolean {
  return UUID.test(id);
}

/** `Operation-Location` for an operation: absolute, nothing after the id. */
export function operationLocation(origin: string, id: string): string {
  return `${origin}${RESULTS_PATH_PREFIX}${id}`;
}
