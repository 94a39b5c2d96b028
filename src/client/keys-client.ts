/**
 * The API keys, through our extension endpoints: read both (same-origin code only) and
 * regenerate one. What the API page uses; any script of the origin may do the same.
 */
import type { KeysInfo } from '../read-api/extensions';
import { regenerateKeyPath, type ApiKeyId } from '../read-api/paths';
import { bodyOf, KeyedTransport } from './api-transport';

export { fetchKeys } from './api-transport';

/**
 * Replaces `keyId` with a new key; the old one stops working at once. Authorised by `currentKey`,
 * either valid key (the one being replaced included), and by it only: no retry with another.
 * Resolves with both keys as they are now.
 */
export async function regenerateKey(keyId: ApiKeyId, currentKey: string, origin = location.origin): Promise<KeysInfo> {
  const transport = new KeyedTransport(origin, { key: currentKey, loadKey: null });
  return bodyOf<KeysInfo>(await transport.send(regenerateKeyPath(keyId), { method: 'POST' }));
}
