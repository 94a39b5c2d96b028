// Serves the production build and opens it in Debian's Chromium, for the scripts that look at the
// app as a user sees it (`npm run lighthouse`, `npm run screenshots`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build, serve } from '../../bench/lib/serve.mjs';
import { waitForApp } from './app-views.mjs';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** `--no-build`, `--dist DIR`, `--port N` from the command line, with the script's defaults. */
export function sessionOptions(argv, defaults) {
  const option = (name, fallback) => {
    const at = argv.indexOf(name);
    return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1] : fallback;
  };
  return {
    build: !argv.includes('--no-build'),
    dist: option('--dist', join(tmpdir(), defaults.dist)),
    port: Number(option('--port', defaults.port)),
  };
}

/**
 * Builds (unless told not to), serves, launches Chromium with a fresh profile and opens the app
 * until its service worker controls the page. `debuggingPort` also opens Chromium's DevTools port,
 * for a second client (Lighthouse) on the same browser. Resolves with the page and a `close`.
 */
export async function openAppSession({ build: shouldBuild, dist, port, debuggingPort, viewport, deviceScaleFactor }) {
  if (shouldBuild) build(dist);
  const server = await serve(dist, port);
  const profileDir = mkdtempSync(join(tmpdir(), 'localread-views-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: debuggingPort ? [...ARGS, `--remote-debugging-port=${debuggingPort}`] : ARGS,
      headless: true,
      viewport,
      deviceScaleFactor,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.origin);
    await waitForApp(page);
    const close = async () => {
      await context.close();
      server.stop();
      rmSync(profileDir, { recursive: true, force: true });
    };
    return { origin: server.origin, page, close };
  } catch (error) {
    await context?.close();
    server.stop();
    throw error;
  }
}
