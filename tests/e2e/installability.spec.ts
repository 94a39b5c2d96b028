import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { APP_URL, expectReady } from './support/app';

interface ManifestIcon {
  src: string;
  sizes?: string;
  type?: string;
  purpose?: string;
}

test('the app is installable, with 192 and 512 px icons', async () => {
  // Page.getInstallabilityErrors answers only in a persistent context (a real profile).
  const profile = mkdtempSync(join(tmpdir(), 'localread-install-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    serviceWorkers: 'allow',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(APP_URL);
    await expectReady(page);

    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const { url: manifestUrl, errors } = await cdp.send('Page.getAppManifest');
    expect(manifestUrl).toBe(`${APP_URL}/manifest.webmanifest`);
    expect(errors).toEqual([]);

    // The icons the manifest names exist, are PNGs and have the sizes it claims.
    const icons = await page.evaluate(async (url) => {
      const manifest = (await (await fetch(url)).json()) as { icons: ManifestIcon[] };
      return Promise.all(
        manifest.icons.map(async (icon) => {
          const blob = await (await fetch(new URL(icon.src, url))).blob();
          const bitmap = await createImageBitmap(blob);
          return { ...icon, actual: `${bitmap.width}x${bitmap.height}`, mime: blob.type };
        }),
      );
    }, manifestUrl);
    for (const size of ['192x192', '512x512']) {
      const icon = icons.find((candidate) => candidate.sizes === size && (candidate.purpose ?? 'any').includes('any'));
      expect(icon, `an "any" icon of ${size}`).toBeDefined();
      expect(icon).toMatchObject({ type: 'image/png', mime: 'image/png', actual: size });
    }
    for (const icon of icons) expect(icon.actual, icon.src).toBe(icon.sizes);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
