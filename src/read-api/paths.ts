/** The URL paths of the API: Azure's own, and our extensions under their own prefix. */

export const ANALYZE_PATH = '/vision/v3.2/read/analyze';
export const RESULTS_PATH_PREFIX = '/vision/v3.2/read/analyzeResults/';
/** The Read container's synchronous call: the whole result in the answer. */
export const SYNC_ANALYZE_PATH = '/vision/v3.2/read/syncAnalyze';
/** Image Analysis 4.0's one call (synchronous; `features=read` only here). */
export const IMAGE_ANALYSIS_PATH = '/computervision/imageanalysis:analyze';
/** Extension: returns the API keys to same-origin code (the UI, tests, scripts on the page). */
export const KEYS_PATH = '/localread/v1/keys';
/** Extension: GET lists stored operations (no content); DELETE deletes them all and the key. */
export const OPERATIONS_PATH = '/localread/v1/operations';
/** Extension: DELETE `{OPERATIONS_PATH}/{id}` deletes one operation now. */
export const OPERATION_PATH_PREFIX = `${OPERATIONS_PATH}/`;
/** Extension: GET what is stored now (count, bytes, soonest expiry); sweeps first. */
export const STORAGE_PATH = '/localread/v1/storage';
/** Extension: user settings (Azure hosts, retention), read and changed by same-origin code. */
export const SETTINGS_PATH = '/localread/v1/settings';

/** The two keys of a resource, as Azure names them. */
export const KEY_IDS = ['key1', 'key2'] as const;
export type ApiKeyId = (typeof KEY_IDS)[number];

/** Extension: `POST /localread/v1/keys/{key1|key2}/regenerate` replaces that key. */
export function regenerateKeyPath(keyId: ApiKeyId): string {
  return `${KEYS_PATH}/${keyId}/regenerate`;
}

/** The key named by a regenerate path, or null when the path is not one. */
export function keyIdFromRegeneratePath(pathname: string): ApiKeyId | null {
  return KEY_IDS.find((keyId) => pathname === regenerateKeyPath(keyId)) ?? null;
}

/** The header that carries the API key, as Azure names it. */
export const KEY_HEADER = 'Ocp-Apim-Subscription-Key';

/** The operation id in a results path, or null when the path is not one. */
export function operationIdFromPath(pathname: string): string | null {
  if (!pathname.startsWith(RESULTS_PATH_PREFIX)) return null;
  const id = pathname.slice(RESULTS_PATH_PREFIX.length);
  return id.length > 0 && !id.includes('/') ? id : null;
}

/** `Operation-Location` for an operation: absolute, nothing after the id. */
export function operationLocation(origin: string, id: string): string {
  return `${origin}${RESULTS_PATH_PREFIX}${id}`;
}

/** The operation id in an extension operation path (`/localread/v1/operations/{id}`), or null. */
export function extensionOperationIdFromPath(pathname: string): string | null {
  if (!pathname.startsWith(OPERATION_PATH_PREFIX)) return null;
  const id = pathname.slice(OPERATION_PATH_PREFIX.length);
  return id.length > 0 && !id.includes('/') ? id : null;
}
