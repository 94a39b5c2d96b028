// Drives the running app in Debian's Chromium: opens it, and reads documents through its HTTP API
// from inside the page, exactly as a script on the page would.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** The engine's per-page reports (src/engine/diagnostics.ts). */
const DIAGNOSTICS_CHANNEL = 'localread-diagnostics';

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

/** The app's URL with the engine options of src/app/engine-options.ts (`?pool=`, `?skip=`, `?parts=off`). */
function appUrl(origin, { pool, skip, wholePages } = {}) {
  const query = new URLSearchParams();
  if (wholePages) query.set('parts', 'off');
  if (pool) query.set('pool', String(pool));
  if (skip?.length) query.set('skip', skip.join(','));
  const search = query.toString();
  return search ? `${origin}/?${search}` : origin;
}

/**
 * Opens the app (engine options as in `appUrl`), waits until its API is up and listens to the
 * engine's diagnostics. Only one app page should be open at a time: the engine of the first page
 * opened holds the lock and reads every job, whatever the options of the others.
 */
export async function openApp(context, origin, options = {}) {
  const page = await context.newPage();
  await page.goto(appUrl(origin, options));
  await page.getByText('Choose images').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // Subscribed before any job is submitted, so no page's report is missed.
  await page.evaluate((name) => {
    window.__diagnostics = [];
    window.__diagnosticsChannel = new BroadcastChannel(name);
    window.__diagnosticsChannel.onmessage = (event) => window.__diagnostics.push(event.data);
  }, DIAGNOSTICS_CHANNEL);
  return page;
}

/**
 * Submits documents (base64) at once and polls each every `pollMs` until it ends. Resolves with
 * each final body, its time from POST to the end, measured in the page, and its operation id
 * (null when the POST was refused).
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
      if (accepted.status !== 202) return { body: await accepted.json(), ms: performance.now() - started, operationId: null };
      const location = accepted.headers.get('Operation-Location');
      const operationId = new URL(location, window.location.href).pathname.split('/').pop();
      for (;;) {
        const body = await (await fetch(location, { headers })).json();
        if (body.status === 'succeeded' || body.status === 'failed') return { body, ms: performance.now() - started, operationId };
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    };
    return Promise.all(documents.map(read));
  }, { documents, pollMs });
}

/**
 * The diagnostics of one operation, sorted by page. A report is posted before its page's result
 * is stored, but a channel delivers asynchronously, so this waits (up to `waitMs`) for one report
 * per page; pages with a text layer are not read and never report, hence the bound.
 */
export function diagnosticsOf(page, operationId, pages, waitMs = 1000) {
  if (!operationId) return Promise.resolve([]);
  return page.evaluate(async ({ operationId, pages, waitMs }) => {
    const mine = () => window.__diagnostics.filter((d) => d.operationId === operationId);
    const deadline = performance.now() + waitMs;
    while (mine().length < pages && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    return mine().sort((a, b) => a.page - b.page);
  }, { operationId, pages, waitMs });
}

/**
 * Switches the second engine on or off through the settings API (src/sw/routes/settings.ts:
 * JSON body; the key is not asked but sent as any client would). Resolves with the value it had,
 * for the caller to restore.
 */
export function setSecondEngine(page, on) {
  return page.evaluate(async (secondEngine) => {
    const { key1 } = await (await fetch('/localread/v1/keys')).json();
    const headers = { 'Ocp-Apim-Subscription-Key': key1 };
    const before = await (await fetch('/localread/v1/settings', { headers })).json();
    const response = await fetch('/localread/v1/settings', {
      method: 'PATCH',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ secondEngine }),
    });
    const after = await response.json();
    if (!response.ok || after.secondEngine !== secondEngine) throw new Error(`PATCH settings: ${response.status} ${JSON.stringify(after)}`);
    return before.secondEngine;
  }, on);
}
