/**
 * The privacy promises as numbers: how long anything is kept and how it is sealed. The job store
 * enforces them and the privacy page states them, from these same constants, so the two cannot
 * drift apart.
 */
import { ReadApiError } from './errors';
import { FORWARDING_KEY_FIELD } from './forwarding';

/** The longest anyone may keep an operation: Azure deletes input and results within 24 hours. */
export const MAX_RETENTION_MS = 24 * 60 * 60 * 1000;

/** The shortest window a user may choose: long enough for a client to poll for its result. */
export const MIN_RETENTION_MS = 60 * 1000;

/** How often an open page asks the service worker to sweep expired operations. */
export const PAGE_SWEEP_INTERVAL_MS = 60 * 1000;

/** The tag of the periodic background sync that sweeps while the installed app is closed. */
export const PERIODIC_SWEEP_TAG = 'localread-sweep';

/** How the input and result of each operation are sealed before they are written. */
export const SEALING = {
  algorithm: 'AES-GCM',
  keyBits: 256,
  /** A fresh random IV of this many bytes for every write, stored beside its ciphertext. */
  ivBytes: 12,
  /** The additional authenticated data: binds a ciphertext to its record and field. */
  additionalDataTemplate: 'localread:{id}:{field}',
} as const;

/** The additional authenticated data of one field of one record (see SEALING). */
export function additionalDataOf(id: string, field: string): string {
  return SEALING.additionalDataTemplate.replace('{id}', id).replace('{field}', field);
}

/**
 * The additional data of the user's key for a forwarded Azure host (sealed like a payload, with
 * the host as its id), as the privacy page states it.
 */
export const FORWARDING_KEY_ADDITIONAL_DATA = additionalDataOf('{host}', FORWARDING_KEY_FIELD);

/** A retention window a user may choose: an integer number of ms in MIN..MAX; throws BadArgument. */
export function validRetentionMs(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_RETENTION_MS || value > MAX_RETENTION_MS) {
    throw new ReadApiError(
      'BadArgument',
      `retentionMs must be an integer from ${MIN_RETENTION_MS} (1 minute) to ${MAX_RETENTION_MS} (24 hours).`,
    );
  }
  return value;
}

/** Any stored window, however it got there, brought back into MIN..MAX (never longer than 24 h). */
export function clampRetentionMs(value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return MAX_RETENTION_MS;
  return Math.min(MAX_RETENTION_MS, Math.max(MIN_RETENTION_MS, value));
}
