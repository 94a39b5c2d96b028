/**
 * Microsoft's Document Intelligence REST client (@azure-rest/ai-document-intelligence 1.1.0) in a
 * page of the production build: the npm package ships no script for a page, so its own browser
 * build is bundled here, unchanged, with rolldown (test-only: the app never ships it), and exposed
 * as `globalThis.DocumentIntelligenceSdk`.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { expect, type Page } from '@playwright/test';

const ENTRY = fileURLToPath(new URL('./di-sdk-entry.ts', import.meta.url));

let bundle: Promise<string> | null = null;

function sdkBundle(): Promise<string> {
  bundle ??= build({ input: ENTRY, platform: 'browser', write: false, logLevel: 'warn', output: { format: 'iife', name: 'DocumentIntelligenceSdk' } }).then(
    (output) => output.output[0].code,
  );
  return bundle;
}

/** Adds the SDK to the page (an inline script: the spec that calls this bypasses the page's CSP). */
export async function loadDocumentIntelligenceSdk(page: Page): Promise<void> {
  await page.addScriptTag({ content: await sdkBundle() });
  expect(await page.evaluate(() => typeof (globalThis as { DocumentIntelligenceSdk?: { DocumentIntelligence?: unknown } }).DocumentIntelligenceSdk?.DocumentIntelligence)).toBe('function');
}
