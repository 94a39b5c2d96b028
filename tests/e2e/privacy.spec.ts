import { expect, test, type Page } from '@playwright/test';
import type { ReadOperationResult } from '../../src/read-api/types';
import { chooseFixture, fixtureBytes, getOperation, openApp, readDocument, resultText, scanEntry, submit, waitForOperation } from './support/app';
import {
  api,
  bytesOf,
  changeRawRecord,
  expectNoTrace,
  idOf,
  isBytes,
  openWithStoredKey,
  rawCaches,
  rawDatabases,
  tracesOf,
  type RawRecord,
  type Serialised,
} from './support/privacy';

/** The documents of a whole session; `query` keeps the slow ones short. */
const DOCUMENTS = [
  { name: 'real-testocr.png', query: '' },
  { name: 'syn-3page.tif', query: '?pages=1' },
  { name: 'syn-born-digital-3page.pdf', query: '' },
  { name: 'syn-scanned-page.pdf', query: '' },
] as const;

/** 32-byte windows spread over a document: any of them stored in plaintext would be found. */
function windowsOf(bytes: Buffer): Buffer[] {
  const windows: Buffer[] = [];
  for (let at = 64; at + 32 <= bytes.length; at += Math.max(32, Math.floor(bytes.length / 12))) windows.push(bytes.subarray(at, at + 32));
  return windows;
}

/** String values (not property names) and binary data of the raw records, as latin1 text. */
function storedText(records: RawRecord[]): { strings: string; bytes: string } {
  const strings: string[] = [];
  const bytes: string[] = [];
  const walk = (value: Serialised): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      if (isBytes(value)) bytes.push(value.$bytes);
      else Object.values(value).forEach(walk);
    }
  };
  for (const record of records) {
    walk(record.key);
    walk(record.value);
  }
  return { strings: strings.join('\n'), bytes: bytes.join('\n') };
}

/** Recognised words of 5+ letters: specific enough not to be schema values. */
function recognisedWords(results: ReadOperationResult[]): string[] {
  return [...new Set(results.flatMap((result) => resultText(result).match(/\p{L}{5,}/gu) ?? []))];
}

function expectNoPlaintext(stored: string, documents: Buffer[], words: string[], where: string): void {
  for (const document of documents) {
    for (const window of windowsOf(document)) expect(stored.includes(window.toString('latin1')), `${where}: document bytes`).toBe(false);
  }
  for (const word of words) {
    expect(new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'u').test(stored), `${where}: "${word}"`).toBe(false);
  }
}

async function privacyPage(page: Page): Promise<void> {
  await page.goto('/#/privacy');
  await expect(page.getByRole('heading', { name: 'Stored right now' })).toBeVisible();
}

