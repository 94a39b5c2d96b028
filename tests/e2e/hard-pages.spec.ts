/**
 * The pages a scanning app exists for, read through the HTTP API in Chromium: a faxed form with
 * values on underlines, a faint receipt photographed on a table, and a phone photo of a printed
 * page. Each bar is one the pipeline before page preparation and the second engine failed
 * (measured with the bench on these files: form 0.246, receipt 0.397, photo 0.456).
 */
import { expect, test, type Page } from '@playwright/test';
import type { ReadOperationResult } from '../../src/read-api/types';
import { characterErrorRate } from './support/text-metrics';
import { fixtureBytes, fixtureText, openApp, readDocument, resultText } from './support/app';

interface PageDiagnostics {
  steps: string[];
  engines: { secondEngine: boolean; linesFromSecond: number };
  backend?: string;
}

/** Listens to the engine's diagnostics channel, so a test can see which engines read a page. */
async function listenToDiagnostics(page: Page): Promise<() => Promise<PageDiagnostics[]>> {
  await page.evaluate(() => {
    const seen: unknown[] = [];
    (window as unknown as { diagnostics: unknown[] }).diagnostics = seen;
    new BroadcastChannel('localread-diagnostics').onmessage = (event) => seen.push(event.data);
  });
  return () => page.evaluate(() => (window as unknown as { diagnostics: PageDiagnostics[] }).diagnostics);
}

async function read(page: Page, name: string): Promise<ReadOperationResult> {
  const result = await readDocument(page, fixtureBytes(name));
  expect(result.status).toBe('succeeded');
  return result;
}

test.describe('hard pages', () => {
  test.setTimeout(240_000);

  test('a faxed form, a receipt photo and a phone photo read well, with the second engine', async ({ page }) => {
    await openApp(page);
    const diagnostics = await listenToDiagnostics(page);
    const cases = [
      { name: 'syn-form-fax.png', truth: 'syn-form-fax.gt.txt', bar: 0.15 },
      { name: 'syn-receipt-photo.jpg', truth: 'syn-receipt-photo.gt.txt', bar: 0.36 },
      { name: 'real-photo-grece-122543.jpg', truth: 'real-photo-grece-122543.gt.txt', bar: 0.35 },
    ];
    for (const { name, truth, bar } of cases) {
      const cer = characterErrorRate(fixtureText(truth), resultText(await read(page, name)));
      test.info().annotations.push({ type: 'cer', description: `${name}: ${cer.toFixed(3)}` });
      expect(cer, name).toBeLessThan(bar);
    }
    const seen = await diagnostics();
    expect(seen).toHaveLength(cases.length);
    expect(seen.every((page) => page.engines.secondEngine)).toBe(true);
    expect(seen[0]?.steps).toContain('upscale-2x');
    expect(seen.every((page) => page.backend?.startsWith('wasm-simd'))).toBe(true);
  });

  test('a clean page is read by tesseract alone', async ({ page }) => {
    await openApp(page);
    const diagnostics = await listenToDiagnostics(page);
    const result = await read(page, 'real-testocr.png');
    expect(characterErrorRate(fixtureText('real-testocr.gt.txt'), resultText(result))).toBeLessThan(0.02);
    expect(await diagnostics()).toEqual([expect.objectContaining({ steps: [], engines: expect.objectContaining({ secondEngine: false }) })]);
  });

  test('with the second engine switched off, a hard page is read by tesseract alone', async ({ page }) => {
    await openApp(page);
    const diagnostics = await listenToDiagnostics(page);
    const patch = (secondEngine: boolean) =>
      page.evaluate(async (secondEngine) => {
        const { key1 } = (await (await fetch('/localread/v1/keys')).json()) as { key1: string };
        const response = await fetch('/localread/v1/settings', {
          method: 'PATCH',
          headers: { 'Ocp-Apim-Subscription-Key': key1, 'Content-Type': 'application/json' },
          body: JSON.stringify({ secondEngine }),
        });
        return response.status;
      }, secondEngine);
    expect(await patch(false)).toBe(200);
    try {
      await read(page, 'syn-form-fax.png');
      expect(await diagnostics()).toEqual([expect.objectContaining({ engines: expect.objectContaining({ secondEngine: false }) })]);
    } finally {
      await patch(true);
    }
  });
});
