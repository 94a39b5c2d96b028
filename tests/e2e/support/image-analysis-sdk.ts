/**
 * Microsoft's Image Analysis REST client (`@azure-rest/ai-vision-image-analysis`), which ships
 * no browser bundle: rolldown bundles it, unchanged, with its browser builds of the Azure core
 * packages, into one script the page runs as `globalThis.ImageAnalysisSdk`.
 */
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { build } from 'rolldown';

let bundle: Promise<string> | null = null;

/** The bundle's code, built once per test worker. */
function sdkBundle(): Promise<string> {
  bundle ??= build({
    input: fileURLToPath(new URL('./image-analysis-sdk-entry.ts', import.meta.url)),
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    output: { format: 'iife', name: 'ImageAnalysisSdk' },
  }).then(({ output }) => output[0].code);
  return bundle;
}

/** Adds the SDK to the page (test-only; the spec bypasses the page's CSP for this inline script). */
export async function loadImageAnalysisSdk(page: Page): Promise<void> {
  await page.addScriptTag({ content: await sdkBundle() });
  expect(await page.evaluate(() => typeof (globalThis as { ImageAnalysisSdk?: { createClient?: unknown } }).ImageAnalysisSdk?.createClient)).toBe('function');
}
