/**
 * Steps of the contract, keys and SDK tests: any call of the API from the page (fetch, as any
 * script would), its body checked against Azure's spec; a same-origin document URL; the SDK.
 */
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import type { ReadOperationResult } from '../../../src/read-api/types';
import { assertContract, fixtureBytes, type ApiAnswer } from './app';

export interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  /** A text body, or a file's bytes. */
  text?: string;
  bytes?: number[];
}

/** Calls `url` from the page; a Read answer's body is checked against the spec. */
export async function callApi(page: Page, url: string, options: CallOptions = {}): Promise<ApiAnswer> {
  const answer = await page.evaluate(
    async ({ url, method, headers, text, bytes }) => {
      const body = text ?? (bytes ? new Blob([new Uint8Array(bytes)]) : undefined);
      const response = await fetch(url, { method, headers, body });
      const raw = await response.text();
      let parsed: unknown = raw || null;
      try {
        parsed = raw ? (JSON.parse(raw) as unknown) : null;
      } catch {
        // Not JSON: kept as text, and the contract check below fails on it where JSON was due.
      }
      return { status: response.status, headers: Object.fromEntries(response.headers.entries()), body: parsed };
    },
    { url, method: options.method ?? 'GET', headers: options.headers ?? {}, text: options.text, bytes: options.bytes },
  );
  if (new URL(url, 'http://x').pathname.startsWith('/vision/')) assertContract(answer);
  return answer;
}

/** Polls an operation from the page until it ends; every answer is checked against the spec. */
export async function waitForOperation(page: Page, location: string, key: string): Promise<ReadOperationResult> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const answer = await callApi(page, location, { headers: { 'Ocp-Apim-Subscription-Key': key } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const body = answer.body as ReadOperationResult;
    if (body.status === 'succeeded' || body.status === 'failed') return body;
    if (Date.now() > deadline) throw new Error(`operation still ${body.status} after 90 s`);
    await page.waitForTimeout(250);
  }
}

/**
 * Makes a fixture a document of the app's own origin: it is put in the origin's Cache Storage at
 * `path`, where the service worker looks first for a same-origin `{"url"}` (so it works offline).
 * Returns the absolute URL. (The build holds no test files, and routing the context's requests
 * in Playwright would take the service worker out of the path.)
 */
export async function cacheFixture(page: Page, path: string, name: string, contentType: string): Promise<string> {
  return page.evaluate(
    async ({ path, bytes, contentType }) => {
      const cache = await caches.open('e2e-fixtures');
      const url = new URL(path, location.origin).href;
      await cache.put(url, new Response(new Uint8Array(bytes), { headers: { 'Content-Type': contentType } }));
      return url;
    },
    { path, bytes: fixtureBytes(name), contentType },
  );
}

/** The npm packages' own browser bundles: ms-rest-js defines `msRest`, the client `Azure.CognitiveservicesComputervision`. */
export const SDK_BUNDLES = [
  fileURLToPath(new URL('../../../node_modules/@azure/ms-rest-js/dist/msRest.browser.js', import.meta.url)),
  fileURLToPath(
    new URL('../../../node_modules/@azure/cognitiveservices-computervision/dist/cognitiveservices-computervision.js', import.meta.url),
  ),
];

/** Adds Microsoft's SDK to the page, unchanged (test-only: the app never ships it). */
export async function loadAzureSdk(page: Page): Promise<void> {
  for (const path of SDK_BUNDLES) await page.addScriptTag({ path });
  expect(await page.evaluate(() => typeof (globalThis as { Azure?: { CognitiveservicesComputervision?: unknown } }).Azure?.CognitiveservicesComputervision)).toBe('object');
}
