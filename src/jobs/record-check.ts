/**
 * What a readable job record looks like. A record changed outside the app (or half-written by an
 * older version) must read as absent, not crash the answer: `new Date(NaN).toISOString()` throws.
 */
import type { JobRecord } from './db';

const STATUSES: ReadonlySet<unknown> = new Set(['notStarted', 'running', 'succeeded', 'failed']);
const APIS: ReadonlySet<unknown> = new Set(['read', 'document-intelligence']);

/** True when the record has the fields every answer is built from, with usable values. */
export function isSoundRecord(record: JobRecord): boolean {
  return (
    typeof record.id === 'string' &&
    STATUSES.has(record.status) &&
    Number.isFinite(record.createdAt) &&
    Number.isFinite(record.updatedAt) &&
    typeof record.hasResult === 'boolean' &&
    (record.contract === undefined || APIS.has(record.contract.api))
  );
}

/** The bytes a sealed payload takes: ciphertext (with its GCM tag) and IV. */
export function sealedSize(sealed: { iv: Uint8Array; ciphertext: ArrayBuffer }): number {
  return sealed.iv.byteLength + sealed.ciphertext.byteLength;
}
