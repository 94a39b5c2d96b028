/**
 * Accessibility of every view (the list in scripts/lib/app-views.mjs, shared with `npm run
 * lighthouse` and `npm run screenshots`): no serious or critical axe violation, headings in order,
 * the landmarks, every control reachable with Tab and showing where focus is, a skip link, the
 * header's links operable with Enter, and status changes in live regions.
 */
import { expect, test, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { APP_VIEWS, SCAN_FIXTURE, SCAN_FIXTURE_TEXT, type AppView } from '../../scripts/lib/app-views.mjs';
import { openApp } from './support/app';
import { describeViolations, seriousViolations } from './support/axe';

// A fake camera, granted, so that the in-app camera's dialog (once merged) opens with a picture.
test.use({
  launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] },
  permissions: ['camera', 'clipboard-read', 'clipboard-write'],
});

/** Headings as `h2 API`, in document order, of what is rendered. */
async function headings(page: Page): Promise<Array<{ level: number; text: string }>> {
  return page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((elements) =>
    elements
      .filter((element) => element.checkVisibility() || element.classList.contains('visually-hidden'))
      .map((element) => ({ level: Number(element.tagName[1]), text: (element.textContent ?? '').trim() })),
  );
}

/** Why the headings are out of order (one h1 first, never a level skipped), or '' when they are not. */
function headingProblems(list: Array<{ level: number; text: string }>): string {
  const problems: string[] = [];
  if (list[0]?.level !== 1) problems.push(`the first heading is not an h1: ${JSON.stringify(list[0])}`);
  if (list.filter((heading) => heading.level === 1).length !== 1) problems.push('not exactly one h1');
  list.forEach((heading, at) => {
    const before = list[at - 1];
    if (before && heading.level > before.level + 1) problems.push(`h${heading.level} "${heading.text}" follows h${before.level} "${before.text}"`);
  });
  return problems.join('\n');
}

/**
 * Marks every control a keyboard user should reach (visible, enabled, not taken out of the tab
 * order; inside the modal dialog when one is open) with `data-tab-probe`, and returns how each is described in a failure.
 */
async function markTabbables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // A modal dialog makes the rest of the page inert: only its own controls can be reached.
    const scope: ParentNode = document.querySelector('dialog:modal') ?? document;
    const candidates = scope.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]');
    const tabbable = [...candidates].filter(
      (element) => element.tabIndex >= 0 && !element.matches(':disabled') && !element.closest('[inert]') && element.checkVisibility(),
    );
    return tabbable.map((element, index) => {
      element.dataset.tabProbe = String(index);
      const name = element.getAttribute('aria-label') ?? element.closest('label')?.textContent ?? element.textContent ?? '';
      return `${element.tagName.toLowerCase()} "${name.trim().replace(/\s+/g, ' ').slice(0, 60)}"`;
    });
  });
}

/** What has focus now: its probe number, and whether a focus indicator (outline or ring) is drawn. */
async function focused(page: Page): Promise<{ probe: string | null; indicated: boolean }> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active || active === document.body) return { probe: null, indicated: false };
    // A file input is drawn by its label: the label shows the focus (:focus-within).
    const drawn = active instanceof HTMLInputElement && active.type === 'file' ? (active.closest('label') ?? active) : active;
    const style = getComputedStyle(drawn);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const ring = style.boxShadow !== 'none';
    return { probe: active.dataset.tabProbe ?? null, indicated: outline || ring };
  });
}

/** Tabs through the whole page from its first control; fails on a control never reached, or focused without an indicator. */
async function expectEveryControlReachedByTab(page: Page): Promise<void> {
  const controls = await markTabbables(page);
  expect(controls.length).toBeGreaterThan(0);
  // Focus from script shows no ring (:focus-visible follows the last input): land on the first control by keys.
  await page.locator('[data-tab-probe="0"]').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  const reached = new Set<string>();
  const unindicated = new Set<string>();
  for (let press = 0; press <= controls.length + 2; press++) {
    if (press > 0) await page.keyboard.press('Tab');
    const { probe, indicated } = await focused(page);
    if (probe === null) continue;
    reached.add(probe);
    if (!indicated) unindicated.add(controls[Number(probe)]!);
  }
  const missed = controls.filter((_, index) => !reached.has(String(index)));
  expect(missed, 'controls Tab never reached').toEqual([]);
  expect([...unindicated], 'controls focused with no visible focus indicator').toEqual([]);
}

async function expectLandmarks(page: Page): Promise<void> {
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Views' })).toHaveCount(1);
}

async function openView(page: Page, view: AppView): Promise<void> {
  await openApp(page);
  await view.open(page);
}

for (const view of APP_VIEWS) {
  test(`${view.title}: no serious or critical axe violation, headings in order, landmarks, every control reached by Tab`, async ({ page }) => {
    await openView(page, view);
    await test.step('axe', async () => {
      expect(describeViolations(await seriousViolations(page)), 'axe violations').toBe('');
    });
    await test.step('headings', async () => {
      expect(headingProblems(await headings(page))).toBe('');
    });
    await test.step('landmarks', () => expectLandmarks(page));
    await test.step('Tab reaches every control, and shows where focus is', () => expectEveryControlReachedByTab(page));
  });
}

test('the first Tab reaches a skip link, which moves focus to the main content', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  expect(new URL(page.url()).hash, 'the skip link does not change the view').toBe('');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.querySelector('main')!.contains(document.activeElement))).toBe(true);
});

test("the header's links are operable with the keyboard and move focus to the view's heading", async ({ page }) => {
  await openApp(page);
  for (const [link, heading] of [
    ['API', 'API'],
    ['Privacy', 'Privacy'],
    ['Scan', 'Scan'],
  ] as const) {
    await page.getByRole('link', { name: link }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('link', { name: link })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { name: heading, level: 2 })).toBeFocused();
  }
});

test('a document is chosen and read with the keyboard alone, its progress told in a live region', async ({ page }) => {
  await openApp(page);
  const picker = page.locator('input[type="file"][multiple]');
  for (let press = 0; press < 20 && !(await picker.evaluate((input) => input === document.activeElement)); press++) await page.keyboard.press('Tab');
  await expect(picker).toBeFocused();
  const chooser = page.waitForEvent('filechooser');
  // Enter on the picker that Tab reached, sent to that element: in one full run, a press sent to
  // whatever held focus at that instant opened no chooser (the cause was not found).
  await picker.press('Enter');
  await (await chooser).setFiles(SCAN_FIXTURE);

  const live = page.locator('main').locator('[aria-live="polite"], [aria-live="assertive"], [role="status"], [role="log"], [role="alert"]');
  await expect(live.filter({ hasText: 'real-testocr.png' }).filter({ hasText: /done/i })).toHaveCount(1);
  await expect(page.locator('main').getByText(SCAN_FIXTURE_TEXT).filter({ visible: true }).first()).toBeVisible();
});

test('copying a key with the keyboard is told in a live region', async ({ page }) => {
  await openApp(page);
  await APP_VIEWS.find((view) => view.name === 'api')!.open(page);
  await page.getByRole('button', { name: 'Copy key1' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[role="status"]').filter({ hasText: 'Copied' })).toHaveCount(1);
});
