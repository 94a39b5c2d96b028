// npm run soak [-- --quick] [--seed N] [--no-build] [--dist DIR] [--port N]
//
// Drives the production build in Debian's Chromium through its HTTP API, scenario by scenario,
// and prints per scenario: requests, answers by status, 5xx, network failures, jobs submitted /
// ended / lost, jobs left `running` past their deadline, error answers not in Azure's shape and
// the time taken. Exits 1 when a figure that must be 0 is not (5xx, lost, stuck, not Azure-shaped).
//
//   --quick       a short version (10 submissions, 100 fuzzed requests, ...)
//   --seed N      the random seed (printed; a run is repeated by its seed)
//   --no-build    serve the last build in --dist
//   --dist DIR    the build folder (default: $TMPDIR/localread-soak-dist, outside the repository)
//   --port N      the port `vite preview` serves on (default 4391)
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, serve } from '../bench/lib/serve.mjs';
import { launch, openApp } from '../bench/lib/browser.mjs';
import { random, mixedDocuments, hugeDocuments } from './lib/inputs.mjs';
import { fuzzRequests } from './lib/fuzz.mjs';
import {
  addDocs, followFuzzed, followInPage, installDriver, listOperations, runningBoundMs, sendFuzzed,
  submitAndFollow, submitAndWaitRunning, takeStats,
} from './lib/driver.mjs';
import { emptyFigures, addStats, addJobs, printFigures, printTotals, mustBeZero } from './lib/figures.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};

const QUICK = flag('--quick');
const SEED = Number(option('--seed', String(Math.floor(Math.random() * 2 ** 31))));
const DIST = option('--dist', join(tmpdir(), 'localread-soak-dist'));
const PORT = Number(option('--port', process.env.SOAK_PORT ?? '4391'));
const SIZES = QUICK
  ? { concurrent: 10, perTab: 3, swStop: 6, swStops: 2, fuzz: 100, giveUpMs: 10 * 60_000 }
  : { concurrent: 100, perTab: 10, swStop: 20, swStops: 5, fuzz: 1000, giveUpMs: 60 * 60_000 };
/** The scale of the page deadline on the page whose tesseract worker is killed (~15 s a page, 6 s more a megapixel): a killed worker costs one attempt, the retry reads the job. */
const KILL_DEADLINE_SCALE = 0.25;

const rng = random(SEED);
const mixed = mixedDocuments();
const huge = hugeDocuments();
const byName = Object.fromEntries([...mixed, ...huge].map((doc) => [doc.name, doc]));
const jobOf = (doc, scale = 1) => ({ name: doc.name, boundMs: runningBoundMs(doc, scale) });

