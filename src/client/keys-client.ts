/**
 * The API keys, through our extension endpoints: read both (same-origin code only) and
 * regenerate one. What the API page uses; any script of the origin may do the same.
 */
import type { ErrorBody } from '../read-api/errors';
import type { KeysInfo } from '../read-api/extensions';
import { KEY_HEADER, KEYS_PATH, regenerateKeyPath, type ApiKeyId } from '../read-api/paths';

/** A refused call, with Azure's error code when the body had one. */
export class KeysClientError extends Error {
  override readonly name = 'KeysClientError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function keysFrom(response: Response): Promise<KeysInfo> {
  if (response.ok) return (await response.json()) as KeysInfo;
  const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
  throw new KeysClientError(response.status, body?.error?.code ?? String(response.status), body?.error?.message ?? response.statusText);
}

/** The endpoint to use as Azure's `{Endpoint}`, and key1 and key2. */
export async function fetchKeys(origin = location.origin): Promise<KeysInfo> {
  return keysFrom(await fetch(new URL(KEYS_PATH, origin)));
}

/**
 * Replaces `keyId` with a new key; the old one stops working at once. Authorised by `currentKey`,
 * either valid key (the one being replaced included). Resolves with both keys as they are now.
 */
export async function regenerateKey(keyId: ApiKeyId, currentKey: string, origin = location.origin): Promise<KeysInfo> {
  const response = await fetch(new URL(regenerateKeyPath(keyId), origin), {
    method: 'POST',
    headers: { [KEY_HEADER]: currentKey },
  });
  return keysFrom(response);
}
