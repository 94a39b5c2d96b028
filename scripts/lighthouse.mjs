// npm run lighthouse [-- --no-build] [--dist DIR] [--port N] [--min 95]
//
// Lighthouse's accessibility and best-practices scores of every view of the production build
// (scripts/lib/app-views.mjs), in Debian's Chromium, desktop settings. A view with a URL of its
// own is measured as a navigation (a load of that URL, with the service worker in control); then
// each view is driven into its state (the scan view with a result open) and measured as a
// snapshot of the page as it is. Prints a table and each audit that lost points; exits 1 when a
// score is under --min (default 95). The HTML report of the snapshots is written beside the build folder.
//
//   --no-build    measure the last build in --dist
//   --dist DIR    the build folder (default: $TMPDIR/localread-lighthouse-dist, outside the repository)
//   --port N      the port `vite preview` serves on (default 4394; DevTools listens on N + 1)
import { writeFileSync } from 'node:fs';
import { startFlow, desktopConfig } from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { APP_VIEWS } from './lib/app-views.mjs';
import { openAppSession, sessionOptions } from './lib/app-session.mjs';

const argv = process.argv.slice(2);
const options = sessionOptions(argv, { dist: 'localread-lighthouse-dist', port: 4394 });
const at = argv.indexOf('--min');
const MIN = at >= 0 ? Number(argv[at + 1]) : 95;
const CATEGORIES = ['accessibility', 'best-practices'];

const config = {
  extends: 'lighthouse:default',
  settings: {
    ...desktopConfig.settings,
    onlyCategories: CATEGORIES,
    // Scores here do not depend on speed; real timings keep a run short on a busy machine.
    throttlingMethod: 'provided',
    // The service worker, its 58 MB precache and the keys stay: clearing them would measure a first visit.
    disableStorageReset: true,
  },
};

/** The audits of a category that lost points, as `id (score)`. */
function lostPoints(lhr, category) {
  return lhr.categories[category].auditRefs
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
    .map((ref) => `${ref.id} (${lhr.audits[ref.id].score}): ${lhr.audits[ref.id].title}`);
}

const started = Date.now();
const debuggingPort = options.port + 1;
// No viewport from Playwright: Lighthouse's desktop emulation sets it.
const session = await openAppSession({ ...options, debuggingPort, viewport: null });
let failed = false;
try {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${debuggingPort}`, defaultViewport: null });
  const pages = await browser.pages();
  const target = pages.find((candidate) => candidate.url().startsWith(session.origin));
  if (!target) throw new Error('the app page is not among the DevTools targets');
  // Each load is measured in a tab of its own (same profile: the service worker controls it). In
  // the tab Playwright drives, and after a load that differs only in its hash (no new document),
  // Lighthouse sees no paint (NO_FCP).
  const loadSteps = [];
  for (const view of APP_VIEWS) {
    if (view.hash === null) continue;
    const tab = await browser.newPage();
    const loadFlow = await startFlow(tab, { config, name: `load ${view.hash}` });
    await loadFlow.navigate(`${session.origin}/${view.hash}`, { name: `load ${view.hash} (navigation)` });
    loadSteps.push(...(await loadFlow.createFlowResult()).steps);
    await tab.close();
  }
  const flow = await startFlow(target, { config, name: 'localread views' });
  for (const view of APP_VIEWS) {
    await session.page.goto(`${session.origin}/#/`);
    await view.open(session.page);
    await flow.snapshot({ name: `${view.title} (snapshot)` });
  }
  const result = { steps: [...loadSteps, ...(await flow.createFlowResult()).steps] };
  writeFileSync(`${options.dist}-report.html`, await flow.generateReport());
  await browser.disconnect();

  console.log(`\n${'view'.padEnd(44)}${CATEGORIES.map((category) => category.padStart(16)).join('')}`);
  const notes = [];
  for (const step of result.steps) {
    const scores = CATEGORIES.map((category) => Math.round((step.lhr.categories[category]?.score ?? 0) * 100));
    console.log(`${step.name.padEnd(44)}${scores.map((score) => String(score).padStart(16)).join('')}`);
    if (scores.some((score) => score < MIN)) failed = true;
    if (step.lhr.runtimeError) notes.push(`  ${step.name}: ${step.lhr.runtimeError.message}`);
    for (const category of CATEGORIES) for (const lost of lostPoints(step.lhr, category)) notes.push(`  ${step.name}, ${category}: ${lost}`);
  }
  if (notes.length > 0) console.log(`\nAudits that lost points:\n${notes.join('\n')}`);
  console.log(`\nReport: ${options.dist}-report.html; ${((Date.now() - started) / 1000).toFixed(0)} s in all.`);
  if (failed) console.log(`A score is under ${MIN}.`);
} finally {
  await session.close();
}
process.exit(failed ? 1 : 0);
