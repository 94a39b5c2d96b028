/**
 * A full disk is a predictable failure, so it gets an Azure-shaped 4xx, never a 500.
 *
 * Why 429 with Azure's code "429": it is what Azure answers when a resource's quota (of calls) is
 * used up, and callers already handle it; a 5xx would be retried by the SDK for minutes (its
 * retry policy covers 5xx and 408), and 507 is not in Azure's vocabulary. No `Retry-After` is
 * sent: the SDK retries a 429 only when one is present, and space comes back only when the user
 * deletes operations or they expire, which no fixed delay can promise.
 */
import { ReadApiError } from '../read-api/errors';

/** The message of the 429 that a submission gets when the browser's storage quota is used up. */
export const QUOTA_MESSAGE =
  'Storage on this device is full: the document could not be stored. Delete operations (DELETE /localread/v1/operations/{id}, or the privacy page), wait for them to expire, or free space in the browser, then submit again.';

/** True when a failed IndexedDB write (or its transaction) ran out of quota. */
export function isQuotaExceeded(reason: unknown, transactionError?: DOMException | null): boolean {
  const names = [(reason as { name?: unknown } | null)?.name, transactionError?.name];
  return names.includes('QuotaExceededError');
}

/** The Azure-shaped error for a write that ran out of quota. */
export function quotaExceededError(): ReadApiError {
  return new ReadApiError('429', QUOTA_MESSAGE);
}
