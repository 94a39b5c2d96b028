/**
 * Shared steps of the e2e tests: open the app until its API is up, and call the API from the page
 * with fetch(), as any script on the page would.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import type { ReadOperationResult } from '../../../src/read-api/types';

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

/** POSTs a document from the page; returns the raw answer. */
export async function submit(
  page: Page,
  bytes: number[],
  options: { key?: string | null; query?: string; contentType?: string } = {},
): Promise<ApiAnswer> {
  const key = options.key === undefined ? await apiKey(page) : options.key;
  return page.evaluate(
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
}

/** GETs an operation (by its Operation-Location) from the page. */
export async function getOperation(page: Page, location: string, key?: string | null): Promise<ApiAnswer> {
  const usedKey = key === undefined ? await apiKey(page) : key;
  return page.evaluate(
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
}

/** Submits a document and polls until the operation ends; returns the final body. */
export async function readDocument(page: Page, bytes: number[], query = ''): Promise<ReadOperationResult> {
  const accepted = await submit(page, bytes, { query });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
  const location = accepted.headers['operation-location']!;
  const deadline = Date.now() + 90_000;
  for (;;) {
    const answer = await getOperation(page, location);
    expect(answer.status).toBe(200);
    const body = answer.body as ReadOperationResult;
    if (body.status === 'succeeded' || body.status === 'failed') return body;
    if (Date.now() > deadline) throw new Error(`operation still ${body.status} after 90 s`);
    await page.waitForTimeout(250);
  }
}
