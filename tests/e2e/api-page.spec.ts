/**
 * The API page: the endpoint, the keys with copy buttons, the Azure-hosts setting, and the
 * copy-paste examples, which this test runs exactly as the page shows them.
 */
import { expect, test, type Page } from '@playwright/test';
import { characterErrorRate } from './support/text-metrics';
import { callApi, fixtureBytes, fixtureText, openApp } from './support/app';
import { loadAzureSdk } from './support/read-api';

// The examples are run as written by compiling the page's text into a function, and the SDK goes
// in as inline scripts: the app's policy (script-src 'self', no eval) rightly refuses both, so
// this test file alone bypasses the page's CSP. The app itself never evaluates code.
test.use({ bypassCSP: true, permissions: ['clipboard-read', 'clipboard-write'] });

async function openApiPage(page: Page): Promise<void> {
  await openApp(page);
  await page.getByRole('link', { name: 'API' }).click();
  await expect(page.getByRole('heading', { name: 'API', level: 2 })).toBeVisible();
  await expect(page.locator('[data-key="key1"]')).not.toBeEmpty();
}

/** Runs the example shown in `pre[data-example=name]` as written, on the fixture; returns its text. */
async function runExample(page: Page, name: string): Promise<string> {
  const code = await page.locator(`pre[data-example="${name}"]`).textContent();
  expect(code).toContain('async function readText(image)');
  return page.evaluate(
    async ({ code, bytes }) => {
      type Run = (image: Blob) => Promise<string>;
      const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => Run;
      const run = new AsyncFunction('image', `${code}\nreturn readText(image);`);
      return run(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
    },
    { code: code!, bytes: fixtureBytes('real-testocr.png') },
  );
}

test.describe('the API page', () => {
  test.beforeEach(async ({ page }) => openApiPage(page));

  test('shows the endpoint and both keys, each with a working copy button', async ({ page }) => {
    const keys = (await callApi(page, '/localread/v1/keys')).body as { endpoint: string; key1: string; key2: string };
    expect(keys.endpoint).toBe(new URL(page.url()).origin);
    await expect(page.getByTestId('endpoint')).toHaveText(keys.endpoint);
    for (const keyId of ['key1', 'key2'] as const) {
      await expect(page.locator(`[data-key="${keyId}"]`)).toHaveText(keys[keyId]);
      await page.getByRole('button', { name: `Copy ${keyId}` }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(keys[keyId]);
    }
    await page.getByRole('button', { name: 'Copy the endpoint' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(keys.endpoint);
  });

  test('the fetch example runs as written and returns the text', async ({ page }) => {
    const text = await runExample(page, 'fetch');
    expect(characterErrorRate(fixtureText('real-testocr.gt.txt'), text)).toBeLessThanOrEqual(0.02);
  });

  test("the SDK example runs as written with Microsoft's SDK and returns the text", async ({ page }) => {
    await loadAzureSdk(page);
    const text = await runExample(page, 'sdk');
    expect(characterErrorRate(fixtureText('real-testocr.gt.txt'), text)).toBeLessThanOrEqual(0.02);
  });

  test('the copy button of an example copies exactly the code shown', async ({ page }) => {
    await page.getByRole('button', { name: 'Copy the fetch example' }).click();
    const shown = await page.locator('pre[data-example="fetch"]').textContent();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
  });

  test('turns answering Azure hosts off and on, on by default', async ({ page }) => {
    const toggle = page.getByRole('checkbox', { name: "Answer requests to Azure's Read endpoints on this device" });
    await expect(toggle).toBeChecked();
    await toggle.uncheck();
    await expect.poll(async () => ((await callApi(page, '/localread/v1/settings')).body as { answerAzureHosts: boolean }).answerAzureHosts).toBe(false);
    await page.reload();
    await page.getByRole('link', { name: 'API' }).click();
    await expect(toggle).not.toBeChecked();
    await toggle.check();
    await expect.poll(async () => ((await callApi(page, '/localread/v1/settings')).body as { answerAzureHosts: boolean }).answerAzureHosts).toBe(true);
  });
});
