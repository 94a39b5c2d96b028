/**
 * Shared steps of the e2e tests: open the app until its API is up, and call the API from the page
 * with fetch(), as any script on the page would.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import type { ReadOperationResult } from '../../../src/read-api/types';
import type { LocalReadOperationResult } from '../../../src/read-api/extensions';
import { assertErrorBody, assertReadOperationResult } from '../../support/ocr-schema';

export const FIXTURES = new URL('../../fixtures/', import.meta.url);

export function fixtureBytes(name: string): number[] {
  return [...readFileSync(new URL(name, FIXTURES))];
}

export function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

/** Opens the app and waits until the service worker controls it and the engine runs. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByText('Choose images')).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** The key any same-origin script gets from the extension endpoint. */
export async function apiKey(page: Page): Promise<string> {
  return ((await callApi(page, '/localread/v1/keys')).body as { key1: string }).key1;
}

/**
 * Checks a Read answer's body against the schemas of Azure's spec (Ocr.json): a result for a
 * 200, an error body for any 4xx/5xx, nothing for the 202. Every helper below calls it.
 */
export function assertContract(answer: ApiAnswer): void {
  if (answer.status === 202) expect(answer.body, 'a 202 has an empty body').toBeNull();
  else if (answer.status === 200) assertReadOperationResult(answer.body);
  else if (answer.status >= 400) assertErrorBody(answer.body);
}

/** What a call from the page sends. */
export interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  /** A text body, or a file's bytes. */
  text?: string;
  bytes?: number[];
}

/**
 * Calls `url` from the page with fetch(), as any script would: the one page-side call of the e2e
 * tests. A body that is not JSON is kept as text; a Read answer's body is checked against the spec.
 */
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

/** The key header for `key`: the page's own key when undefined, none when null. */
export async function keyHeaders(page: Page, key: string | null | undefined): Promise<Record<string, string>> {
  const used = key === undefined ? await apiKey(page) : key;
  return used === null ? {} : { 'Ocp-Apim-Subscription-Key': used };
}

/** POSTs a document from the page; returns the raw answer, its body checked against the spec. */
export async function submit(
  page: Page,
  bytes: number[],
  options: { key?: string | null; query?: string; contentType?: string } = {},
): Promise<ApiAnswer> {
  const headers = { ...(await keyHeaders(page, options.key)), 'Content-Type': options.contentType ?? 'application/octet-stream' };
  return callApi(page, `/vision/v3.2/read/analyze${options.query ?? ''}`, { method: 'POST', headers, bytes });
}

/** GETs an operation (by its Operation-Location) from the page, its body checked against the spec. */
export async function getOperation(page: Page, location: string, key?: string | null): Promise<ApiAnswer> {
  return callApi(page, location, { headers: await keyHeaders(page, key) });
}

/** Polls an operation until it ends (every answer checked against the spec); returns the final body. */
export async function waitForOperation(
  page: Page,
  location: string,
  options: { key?: string; timeoutMs?: number } = {},
): Promise<LocalReadOperationResult> {
  const { key = await apiKey(page), timeoutMs = 90_000 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await getOperation(page, location, key);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const body = answer.body as LocalReadOperationResult;
    if (body.status === 'succeeded' || body.status === 'failed') return body;
    if (Date.now() > deadline) throw new Error(`operation still ${body.status} after ${timeoutMs / 1000} s`);
    await page.waitForTimeout(250);
  }
}

/** Submits a document and polls until the operation ends; returns the final body. */
export async function readDocument(page: Page, bytes: number[], query = ''): Promise<LocalReadOperationResult> {
  const accepted = await submit(page, bytes, { query });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
  return waitForOperation(page, accepted.headers['operation-location']!);
}

/**
 * The app's URL as served by playwright.config.ts's web server, for contexts where `baseURL` is
 * not applied (persistent contexts).
 */
export const APP_URL = `http://localhost:${process.env.E2E_PORT ?? 4173}`;

/** The folder the served build came from (playwright.config.ts serves the same one). */
export const DIST_DIR = process.env.E2E_DIST ?? 'dist';

/**
 * Waits, on a page already loaded (after a reload, or a goto to a full URL), until the app says
 * it is ready and the service worker controls the page: the same checks as openApp.
 */
export async function expectReady(page: Page): Promise<void> {
  await expect(page.getByText('Choose images')).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** The recognised text of every page, one line of the result per line. */
export function resultText(result: ReadOperationResult): string {
  return (result.analyzeResult?.readResults ?? [])
    .map((page) => page.lines.map((line) => line.text).join('\n'))
    .join('\n\n');
}

/** Chooses a fixture in the app's file input, as a user does through the file picker. */
export async function chooseFixture(page: Page, name: string): Promise<void> {
  await page.locator('input[type="file"][multiple]').setInputFiles(fileURLToPath(new URL(name, FIXTURES)));
}

/** The scan's entry in the list of scans (a button with its name and status). */
export function scanEntry(page: Page, name: string) {
  return page.getByRole('list', { name: 'Scans' }).getByRole('button').filter({ hasText: name });
}
