/**
 * The API page's examples of the synchronous calls (Image Analysis 4.0 with fetch() and with
 * Microsoft's SDK, Read's syncAnalyze), run exactly as the page shows them.
 */
import { expect, test, type Page } from '@playwright/test';
import { characterErrorRate } from './support/text-metrics';
import { fixtureBytes, fixtureText, openApp } from './support/app';
import { loadImageAnalysisSdk } from './support/image-analysis-sdk';

// The examples are compiled from the page's text, and the SDK goes in as an inline script: the
// app's policy (script-src 'self', no eval) rightly refuses both, so this file bypasses it.
test.use({ bypassCSP: true });

/**
 * Runs the example shown in `pre[data-example=name]` as written, on the fixture; returns its text.
 * `imports` stands for the example's commented `import` lines, which a bundler would resolve.
 */
async function runExample(page: Page, name: string, imports = ''): Promise<string> {
  const code = await page.locator(`pre[data-example="${name}"]`).textContent();
  expect(code).toContain('async function readText(image)');
  return page.evaluate(
    async ({ code, imports, bytes }) => {
      type Run = (image: Blob) => Promise<string>;
      const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => Run;
      const run = new AsyncFunction('image', `${imports}\n${code}\nreturn readText(image);`);
      return run(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
    },
    { code: code!, imports, bytes: fixtureBytes('real-testocr.png') },
  );
}

function expectFixtureText(text: string): void {
  expect(characterErrorRate(fixtureText('real-testocr.gt.txt'), text)).toBeLessThanOrEqual(0.02);
}

test.describe("the API page's synchronous examples", () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await page.getByRole('link', { name: 'API' }).click();
    await expect(page.locator('pre[data-example="image-analysis-fetch"]')).toContainText('imageanalysis:analyze');
  });

  test('the Image Analysis fetch example runs as written and returns the text', async ({ page }) => {
    expectFixtureText(await runExample(page, 'image-analysis-fetch'));
  });

  test("the Image Analysis SDK example runs as written with Microsoft's SDK", async ({ page }) => {
    await loadImageAnalysisSdk(page);
    expectFixtureText(await runExample(page, 'image-analysis-sdk', 'const { createClient, isUnexpected, AzureKeyCredential } = ImageAnalysisSdk;'));
  });

  test('the syncAnalyze example runs as written and returns the text', async ({ page }) => {
    expectFixtureText(await runExample(page, 'sync-analyze-fetch'));
  });
});
