/** The history of stored operations as the scan view shows it. */
import type { StoredOperationInfo } from '../read-api/extensions';

/**
 * The operations still within their window at `now`, newest first. An expired one drops out at
 * once, before the next sweep deletes it (the API already answers 404 for it).
 */
export function liveOperations(operations: readonly StoredOperationInfo[], now: number): StoredOperationInfo[] {
  return operations
    .filter((operation) => Date.parse(operation.expirationDateTime) > now)
    .sort((a, b) => Date.parse(b.createdDateTime) - Date.parse(a.createdDateTime));
}
