/**
 * Every invalid or edge-case input of the corpus's bad/ folder gets the outcome its README lists,
 * chosen where two were allowed (see docs/architecture.md, "Bad input"), and a bad job never
 * disturbs the jobs around it.
 */
import { expect, test } from '@playwright/test';
import type { ReadOperationResult } from '../../src/read-api/types';
import type { LocalReadOperationResult } from '../../src/read-api/extensions';
import { characterErrorRate } from './support/text-metrics';
import { fixtureBytes, fixtureText, openApp, readDocument, resultText, submit, waitForOperation } from './support/app';

/** Files refused at once: 400 with this code. */
const REFUSED: Record<string, string> = {
  'bad/empty.png': 'InvalidImageSize',
  'bad/text-file.png': 'InvalidImageFormat',
  'bad/tiny-40x40.png': 'InvalidImageSize',
  'bad/wide-10001x60.png': 'InvalidImageSize',
  'bad/html-named.pdf': 'InvalidImageFormat',
  'bad/unsupported.gif': 'InvalidImageFormat',
  'bad/unsupported.webp': 'InvalidImageFormat',
  'bad/svg-named.jpg': 'InvalidImageFormat',
};

/** Files accepted (their headers look right) whose operation then fails with this code. */
const FAILED: Record<string, string> = {
  'bad/truncated.png': 'InvalidImageFormat',
  'bad/corrupt.tif': 'InvalidImageFormat',
  'bad/password-protected.pdf': 'InvalidImageFormat',
  'bad/zero-pages.pdf': 'InvalidImageFormat',
};

function expectFailed(result: LocalReadOperationResult, code: string): void {
  expect(result.status).toBe('failed');
  expect(result.analyzeResult).toBeUndefined();
  expect(result.error?.code).toBe(code);
}

test.describe('bad and edge-case inputs', () => {
  test.beforeEach(async ({ page }) => openApp(page));

  for (const [file, code] of Object.entries(REFUSED)) {
    test(`refuses ${file} with 400 ${code}`, async ({ page }) => {
      const answer = await submit(page, fixtureBytes(file));
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { code } });
      expect(answer.headers['operation-location']).toBeUndefined();
    });
  }

  for (const [file, code] of Object.entries(FAILED)) {
    test(`accepts ${file}, then fails the operation with ${code}`, async ({ page }) => {
      expectFailed(await readDocument(page, fixtureBytes(file)), code);
    });
  }

  test('reads a blank 50 x 50 image (the minimum) as one page without lines', async ({ page }) => {
    const result = await readDocument(page, fixtureBytes('bad/min-50x50.png'));
    expect(result.status).toBe('succeeded');
    expect(result.analyzeResult!.readResults).toEqual([
      expect.objectContaining({ page: 1, width: 50, height: 50, unit: 'pixel', lines: [] }),
    ]);
  });

  test('reads a 10000 px wide image (the maximum)', async ({ page }) => {
    const result = await readDocument(page, fixtureBytes('bad/wide-10000x60.png'));
    expect(result.status).toBe('succeeded');
    expect(result.analyzeResult!.readResults[0]).toMatchObject({ width: 10000, height: 60 });
    expect(characterErrorRate(fixtureText('bad/wide-10000x60.expected.txt'), resultText(result))).toBeLessThanOrEqual(0.05);
  });

  test('reads black text on transparent pixels as text on white', async ({ page }) => {
    const result = await readDocument(page, fixtureBytes('bad/transparent-background.png'));
    expect(result.status).toBe('succeeded');
    expect(characterErrorRate(fixtureText('bad/transparent-background.expected.txt'), resultText(result))).toBeLessThanOrEqual(0.05);
  });

  test('reads a PDF with an owner password only, in inches', async ({ page }) => {
    const result = await readDocument(page, fixtureBytes('bad/owner-password-only.pdf'));
    expect(result.status).toBe('succeeded');
    const [first, ...rest] = result.analyzeResult!.readResults;
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ page: 1, unit: 'inch', width: 8.2639, height: 11.6944 });
    expect(characterErrorRate(fixtureText('bad/owner-password-only.expected.txt'), resultText(result))).toBeLessThanOrEqual(0.01);
  });

  test('a failing job does not disturb the jobs submitted with it', async ({ page }) => {
    const documents = ['real-testocr.png', 'bad/truncated.png', 'bad/corrupt.tif', 'real-testocr.png'];
    const locations: string[] = [];
    for (const name of documents) {
      const answer = await submit(page, fixtureBytes(name));
      expect(answer.status).toBe(202);
      locations.push(answer.headers['operation-location']!);
    }
    const finals: ReadOperationResult[] = [];
    for (const location of locations) finals.push(await waitForOperation(page, location));
    expect(finals.map((result) => result.status)).toEqual(['succeeded', 'failed', 'failed', 'succeeded']);
    for (const result of [finals[0]!, finals[3]!]) {
      expect(characterErrorRate(fixtureText('real-testocr.gt.txt'), resultText(result))).toBeLessThanOrEqual(0.02);
    }
  });
});
