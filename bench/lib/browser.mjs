// Drives the running app in Debian's Chromium: opens it, and reads documents through its HTTP API
// from inside the page, exactly as a script on the page would.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Launches Chromium with a fresh profile; returns the context and its profile folder. */
export async function launch() {
  const profileDir = mkdtempSync(join(tmpdir(), 'localread-bench-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ARGS,
    headless: true,
  });
  return { context, profileDir };
}

/** Opens the app (with an engine pool of `pool` workers when given) and waits until its API is up. */
export async function openApp(context, origin, pool) {
  const page = await context.newPage();
  await page.goto(pool ? `${origin}/?pool=${pool}` : origin);
  await page.getByText('Choose images').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page;
}

/**
 * Submits documents (base64) at once and polls each every `pollMs` until it ends. Resolves with
 * each final body and its time from POST to the end, measured in the page.
 */
export function readInPage(page, documents, pollMs = 50) {
  return page.evaluate(async ({ documents, pollMs }) => {
    const { key1 } = await (await fetch('/localread/v1/keys')).json();
    const headers = { 'Ocp-Apim-Subscription-Key': key1 };
    const read = async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const started = performance.now();
      const accepted = await fetch('/vision/v3.2/read/analyze', {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/octet-stream' },
        body: new Blob([bytes]),
      });
      if (accepted.status !== 202) return { body: await accepted.json(), ms: performance.now() - started };
      const location = accepted.headers.get('Operation-Location');
      for (;;) {
        const body = await (await fetch(location, { headers })).json();
        if (body.status === 'succeeded' || body.status === 'failed') return { body, ms: performance.now() - started };
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    };
    return Promise.all(documents.map(read));
  }, { documents, pollMs });
}
