/**
 * User settings kept in the job store, read by every realm: how long anything is kept, and
 * whether requests addressed to Azure's hosts are answered on the device.
 */
import type { IDBPDatabase } from 'idb';
import { clampRetentionMs } from '../read-api/privacy';
import type { JobDb, MetaRecord, SettingsRecord } from './db';
import { RETENTION_MS } from './retention';

export type Settings = Omit<SettingsRecord, 'name'>;

export const DEFAULT_SETTINGS: Settings = {
  retentionMs: RETENTION_MS,
  answerAzureHosts: true,
};

/**
 * The settings in a `meta` record (or the defaults), with the retention window brought back into
 * 1 min..24 h whatever was stored: nothing is ever kept longer than RETENTION_MS.
 */
export function settingsFrom(record: MetaRecord | undefined): Settings {
  const stored = record?.name === 'settings' ? record : undefined;
  const { name: _name, ...settings } = { name: 'settings', ...DEFAULT_SETTINGS, ...stored };
  return { ...settings, retentionMs: clampRetentionMs(settings.retentionMs) };
}

export async function loadSettings(db: IDBPDatabase<JobDb>): Promise<Settings> {
  return settingsFrom(await db.get('meta', 'settings'));
}

/** Merges `patch` into the stored settings in one transaction; returns the result. */
export async function saveSettings(db: IDBPDatabase<JobDb>, patch: Partial<Settings>): Promise<Settings> {
  const tx = db.transaction('meta', 'readwrite');
  const next = settingsFrom({ name: 'settings', ...settingsFrom(await tx.store.get('settings')), ...patch });
  await tx.store.put({ name: 'settings', ...next });
  await tx.done;
  return next;
}
