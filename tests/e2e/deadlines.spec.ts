/**
 * A page that never finishes does not hold its job: the page deadline aborts the reading
 * (terminating the tesseract worker that holds it), the job is claimed again, and after
 * MAX_ATTEMPTS claims it fails with FailedToProcess. The engine then reads the next job.
 * `?deadline=F` scales every page deadline, so that a "hang" here is any reading at all.
 */
import { expect, test } from '@playwright/test';
import { MAX_ATTEMPTS } from '../../src/jobs/job-store';
import { characterErrorRate } from './support/text-metrics';
import { expectReady, fixtureBytes, fixtureText, readDocument, resultText } from './support/app';

test('a page that overruns its deadline is retried, then fails with FailedToProcess, and the engine goes on', async ({ page }) => {
  // About 6 ms a page: no reading finishes in time.
  await page.goto('/?deadline=0.0001');
  await expectReady(page);
  const result = await readDocument(page, fixtureBytes('real-testocr.png'));
  expect(result.status).toBe('failed');
  expect(result.error).toMatchObject({
    code: 'FailedToProcess',
    message: expect.stringContaining(`${MAX_ATTEMPTS} times`),
  });

  // With the usual deadlines the same engine profile reads the next document (fresh workers).
  await page.goto('/');
  await expectReady(page);
  const next = await readDocument(page, fixtureBytes('real-testocr.png'));
  expect(next.status).toBe('succeeded');
  expect(characterErrorRate(fixtureText('real-testocr.gt.txt'), resultText(next))).toBeLessThan(0.02);
});
