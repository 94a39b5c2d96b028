/**
 * Two keys, as an Azure resource has: either reads any operation, each can be regenerated (from
 * the API page or the extension API) while the other stays in use, and an old value stops
 * working at once.
 */
import { expect, test, type Page } from '@playwright/test';
import { callApi, chooseFixture, fixtureBytes, openApp, scanEntry } from './support/app';

interface Keys {
  key1: string;
  key2: string;
}

async function currentKeys(page: Page): Promise<Keys> {
  return (await callApi(page, '/localread/v1/keys')).body as Keys;
}

/** Submits the fixture with `key`; returns its Operation-Location. */
async function submitWith(page: Page, key: string): Promise<string> {
  const answer = await callApi(page, '/vision/v3.2/read/analyze', {
    method: 'POST',
    headers: { 'Ocp-Apim-Subscription-Key': key, 'Content-Type': 'application/octet-stream' },
    bytes: fixtureBytes('real-testocr.png'),
  });
  expect(answer.status).toBe(202);
  return answer.headers['operation-location']!;
}

const statusWith = async (page: Page, location: string, key: string) =>
  (await callApi(page, location, { headers: { 'Ocp-Apim-Subscription-Key': key } })).status;

test.beforeEach(async ({ page }) => openApp(page));

test('either key reads an operation submitted with the other', async ({ page }) => {
  const { key1, key2 } = await currentKeys(page);
  expect(await statusWith(page, await submitWith(page, key1), key2)).toBe(200);
  expect(await statusWith(page, await submitWith(page, key2), key1)).toBe(200);
});

test('regenerating key1 on the API page stops the old value at once and keeps key2 working', async ({ page }) => {
  const before = await currentKeys(page);
  const location = await submitWith(page, before.key1);
  await page.getByRole('link', { name: 'API' }).click();
  await expect(page.locator('[data-key="key1"]')).toHaveText(before.key1);
  await page.getByRole('button', { name: 'Regenerate key1' }).click();
  await expect(page.locator('[data-key="key1"]')).not.toHaveText(before.key1);

  const after = await currentKeys(page);
  expect(after.key2).toBe(before.key2);
  await expect(page.locator('[data-key="key1"]')).toHaveText(after.key1);
  expect(await statusWith(page, location, before.key1)).toBe(401);
  expect(await statusWith(page, location, after.key1)).toBe(200);
  expect(await statusWith(page, location, before.key2)).toBe(200);

  // The app's own scans keep working: its client reads the new key after the 401.
  await page.getByRole('link', { name: 'Scan' }).click();
  await chooseFixture(page, 'real-testocr.png');
  await expect(scanEntry(page, 'real-testocr.png').locator('.status')).toHaveText('Done');
});

test('the extension API regenerates key2 with key1, and refuses a call without a valid key', async ({ page }) => {
  const before = await currentKeys(page);
  const refused = await callApi(page, '/localread/v1/keys/key2/regenerate', { method: 'POST' });
  expect(refused.status).toBe(401);
  expect(await currentKeys(page)).toEqual(before);

  const answer = await callApi(page, '/localread/v1/keys/key2/regenerate', {
    method: 'POST',
    headers: { 'Ocp-Apim-Subscription-Key': before.key1 },
  });
  expect(answer.status).toBe(200);
  const after = answer.body as Keys;
  expect(after.key1).toBe(before.key1);
  expect(after.key2).not.toBe(before.key2);
  const location = await submitWith(page, before.key1);
  expect(await statusWith(page, location, before.key2)).toBe(401);
  expect(await statusWith(page, location, after.key2)).toBe(200);
});
