// The app's views, and how to bring each into the state a user sees it in: one list shared by the
// accessibility e2e spec, `npm run lighthouse` and `npm run screenshots`, so a view added here is
// checked, measured and pictured by all three. Each `open` starts on a page where the app has
// loaded (see `waitForApp`) and resolves once the view shows what it is for.
import { fileURLToPath } from 'node:url';

/** The document scanned to open a result: the fixture of the UI tests, with known text. */
export const SCAN_FIXTURE = fileURLToPath(new URL('../../tests/fixtures/real-testocr.png', import.meta.url));
/** Text that the fixture's result shows once it is read. */
export const SCAN_FIXTURE_TEXT = 'quick brown dog';

const WAIT_MS = 90_000;

/** Resolves once the app shows its scan view and the service worker controls the page. */
export async function waitForApp(page) {
  await page.getByText('Choose images').waitFor({ timeout: WAIT_MS });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: WAIT_MS });
}

/** Follows the header's link to a view, as a user does. */
async function follow(page, name) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name }).click();
}

/**
 * The views, each with how to bring it up from the start view. `hash` is the URL a navigation-mode measurement can load directly (none when the state needs
 * the app driven first).
 */
export const APP_VIEWS = [
  {
    name: 'scan',
    title: 'Scan, with a result open',
    hash: '#/',
    async open(page) {
      await follow(page, 'Scan');
      await page.locator('input[type="file"][multiple]').setInputFiles(SCAN_FIXTURE);
      await page.locator('main').getByText(SCAN_FIXTURE_TEXT).filter({ visible: true }).first().waitFor({ timeout: WAIT_MS });
    },
  },
  {
    name: 'api',
    title: 'API',
    hash: '#/api',
    async open(page) {
      await follow(page, 'API');
      await page.locator('[data-key="key1"]').filter({ hasText: /\S/ }).waitFor({ timeout: WAIT_MS });
    },
  },
  {
    name: 'privacy',
    title: 'Privacy',
    hash: '#/privacy',
    async open(page) {
      await follow(page, 'Privacy');
      await page.getByTestId('stored-count').waitFor({ timeout: WAIT_MS });
    },
  },
  {
    // The in-app camera's dialog (src/app/camera/), opened from the Scan page's "Take photos".
    name: 'camera',
    title: 'Camera',
    hash: null,
    async open(page) {
      await follow(page, 'Scan');
      await page.getByRole('button', { name: 'Take photos' }).click();
      await page.getByRole('dialog').waitFor({ timeout: WAIT_MS });
    },
  },
];