test.describe('Privacy', () => {
  test.beforeEach(async ({ page }) => openApp(page));

  test('after a whole session, IndexedDB and Cache Storage hold no plaintext of any document or result', async ({ page }) => {
    test.setTimeout(300_000);
    const documents = DOCUMENTS.map(({ name }) => Buffer.from(fixtureBytes(name)));

    // While a job waits or runs, its input is stored, sealed.
    const waiting = await submit(page, fixtureBytes('syn-3page.tif'), { query: '?pages=2' });
    const duringJob = await rawDatabases(page);
    expect(duringJob.some((record) => record.store === 'payloads' && JSON.stringify(record.key).includes('"input"'))).toBe(true);
    const during = storedText(duringJob);
    expectNoPlaintext(`${during.strings}\n${during.bytes}`, documents, [], 'IndexedDB while a job waits');

    const results: ReadOperationResult[] = [];
    for (const { name, query } of DOCUMENTS) results.push(await readDocument(page, fixtureBytes(name), query));
    expect(results.map((result) => result.status)).toEqual(DOCUMENTS.map(() => 'succeeded'));
    expect((await waitForOperation(page, waiting.headers['operation-location']!, { timeoutMs: 120_000 })).status).toBe('succeeded');
    await chooseFixture(page, 'real-testocr.png');
    await expect(scanEntry(page, 'real-testocr.png').locator('.status')).toHaveText('Done');
    const words = recognisedWords(results);
    expect(words.length).toBeGreaterThan(30);

    // Only the job store exists: tesseract.js keeps no copy (of the model or anything else).
    const records = await rawDatabases(page);
    expect(new Set(records.map((record) => record.database))).toEqual(new Set(['localread']));
    // Every input is gone (the jobs ended); each result is there, sealed.
    const payloads = records.filter((record) => record.store === 'payloads');
    expect(payloads.length).toBe(DOCUMENTS.length + 2);
    expect(payloads.every((record) => JSON.stringify(record.key).endsWith(',"result"]'))).toBe(true);
    const stored = storedText(records);
    expectNoPlaintext(stored.bytes, documents, words, 'IndexedDB binary data');
    expectNoPlaintext(stored.strings, documents, words, 'IndexedDB strings');

    const cached = await rawCaches(page);
    expect(cached.length).toBeGreaterThan(0);
    const lines = results.flatMap((result) => resultText(result).split('\n')).filter((line) => line.length >= 24);
    for (const entry of cached) {
      for (const document of documents) expect(entry.body.includes(windowsOf(document)[1]!.toString('latin1')), entry.url).toBe(false);
      for (const line of lines) expect(entry.body.includes(Buffer.from(line, 'utf8').toString('latin1')), `"${line}" in ${entry.url}`).toBe(false);
    }
  });

  test('a tampered or moved record reads as a clean failure or 404, never a 500', async ({ page }) => {
    const png = fixtureBytes('real-testocr.png');
    const locations: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const accepted = await submit(page, png);
      locations.push(accepted.headers['operation-location']!);
    }
    for (const location of locations) expect((await waitForOperation(page, location)).status).toBe('succeeded');
    const [flipped, moved, broken] = locations.map(idOf) as [string, string, string];

    await changeRawRecord(page, 'payloads', [flipped, 'result'], { flipCiphertextByte: 20 });
    const flippedAnswer = await getOperation(page, locations[0]!);
    expect(flippedAnswer.status).toBe(200);
    expect(flippedAnswer.body).toMatchObject({ status: 'failed', error: { code: 'FailedToProcess' } });
    expect(flippedAnswer.body).not.toHaveProperty('analyzeResult');

    // The sealed result of one operation, written under another's id, does not open there.
    await changeRawRecord(page, 'payloads', [broken, 'result'], { set: { id: moved } });
    expect((await getOperation(page, locations[1]!)).body).toMatchObject({ status: 'failed', error: { code: 'FailedToProcess' } });

    // A record whose fields make no sense is gone: 404, and deleted.
    await changeRawRecord(page, 'operations', broken, { set: { createdAt: 'yesterday', status: 'exploded' } });
    const brokenAnswer = await getOperation(page, locations[2]!);
    expect(brokenAnswer.status).toBe(404);
    expect(brokenAnswer.body).toMatchObject({ error: { code: 'NotFound' } });
    await expectNoTrace(page, broken);
  });

  test('the privacy page states the promises from the code\'s constants and shows what is stored now', async ({ page }) => {
    await readDocument(page, fixtureBytes('real-testocr.png'));
    await privacyPage(page);
    await expect(page.getByTestId('retention-window')).toHaveText('24 hours');
    await expect(page.getByTestId('sealing')).toContainText('AES-GCM with a 256-bit key');
    await expect(page.getByTestId('sealing')).toContainText('12-byte IV');
    await expect(page.getByTestId('sealing')).toContainText('localread:{id}:{field}');
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toContain("connect-src 'self'");
    await expect(page.getByTestId('csp')).toHaveText(meta!);

    const storage = (await api(page, 'GET', '/localread/v1/storage')).body as { count: number; bytes: number; oldestExpirationDateTime: string };
    expect(storage.count).toBe(1);
    expect(storage.bytes).toBeGreaterThan(100);
    expect(Date.parse(storage.oldestExpirationDateTime) - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    await expect(page.getByTestId('stored-count')).toHaveText('1');
    await expect(page.getByTestId('stored-bytes')).toHaveText(/^\d+(\.\d)? (B|KB)$/);
    await expect(page.getByTestId('oldest-expiry')).not.toHaveText('nothing to delete');
    await expect(page.getByRole('table', { name: 'Stored operations' }).getByRole('row')).toHaveCount(2);
  });

  test('deletes one operation now from the privacy page: it answers 404 and leaves no trace', async ({ page }) => {
    const accepted = await submit(page, fixtureBytes('real-testocr.png'));
    const location = accepted.headers['operation-location']!;
    const kept = await submit(page, fixtureBytes('real-testocr.png'));
    const id = idOf(location);
    await privacyPage(page);
    await page.getByRole('button', { name: `Delete operation ${id}` }).click();
    await expect(page.getByTestId('privacy-notice')).toHaveText(`Operation ${id} was deleted.`);
    await expect(page.locator(`[data-operation-id="${id}"]`)).toHaveCount(0);
    await expect(page.getByTestId('stored-count')).toHaveText('1');
    expect((await getOperation(page, location)).status).toBe(404);
    await expectNoTrace(page, id);
    expect((await getOperation(page, kept.headers['operation-location']!)).status).toBe(200);
    // Deleted again through the API: already gone.
    expect((await api(page, 'DELETE', `/localread/v1/operations/${id}`)).status).toBe(404);
  });

  test('deletes everything and the key from the privacy page: nothing stored can be read again', async ({ page }) => {
    const result = await readDocument(page, fixtureBytes('real-testocr.png'));
    expect(result.status).toBe('succeeded');
    await submit(page, fixtureBytes('real-testocr.png'));
    // What an attacker might have copied off the disk before the deletion: a sealed result.
    const payload = (await rawDatabases(page)).find((record) => record.store === 'payloads' && (record.value as { field: string }).field === 'result');
    const { id, sealed } = payload!.value as { id: string; sealed: { iv: Serialised; ciphertext: Serialised } };
    const copied = { id, field: 'result', iv: [...bytesOf(sealed.iv)], ciphertext: [...bytesOf(sealed.ciphertext)] };

    await privacyPage(page);
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect(page.getByTestId('privacy-notice')).toHaveText('Deleted 2 operations and replaced the encryption key.');
    await expect(page.getByTestId('stored-count')).toHaveText('0');
    await expect(page.getByTestId('no-operations')).toBeVisible();

    const records = await rawDatabases(page);
    expect(records.filter((record) => record.store !== 'meta')).toEqual([]);
    expect(await tracesOf(page, copied.id)).toEqual([]);
    // The copied ciphertext does not open under the key now in the store: the old key is gone.
    const opened = await openWithStoredKey(page, copied);
    expect(opened).toBe('OperationError');

    // The app goes on under the new key.
    expect((await readDocument(page, fixtureBytes('real-testocr.png'))).status).toBe('succeeded');
  });

  test('an operation is readable only with a currently valid key', async ({ page }) => {
    const accepted = await submit(page, fixtureBytes('real-testocr.png'));
    const location = accepted.headers['operation-location']!;
    const before = (await api(page, 'GET', '/localread/v1/keys')).body as { key1: string; key2: string };
    const regenerated = await api(page, 'POST', '/localread/v1/keys/key1/regenerate', { key: before.key2 });
    expect(regenerated.status).toBe(200);
    const after = regenerated.body as { key1: string };
    expect(after.key1).not.toBe(before.key1);
    expect((await getOperation(page, location, before.key1)).status).toBe(401);
    for (const path of ['/localread/v1/storage', '/localread/v1/operations']) {
      expect((await api(page, 'GET', path, { key: before.key1 })).status).toBe(401);
    }
    expect((await api(page, 'DELETE', `/localread/v1/operations/${idOf(location)}`, { key: before.key1 })).status).toBe(401);
    expect((await getOperation(page, location, after.key1)).status).toBe(200);
    expect((await getOperation(page, location, before.key2)).status).toBe(200);
  });
});
