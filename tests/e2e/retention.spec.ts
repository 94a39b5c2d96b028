import { expect, test } from '@playwright/test';
import { fixtureBytes, getOperation, openApp, submit, waitForOperation } from './support/app';
import { api, backdate, expectNoTrace, idOf, tracesOf } from './support/privacy';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const PNG = fixtureBytes('real-testocr.png');

/** Reads the PNG through the API; returns its Operation-Location. */
async function readPng(page: Parameters<typeof openApp>[0]): Promise<string> {
  const accepted = await submit(page, PNG);
  expect(accepted.status).toBe(202);
  const location = accepted.headers['operation-location']!;
  expect((await waitForOperation(page, location)).status).toBe('succeeded');
  return location;
}

test.describe('Retention', () => {
  test.beforeEach(async ({ page }) => openApp(page));

  test('an operation past 24 hours answers 404, whatever else happened, and leaves no trace', async ({ page }) => {
    const location = await readPng(page);
    const id = idOf(location);
    expect((await tracesOf(page, id)).map((record) => record.store).sort()).toEqual(['operations', 'payloads']);
    await backdate(page, id, DAY);
    const answer = await getOperation(page, location);
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: { code: 'NotFound' } });
    await expectNoTrace(page, id);
  });

  test('a second short of 24 hours, it is still there', async ({ page }) => {
    const location = await readPng(page);
    await backdate(page, idOf(location), DAY - 60_000);
    expect((await getOperation(page, location)).status).toBe(200);
  });

  test('any API request sweeps expired operations it was not asked about', async ({ page }) => {
    const expired = idOf((await submit(page, PNG)).headers['operation-location']!);
    const kept = idOf((await submit(page, PNG)).headers['operation-location']!);
    await backdate(page, expired, DAY);
    expect((await api(page, 'GET', '/localread/v1/keys')).status).toBe(200);
    await expectNoTrace(page, expired);
    expect(await tracesOf(page, kept)).not.toEqual([]);
  });

  test('the page sweeps when it loads', async ({ page }) => {
    const id = idOf((await submit(page, PNG)).headers['operation-location']!);
    await backdate(page, id, DAY);
    const swept = page.waitForRequest((request) => new URL(request.url()).pathname === '/localread/v1/storage');
    await page.reload();
    await swept;
    await expectNoTrace(page, id);
  });

  test('a window set shorter on the privacy page applies at once, and 24 hours is the most', async ({ page }) => {
    const location = await readPng(page);
    await backdate(page, idOf(location), 2 * HOUR);
    expect((await getOperation(page, location)).status).toBe(200);

    await page.goto('/#/privacy');
    const select = page.getByLabel('Retention window');
    await expect(select).toHaveValue(String(DAY));
    const choices = await select.locator('option').evaluateAll((options) => options.map((option) => Number((option as HTMLOptionElement).value)));
    expect(Math.max(...choices)).toBe(DAY);
    await select.selectOption(String(HOUR));
    await expect(page.getByTestId('retention-window')).toHaveText('1 hour');
    expect((await getOperation(page, location)).status).toBe(404);
    await expectNoTrace(page, idOf(location));
    expect((await api(page, 'GET', '/localread/v1/settings')).body).toMatchObject({ retentionMs: HOUR });

    // Longer than 24 hours is refused in Azure's shape, and the setting stays as it was.
    const longer = await api(page, 'PATCH', '/localread/v1/settings', { json: { retentionMs: DAY + 1 } });
    expect(longer.status).toBe(400);
    expect(longer.body).toMatchObject({ error: { code: 'BadArgument' } });
    expect((await api(page, 'GET', '/localread/v1/settings')).body).toMatchObject({ retentionMs: HOUR });
    await api(page, 'PATCH', '/localread/v1/settings', { json: { retentionMs: DAY } });
  });
});

test('an open page sweeps on a timer', async ({ page }) => {
  await page.clock.install();
  await openApp(page);
  const id = idOf((await submit(page, PNG)).headers['operation-location']!);
  await backdate(page, id, DAY);
  const swept = page.waitForRequest((request) => new URL(request.url()).pathname === '/localread/v1/storage');
  await page.clock.fastForward(60_000);
  await swept;
  await expectNoTrace(page, id);
});
