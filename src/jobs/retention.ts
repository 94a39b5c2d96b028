/** How long anything is kept: Azure deletes input and results within 24 hours; so do we. */
export const RETENTION_MS = 24 * 60 * 60 * 1000;

/** True when a record created at `createdAt` has outlived the retention window at `now`. */
export function isExpired(createdAt: number, now: number, retentionMs = RETENTION_MS): boolean {
  return now - createdAt >= retentionMs;
}
