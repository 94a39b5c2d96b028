/**
 * The keys (extension endpoints, served for our own origin only):
 * `GET /localread/v1/keys` answers the endpoint and both keys to same-origin code; any script of
 * this origin may read them, as any script of a page may read its own storage.
 * `POST /localread/v1/keys/{key1|key2}/regenerate` replaces one key and answers both.
 */
import { ReadApiError } from '../../read-api/errors';
import type { KeysInfo } from '../../read-api/extensions';
import { keyIdFromRegeneratePath } from '../../read-api/paths';
import { authorize, type RequestContext } from '../api-context';
import { jsonResponse } from '../respond';

export async function keys(context: RequestContext): Promise<Response> {
  const { key1, key2 } = await context.store.apiKeys();
  const body: KeysInfo = { endpoint: context.url.origin, key1, key2 };
  return jsonResponse(body, 200, context.requestId);
}

/**
 * Regenerates key1 or key2. Either valid key authorises it, including the one being replaced
 * (Azure's portal lets you regenerate the key in use). Why a key and not just "same origin":
 * this service worker also answers navigations into its scope, and a page of any other site can
 * send one as a POST with an HTML form; a form cannot set `Ocp-Apim-Subscription-Key`, so the key
 * stops that cross-site request from rotating a key the user's scripts rely on. Our own UI holds
 * the keys (from GET /localread/v1/keys) and sends one.
 */
export async function regenerateKey(context: RequestContext): Promise<Response> {
  await authorize(context);
  const keyId = keyIdFromRegeneratePath(context.url.pathname);
  if (!keyId) throw new ReadApiError('NotFound', `Resource not found: ${context.url.pathname}.`);
  const { key1, key2 } = await context.store.regenerateApiKey(keyId);
  const body: KeysInfo = { endpoint: context.url.origin, key1, key2 };
  return jsonResponse(body, 200, context.requestId);
}
