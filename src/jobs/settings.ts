/**
 * User settings kept in the job store, read by every realm: how long anything is kept, whether
 * requests addressed to Azure's hosts are answered on the device, and whether hard pages get a
 * second OCR engine. Read and changed only through `JobStore` (`settings`, `updateSettings`),
 * which also applies its retention cap.
 */
import type { IDBPDatabase } from 'idb';
import type { SettingsInfo } from '../read-api/extensions';
import { clampRetentionMs } from '../read-api/privacy';
import type { JobDb, MetaRecord } from './db';
import { RETENTION_MS } from './retention';

export const DEFAULT_SETTINGS: SettingsInfo = {
  retentionMs: RETENTION_MS,
  answerAzureHosts: true,
  secondEngine: true,
};

/** `value` when it is a boolean, else `fallback` (a record written before the setting existed). */
function booleanOr(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/**
 * The settings in a `meta` record (or the defaults), known fields only, with the retention window
 * brought back into 1 min..24 h whatever was stored: nothing is ever kept longer than RETENTION_MS.
 */
export function settingsFrom(record: MetaRecord | undefined): SettingsInfo {
  const stored = record?.name === 'settings' ? record : undefined;
  return {
    retentionMs: clampRetentionMs(stored?.retentionMs ?? DEFAULT_SETTINGS.retentionMs),
    answerAzureHosts: booleanOr(stored?.answerAzureHosts, DEFAULT_SETTINGS.answerAzureHosts),
    secondEngine: booleanOr(stored?.secondEngine, DEFAULT_SETTINGS.secondEngine),
  };
}

/** Merges `patch` into the stored settings in one transaction. */
export async function saveSettings(db: IDBPDatabase<JobDb>, patch: Partial<SettingsInfo>): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  const next = settingsFrom({ name: 'settings', ...settingsFrom(await tx.store.get('settings')), ...patch });
  await tx.store.put({ name: 'settings', ...next });
  await tx.done;
}
