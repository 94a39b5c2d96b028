import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { DIST_DIR, fixtureBytes, openApp, readDocument, resultText } from './support/app';
import { bytesOf, exportStoredKey, isBytes, rawDatabases, type Serialised } from './support/privacy';

/** Every string value and every byte array in a serialised value (property names are the schema's). */
function collect(value: Serialised, strings: string[], bytes: Buffer[]): void {
  if (typeof value === 'string') strings.push(value);
  else if (Array.isArray(value)) value.forEach((item) => collect(item, strings, bytes));
  else if (value !== null && typeof value === 'object') {
    if (isBytes(value)) bytes.push(bytesOf(value));
    else Object.values(value).forEach((item) => collect(item, strings, bytes));
  }
}

/**
 * 32-byte windows of the PNG's compressed image data (IDAT chunks), one every 256 bytes and the
 * last: compressed data is distinctive, and any stored run of 288 bytes of it contains a window.
 */
function idatWindows(png: Buffer): Buffer[] {
  const windows: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') {
      const data = png.subarray(at + 8, at + 8 + length);
      for (let offset = 0; offset + 32 <= data.length; offset += 256) windows.push(data.subarray(offset, offset + 32));
      windows.push(data.subarray(data.length - 32));
    }
    at += 12 + length;
  }
  return windows;
}

function distFiles(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(`/${relative(dir, path).split(sep).join('/')}`, readFileSync(path));
  }
  return files;
}

test('documents and results are stored encrypted, inputs deleted, the key unextractable', async ({ page }) => {
  await openApp(page);
  const png = Buffer.from(fixtureBytes('real-testocr.png'));
  const result = await readDocument(page, [...png]);
  expect(result.status).toBe('succeeded');
  const text = resultText(result);
  const words = [...new Set(text.match(/\p{L}{4,}/gu) ?? [])];
  expect(words.length, 'recognised words of 4+ letters').toBeGreaterThanOrEqual(10);
  expect(words).toEqual(expect.arrayContaining(['quick', 'brown', 'jumped', 'lazy']));

  const records = await rawDatabases(page);
  const strings: string[] = [];
  const binaries: Buffer[] = [];
  for (const record of records) {
    collect(record.key, strings, binaries);
    collect(record.value, strings, binaries);
  }
  // Property names are left out of the search: they are the schema's, not the document's (a job
  // record has a `format` field, and "format" is also a word of the fixture).
  const stored = Buffer.concat(binaries);
  const asText = strings.join('\n');
  // The document could also hide in a string (a "binary string" or UTF-8 text).
  const storedWithStrings = Buffer.concat([stored, Buffer.from(asText, 'latin1'), Buffer.from(asText, 'utf8')]);

  // The job is there, with a sealed result: what is searched is what the app stored.
  const jobs = records.filter((record) => record.database === 'localread' && record.store === 'operations');
  expect(jobs).toHaveLength(1);
  const id = (jobs[0]!.value as { id: string }).id;
  expect(jobs[0]!.value).toMatchObject({ status: 'succeeded' });
  expect(binaries.reduce((total, bytes) => total + bytes.length, 0)).toBeGreaterThan(1000);

  // (a) The document's bytes are not stored, whole or in part.
  expect(storedWithStrings.includes(png), 'the whole PNG').toBe(false);
  const windows = idatWindows(png);
  expect(windows.length).toBeGreaterThanOrEqual(80);
  for (const window of windows) expect(storedWithStrings.includes(window), `IDAT window ${window.toString('hex')}`).toBe(false);
  expect(asText.includes(png.toString('base64').slice(0, 64)), 'the PNG as base64').toBe(false);

  // (b) No recognised word is stored in plaintext: as UTF-8 bytes in binary data, or as a whole
  // word in a string (a substring would match schema values: "test" is in "latest").
  for (const word of words) {
    expect(stored.includes(Buffer.from(word, 'utf8')), `"${word}" as UTF-8 bytes`).toBe(false);
    expect(new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'iu').test(asText), `"${word}" in a stored string`).toBe(false);
  }

  // (c) The input is deleted once the job has succeeded; only the sealed result remains.
  const payloads = records.filter((record) => record.database === 'localread' && record.store === 'payloads');
  expect(payloads.map((record) => record.key)).toEqual([[id, 'result']]);
  expect(jobs[0]!.value).toMatchObject({ hasInput: false, hasResult: true });

  // (d) The encryption key is a CryptoKey that cannot be exported.
  const meta = records.filter((record) => record.database === 'localread' && record.store === 'meta');
  const keyRecord = meta.find((record) => record.key === 'encryptionKey');
  expect(keyRecord?.value).toMatchObject({
    key: { $cryptoKey: { type: 'secret', extractable: false, algorithm: 'AES-GCM' } },
  });
  const exported = await exportStoredKey(page);
  expect(exported).toBe('InvalidAccessError');

  // Cache Storage holds only the precached app files, byte for byte, and no result. Bodies are
  // hashed and searched in the page: the runtime is megabytes, too big to ship out as arrays.
  const lines = text.split('\n').filter((line) => line.length >= 20);
  expect(lines.length).toBeGreaterThanOrEqual(5);
  const cached = await page.evaluate(async (lines) => {
    const entries: Array<{ url: string; sha256: string; linesFound: string[] }> = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const body = await (await cache.match(request))!.arrayBuffer();
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
        const decoded = new TextDecoder().decode(body);
        entries.push({
          url: request.url,
          sha256: Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join(''),
          // App files are full of English words, so whole result lines are looked for.
          linesFound: lines.filter((line) => decoded.includes(line)),
        });
      }
    }
    return entries;
  }, lines);
  expect(cached.length).toBeGreaterThan(0);
  const origin = new URL(page.url()).origin;
  const dist = distFiles(DIST_DIR);
  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  for (const entry of cached) {
    const url = new URL(entry.url);
    expect(url.origin, entry.url).toBe(origin);
    const file = dist.get(url.pathname);
    expect(file, `${entry.url} is a file of the build`).toBeDefined();
    // `vite preview` serves `*.gz` files with Content-Encoding: gzip, so the browser stores them
    // decompressed.
    const accepted = [sha256(file!), ...(url.pathname.endsWith('.gz') ? [sha256(gunzipSync(file!))] : [])];
    expect(accepted, `${entry.url} is the build's file, unchanged`).toContain(entry.sha256);
    expect(entry.linesFound, `result lines in ${entry.url}`).toEqual([]);
  }
});
