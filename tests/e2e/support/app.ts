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
  return page.evaluate(async () => {
    const response = await fetch('/localread/v1/keys');
    return ((await response.json()) as { key1: string }).key1;
  });
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

/** POSTs a document from the page; returns the raw answer, its body checked against the spec. */
export async function submit(
  page: Page,
  bytes: number[],
  options: { key?: string | null; query?: string; contentType?: string } = {},
): Promise<ApiAnswer> {
  const key = options.key === undefined ? await apiKey(page) : options.key;
  const answer = await page.evaluate(
    async ({ bytes, key, query, contentType }) => {
      const headers: Record<string, string> = { 'Content-Type': contentType };
      if (key !== null) headers['Ocp-Apim-Subscription-Key'] = key;
      const response = await fetch(`/vision/v3.2/read/analyze${query}`, {
        method: 'POST',
        headers,
        body: new Blob([new Uint8Array(bytes)]),
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: Object.fromEntries(response.headers.entries()),
        body: text ? (JSON.parse(text) as unknown) : null,
      };
    },
    { bytes, key, query: options.query ?? '', contentType: options.contentType ?? 'application/octet-stream' },
  );
  assertContract(answer);
  return answer;
}

/** GETs an operation (by its Operation-Location) from the page, its body checked against the spec. */
export async function getOperation(page: Page, location: string, key?: string | null): Promise<ApiAnswer> {
  const usedKey = key === undefined ? await apiKey(page) : key;
  const answer = await page.evaluate(
    async ({ location, key }) => {
      const headers: Record<string, string> = key === null ? {} : { 'Ocp-Apim-Subscription-Key': key };
      const response = await fetch(location, { headers });
      return {
        status: response.status,
        headers: Object.fromEntries(response.headers.entries()),
        body: (await response.json()) as unknown,
      };
    },
    { location, key: usedKey },
  );
  assertContract(answer);
  return answer;
}

/** Submits a document and polls until the operation ends; returns the final body. */
export async function readDocument(page: Page, bytes: number[], query = ''): Promise<LocalReadOperationResult> {
  const accepted = await submit(page, bytes, { query });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
  const location = accepted.headers['operation-location']!;
  const deadline = Date.now() + 90_000;
  for (;;) {
    const answer = await getOperation(page, location);
    expect(answer.status).toBe(200);
    const body = answer.body as LocalReadOperationResult;
    if (body.status === 'succeeded' || body.status === 'failed') return body;
    if (Date.now() > deadline) throw new Error(`operation still ${body.status} after 90 s`);
    await page.waitForTimeout(250);
  }
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
