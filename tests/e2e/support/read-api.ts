/**
 * Steps of the Read API, contract and SDK tests: the boxes of a page checked, a same-origin
 * document URL, Microsoft's SDK in the page.
 */
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import type { ReadResult } from '../../../src/read-api/types';
import { fixtureBytes } from './app';

/** Every line and word box has 8 numbers inside the page, in the page's unit (one assertion: thousands are slow). */
export function expectBoxesOnPage(page: ReadResult): void {
  const boxes = page.lines.flatMap((line) => [line.boundingBox, ...line.words.map((word) => word.boundingBox)]);
  const outside = boxes.filter(
    (box) => box.length !== 8 || box.some((value, i) => value < 0 || value > (i % 2 === 0 ? page.width : page.height)),
  );
  expect(boxes.length).toBeGreaterThan(0);
  expect(outside).toEqual([]);
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
