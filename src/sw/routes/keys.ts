/**
 * `GET /localread/v1/keys` (extension): the API keys and endpoint, for same-origin code only.
 * Any script of this origin may read them, as any script of a page may read its own storage.
 */
import { loadOrCreateApiKeys } from '../../jobs/api-keys';
import type { RequestContext } from '../api-context';
import type { KeysInfo } from '../../read-api/extensions';
import { jsonResponse } from '../respond';

export async function keys(context: RequestContext): Promise<Response> {
  const { key1, key2 } = await loadOrCreateApiKeys(context.store.db);
  const body: KeysInfo = { endpoint: context.url.origin, key1, key2 };
  return jsonResponse(body, 200, context.requestId);
}
