/**
 * `GET /localread/v1/storage` (extension): what is stored right now, for the privacy page. Sweeps
 * first, so what it reports is what the retention window allows; the page calls it on load and on
 * a timer, which is how an open page sweeps.
 */
import type { StorageInfo } from '../../read-api/extensions';
import { authorize, type RequestContext } from '../api-context';
import { jsonResponse } from '../respond';

/** The browser's own figures for the origin; null where it gives none (or refuses). */
async function estimate(): Promise<{ usage: number | null; quota: number | null; persisted: boolean | null }> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  try {
    const [estimated, persisted] = await Promise.all([storage?.estimate(), storage?.persisted()]);
    return { usage: estimated?.usage ?? null, quota: estimated?.quota ?? null, persisted: persisted ?? null };
  } catch {
    return { usage: null, quota: null, persisted: null };
  }
}

export async function storage(context: RequestContext): Promise<Response> {
  await authorize(context);
  await context.store.sweep();
  const [inventory, settings, browser] = await Promise.all([context.store.inventory(), context.store.settings(), estimate()]);
  const body: StorageInfo = {
    count: inventory.operations.length,
    bytes: inventory.bytes,
    oldestExpirationDateTime: inventory.oldestExpiresAt === null ? null : new Date(inventory.oldestExpiresAt).toISOString(),
    retentionMs: settings.retentionMs,
    ...browser,
  };
  return jsonResponse(body, 200, context.requestId);
}
