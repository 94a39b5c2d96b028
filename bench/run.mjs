// npm run bench [-- CORPUS_DIR] [--no-build] [--only a,b] [--no-native] [--no-throughput]
//
// Runs a corpus through the real app in Chromium, over its HTTP API: builds and serves the app,
// reads every document one at a time (time per page, peak renderer memory), then all at once with
// the full pool and with one worker (throughput), saves each result JSON, scores them with
// ../shared/tools/ocr-score.mjs and prints a table per category. When the native `tesseract` CLI
// is installed, the same documents go through it (single-threaded) in the same run, for ratios.
import { mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { build, serve } from './lib/serve.mjs';
import { launch, openApp, readInPage } from './lib/browser.mjs';
import { memorySampler } from './lib/memory.mjs';
import { hasNativeTesseract, readNatively } from './lib/native.mjs';
import { categoryReport, documentReport } from './lib/report.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const corpus = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--only') ?? '../shared/corpus');
const only = option('--only')?.split(',');
const out = resolve('bench/out');
const scorer = resolve(corpus, '../tools/ocr-score.mjs');
const PORT = 4390;

const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8'));
const documents = manifest.documents
  .map((d) => ({ ...d, name: d.file.replace(/\.[^.]+$/, '') }))
  .filter((d) => !only || only.includes(d.name));

function score(resultsDir, jsonPath) {
  const onlyArgs = only ? ['--only', only.join(',')] : [];
  const run = spawnSync('node', [scorer, '--gt', corpus, '--results', resultsDir, '--json', jsonPath, '--quiet', ...onlyArgs], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error('ocr-score failed');
  return JSON.parse(readFileSync(jsonPath, 'utf8'));
}

async function readOneByOne(page, sampler, resultsDir) {
  const runs = new Map();
  for (const doc of documents) {
    const bytes = readFileSync(join(corpus, doc.file)).toString('base64');
    sampler.reset();
    const [{ body, ms }] = await readInPage(page, [bytes]);
    const pages = body.analyzeResult?.readResults.length ?? 0;
    runs.set(doc.name, { ms, pages, peakBytes: sampler.peak(), status: body.status ?? body.error?.code });
    writeFileSync(join(resultsDir, `${doc.name}.json`), JSON.stringify(body, null, 1));
    console.log(`${doc.name}: ${body.status ?? JSON.stringify(body)} ${pages} page(s) in ${ms.toFixed(0)} ms`);
  }
  return runs;
}

async function throughput(context, origin, pool) {
  const page = await openApp(context, origin, pool);
  const payload = documents.map((d) => readFileSync(join(corpus, d.file)).toString('base64'));
  const started = Date.now();
  // Polled every second, as Azure's documentation advises: 27 clients polling every 50 ms would
  // load the CPU the OCR needs.
  const answers = await readInPage(page, payload, 1000);
  const minutes = (Date.now() - started) / 60_000;
  await page.close();
  const pages = answers.reduce((sum, a) => sum + (a.body.analyzeResult?.readResults.length ?? 0), 0);
  return { pages, pagesPerMinute: pages / minutes };
}

function readAllNatively(resultsDir) {
  const runs = new Map();
  for (const doc of documents) {
    const { result, ms } = readNatively(join(corpus, doc.file), doc.format, doc.language ?? ['en']);
    runs.set(doc.name, { ms, pages: result.analyzeResult.readResults.length });
    writeFileSync(join(resultsDir, `${doc.name}.json`), JSON.stringify(result, null, 1));
  }
  return runs;
}

async function main() {
  rmSync(join(out, 'results'), { recursive: true, force: true });
  rmSync(join(out, 'native'), { recursive: true, force: true });
  mkdirSync(join(out, 'results'), { recursive: true });
  mkdirSync(join(out, 'native'), { recursive: true });
  if (!flag('--no-build')) build(join(out, 'dist'));
  const server = await serve(join(out, 'dist'), PORT);
  const { context, profileDir } = await launch();
  const sampler = memorySampler(profileDir);
  try {
    const page = await openApp(context, server.origin);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const runs = await readOneByOne(page, sampler, join(out, 'results'));
    await page.close();
    const ours = score(join(out, 'results'), join(out, 'scores.json'));
    let native = null;
    let nativeRuns = null;
    if (!flag('--no-native') && hasNativeTesseract()) {
      nativeRuns = readAllNatively(join(out, 'native'));
      native = score(join(out, 'native'), join(out, 'native-scores.json'));
    }
    console.log(`\nCorpus ${corpus}, ${documents.length} documents, Chromium with ${cores} cores; one document at a time:\n`);
    console.log(documentReport(documents, ours, runs));
    console.log('');
    console.log(categoryReport(documents, ours, runs, native, nativeRuns));
    if (!flag('--no-throughput')) {
      const full = await throughput(context, server.origin, cores);
      const single = await throughput(context, server.origin, 1);
      console.log(`\nAll documents at once: pool of ${cores}: ${full.pagesPerMinute.toFixed(1)} pages/min; pool of 1: ${single.pagesPerMinute.toFixed(1)} pages/min; speed-up ${(full.pagesPerMinute / single.pagesPerMinute).toFixed(2)}x`);
    }
    console.log(`\nResults: ${join(out, 'results')}; scores: ${join(out, 'scores.json')}`);
  } finally {
    sampler.stop();
    await context.close();
    server.stop();
  }
}

await main();
