import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { DEFAULT_SETTINGS, settingsFrom } from '../../../src/jobs/settings';
import { RETENTION_MS } from '../../../src/jobs/retention';
import { MIN_RETENTION_MS } from '../../../src/read-api/privacy';
import { closeTestStores, openTestStore } from '../helpers/job-store';

afterEach(closeTestStores);

describe('settings', () => {
  it('default to a 24-hour window, Azure hosts answered here and the second engine on', async () => {
    const { store } = await openTestStore();
    expect(await store.settings()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toEqual({ retentionMs: RETENTION_MS, answerAzureHosts: true, secondEngine: true });
  });

  it('merge a patch and keep the other settings', async () => {
    const { store } = await openTestStore();
    await store.updateSettings({ answerAzureHosts: false });
    await store.updateSettings({ secondEngine: false });
    const expected = { answerAzureHosts: false, retentionMs: 3_600_000, secondEngine: false };
    expect(await store.updateSettings({ retentionMs: 3_600_000 })).toEqual(expected);
    expect(await store.settings()).toEqual(expected);
  });

  it('read a record written before a setting existed with that setting\'s default', async () => {
    const { store, dbName } = await openTestStore();
    // Untyped, as an older version of the app wrote it: no secondEngine.
    const older = await openDB(dbName);
    await older.put('meta', { name: 'settings', retentionMs: 3_600_000, answerAzureHosts: false });
    older.close();
    expect(await store.settings()).toEqual({ retentionMs: 3_600_000, answerAzureHosts: false, secondEngine: true });
  });

  it('never read or store a window longer than 24 hours or shorter than the minimum', async () => {
    expect(settingsFrom({ name: 'settings', retentionMs: 10 * RETENTION_MS, answerAzureHosts: true, secondEngine: true }).retentionMs).toBe(RETENTION_MS);
    const { store, db } = await openTestStore();
    expect((await store.updateSettings({ retentionMs: 0 })).retentionMs).toBe(MIN_RETENTION_MS);
    expect(await db.get('meta', 'settings')).toMatchObject({ retentionMs: MIN_RETENTION_MS });
  });

  it('are answered with the store\'s retention cap applied, the same window the store enforces', async () => {
    const { store } = await openTestStore(undefined, { retentionMs: 10_000 });
    expect((await store.settings()).retentionMs).toBe(10_000);
  });
});
