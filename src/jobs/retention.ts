/** How long anything is kept: Azure deletes input and results within 24 hours; so do we, or sooner. */
import { MAX_RETENTION_MS } from '../read-api/privacy';

/** The longest window (the default); a user may choose a shorter one (settings.retentionMs). */
export const RETENTION_MS = MAX_RETENTION_MS;

/** True when a record created at `createdAt` has outlived the retention window at `now`. */
export function isExpired(createdAt: number, now: number, retentionMs = RETENTION_MS): boolean {
  return now - createdAt >= retentionMs;
}
