/**
 * User settings kept in the job store, read by every realm: how long anything is kept, and
 * whether requests addressed to Azure's hosts are answered on the device.
 */
import type { IDBPDatabase } from 'idb';
import type { JobDb, SettingsRecord } from './db';
import { RETENTION_MS } from './retention';

export type Settings = Omit<SettingsRecord, 'name'>;

export const DEFAULT_SETTINGS: Settings = {
  retentionMs: RETENTION_MS,
  answerAzureHosts: true,
};

export async function loadSettings(db: IDBPDatabase<JobDb>): Promise<Settings> {
  const record = await db.get('meta', 'settings');
  if (record?.name !== 'settings') return { ...DEFAULT_SETTINGS };
  const { name: _name, ...settings } = record;
  return { ...DEFAULT_SETTINGS, ...settings };
}

/** Merges `patch` into the stored settings in one transaction; returns the result. */
export async function saveSettings(db: IDBPDatabase<JobDb>, patch: Partial<Settings>): Promise<Settings> {
  const tx = db.transaction('meta', 'readwrite');
  const record = await tx.store.get('settings');
  const current = record?.name === 'settings' ? record : { name: 'settings' as const, ...DEFAULT_SETTINGS };
  const next: SettingsRecord = { ...current, ...patch, name: 'settings' };
  await tx.store.put(next);
  await tx.done;
  const { name: _name, ...settings } = next;
  return settings;
}