/** Scenarios share one browser; `state.page` is the app page whose engine reads the jobs. */
const scenarios = [
  {
    name: `1. ${SIZES.concurrent} concurrent submissions, mixed formats`,
    async run({ state, figures }) {
      const jobs = Array.from({ length: SIZES.concurrent }, (_, i) => jobOf(mixed[i % mixed.length]));
      const records = await submitAndFollow(state.page, rng.shuffle(jobs), { giveUpMs: SIZES.giveUpMs, pollMs: QUICK ? 500 : 1000 });
      addJobs(figures, records);
      addStats(figures, await takeStats(state.page));
    },
  },
  {
    name: '2. two tabs submitting at once',
    async run({ context, origin, state, figures }) {
      const second = await openApp(context, origin);
      await installDriver(second, mixed);
      const jobs = () => Array.from({ length: SIZES.perTab }, () => jobOf(rng.pick(mixed)));
      const [a, b] = await Promise.all([
        submitAndFollow(state.page, jobs(), { giveUpMs: SIZES.giveUpMs }),
        submitAndFollow(second, jobs(), { giveUpMs: SIZES.giveUpMs }),
      ]);
      addJobs(figures, [...a, ...b]);
      addStats(figures, await takeStats(state.page));
      addStats(figures, await takeStats(second));
      await second.close();
    },
  },
  {
    name: '3. service worker stopped mid-request',
    async run({ context, state, figures }) {
      const cdp = await context.newCDPSession(state.page);
      await cdp.send('ServiceWorker.enable');
      const jobs = Array.from({ length: SIZES.swStop }, () => jobOf(rng.pick(mixed)));
      const running = submitAndFollow(state.page, jobs, { giveUpMs: SIZES.giveUpMs, spacingMs: 150, pollMs: 200 });
      for (let i = 0; i < SIZES.swStops; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 300 + rng.int(1500)));
        await cdp.send('ServiceWorker.stopAllWorkers');
        figures.notes.push(`stopped the service worker at ${Math.round(performance.now() - figures.startedAt)} ms`);
      }
      addJobs(figures, await running);
      addStats(figures, await takeStats(state.page));
      await cdp.detach();
    },
  },
  {
    name: "4. the engine's tab closed mid-job",
    async run({ context, origin, state, figures }) {
      const doc = byName['syn-3page.tif'];
      const job = await submitAndWaitRunning(state.page, doc.name);
      addStats(figures, await takeStats(state.page));
      const next = await openApp(context, origin);
      await installDriver(next, mixed);
      await state.page.close();
      const closedAt = Date.now();
      state.page = next;
      const record = await followInPage(next, job, { giveUpMs: SIZES.giveUpMs, pollMs: 500, boundMs: runningBoundMs(doc) });
      figures.notes.push(`the other tab's engine ended the job ${Math.round((Date.now() - closedAt) / 1000)} s after the close: ${record.outcome}`);
      addJobs(figures, [{ ...record, status: 202 }]);
      addStats(figures, await takeStats(next));
    },
  },
  {
    name: '5. a tesseract worker killed mid-page',
    async run({ context, origin, state, figures }) {
      // The engine of the first page holds the lock: close it, so the page with short deadlines reads.
      await state.page.close();
      const page = await context.newPage();
      await page.goto(`${origin}/?deadline=${KILL_DEADLINE_SCALE}`);
      await page.getByText('Choose images').waitFor({ timeout: 60_000 });
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      state.page = page;
      await installDriver(page, mixed);
      const doc = byName['syn-3page.tif'];
      const job = await submitAndWaitRunning(page, doc.name);
      await page.waitForTimeout(500);
      const killed = await killTesseractWorkers(context, page);
      figures.notes.push(`closed ${killed} tesseract worker(s) mid-page`);
      const record = await followInPage(page, job, { giveUpMs: SIZES.giveUpMs, pollMs: 500, boundMs: runningBoundMs(doc, KILL_DEADLINE_SCALE) });
      addJobs(figures, [{ ...record, status: 202 }]);
      addStats(figures, await takeStats(page));
      // Back to the usual deadlines for what follows.
      await page.goto(origin);
      await page.getByText('Choose images').waitFor({ timeout: 60_000 });
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await installDriver(page, mixed);
    },
  },
  {
    name: '6. a decoder pushed to its limits: 10000x10000 PNG, 14400 pt PDF page',
    async run({ state, figures }) {
      await addDocs(state.page, huge);
      for (const doc of huge) {
        const [record] = await submitAndFollow(state.page, [jobOf(doc)], { giveUpMs: SIZES.giveUpMs });
        figures.notes.push(`${doc.name}: ${record.outcome}${record.code ? ` (${record.code})` : ''} in ${Math.round(record.ms / 1000)} s`);
        addJobs(figures, [record]);
      }
      addStats(figures, await takeStats(state.page));
    },
  },
  {
    name: `7. ${SIZES.fuzz} fuzzed requests`,
    async run({ origin, state, figures }) {
      const known = (await listOperations(state.page)).map((operation) => operation.id);
      const requests = fuzzRequests(rng, SIZES.fuzz, origin, known.slice(-20));
      const { created, deletes } = await sendFuzzed(state.page, requests);
      const records = await followFuzzed(state.page, created, deletes, { giveUpMs: SIZES.giveUpMs, pollMs: 500, boundMs: runningBoundMs({ pages: 1, pixels: 1e6 }) });
      addJobs(figures, records.map((record) => ({ ...record, status: 202 })));
      addStats(figures, await takeStats(state.page));
      if (deletes.length) figures.notes.push(`"delete all operations" accepted ${deletes.length} time(s)`);
    },
  },
];

/**
 * Closes every tesseract.js worker nested in the page's engine worker. The worker targets are
 * found with CDP (`Target.getTargets`), then closed with `close()` evaluated in each
 * (Playwright lists nested dedicated workers and evaluates in them with `Runtime.evaluate`).
 */
async function killTesseractWorkers(context, page) {
  const cdp = await context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  await cdp.detach();
  const targets = targetInfos.filter((info) => info.type === 'worker' && info.url.includes('/tesseract/'));
  const workers = page.workers().filter((worker) => worker.url().includes('/tesseract/'));
  // close() ends the worker before the evaluation answers: do not wait for it.
  await Promise.all(workers.map((worker) => Promise.race([worker.evaluate('close()').catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1000))])));
  if (targets.length !== workers.length) console.log(`  (CDP lists ${targets.length} tesseract worker(s), Playwright ${workers.length})`);
  return workers.length;
}

async function main() {
  console.log(`soak: seed ${SEED}${QUICK ? ', quick' : ''}; build in ${DIST}, port ${PORT}`);
  if (!flag('--no-build')) build(DIST);
  const server = await serve(DIST, PORT);
  const { context } = await launch();
  const results = [];
  try {
    const state = { page: await openApp(context, server.origin) };
    await installDriver(state.page, mixed);
    for (const scenario of scenarios) {
      const figures = emptyFigures(scenario.name);
      console.log(`\n${scenario.name} ...`);
      try {
        await scenario.run({ context, origin: server.origin, state, figures });
      } catch (error) {
        figures.failures.push(String(error?.stack ?? error));
      }
      figures.ms = performance.now() - figures.startedAt;
      printFigures(figures);
      results.push(figures);
    }
    const left = (await listOperations(state.page)).filter((operation) => operation.status === 'running' || operation.status === 'notStarted');
    printTotals(results, left);
    process.exitCode = mustBeZero(results, left) ? 1 : 0;
  } finally {
    await context.close();
    server.stop();
  }
}

await main();
