import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, settingsFrom } from '../../../src/jobs/settings';
import { RETENTION_MS } from '../../../src/jobs/retention';
import { MIN_RETENTION_MS } from '../../../src/read-api/privacy';
import { closeTestStores, openTestStore } from '../helpers/job-store';

afterEach(closeTestStores);

describe('settings', () => {
  it('default to a 24-hour window', async () => {
    const { store } = await openTestStore();
    expect(await loadSettings(store.db)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.retentionMs).toBe(RETENTION_MS);
  });

  it('merge a patch and keep the other settings', async () => {
    const { store } = await openTestStore();
    await saveSettings(store.db, { answerAzureHosts: false });
    expect(await saveSettings(store.db, { retentionMs: 3_600_000 })).toEqual({ answerAzureHosts: false, retentionMs: 3_600_000 });
    expect(await loadSettings(store.db)).toEqual({ answerAzureHosts: false, retentionMs: 3_600_000 });
  });

  it('never read or store a window longer than 24 hours or shorter than the minimum', async () => {
    expect(settingsFrom({ name: 'settings', retentionMs: 10 * RETENTION_MS, answerAzureHosts: true }).retentionMs).toBe(RETENTION_MS);
    const { store } = await openTestStore();
    expect((await saveSettings(store.db, { retentionMs: 0 })).retentionMs).toBe(MIN_RETENTION_MS);
    expect(await store.db.get('meta', 'settings')).toMatchObject({ retentionMs: MIN_RETENTION_MS });
  });
});
