// npm run bench [-- CORPUS_DIR] [--no-build] [--only a,b] [--no-native] [--no-throughput]
//                   [--ablation | --no-ablation] [--no-scenarios | --scenarios-only]
//                   [--scenario start,long-scan,born-digital]
//
// Runs a corpus through the real app in Chromium, over its HTTP API: builds and serves the app,
// reads every document one at a time (time per page, peak renderer memory), then all at once with
// the full pool and with one worker (throughput: all documents, then those tesseract reads
// alone), saves each result JSON, scores them with ../shared/tools/ocr-score.mjs and prints a
// table per category. When the native `tesseract` CLI is installed, the same documents go through
// it (single-threaded) in the same run, for ratios.
//
// The engine's diagnostics (BroadcastChannel 'localread-diagnostics') tell, per page, which
// preparation steps were taken and whether the second engine read it: the document table shows
// them (`steps`, `2nd`), the category table counts the second engine's pages and splits time per
// page between those and tesseract-only pages, and the second engine's backend is printed once.
//
//   --only a,b       read only these documents (file names without extension)
//   --no-build       serve the last build in bench/out/dist
//   --no-native      skip the native tesseract comparison
//   --no-throughput  skip the all-at-once runs
//   --whole-pages    read every page of the corpus run whole on one worker (`?parts=off`): what
//                    cutting a page into parts for all workers gains or costs
//   --ablation       (the default) after the main run, re-read the form, receipt and photo
//                    documents, and any other on which a step was taken or the second engine
//                    ran, once per variant, each in a fresh page: `?skip=<step>` for every step
//                    taken on some document, and the second engine switched off in the settings
//                    (restored after); results in bench/out/ablation/<variant>/, and a table of
//                    CER per category with each left out (positive difference = it helps)
//   --no-ablation    skip the ablation
//   --no-scenarios   skip the scenarios: start times (new profile, offline reload, memory at rest),
//                    a 200-page scanned PDF (memory curve) and a 300-page born-digital PDF
//                    (pages/s, against pdftotext -bbox), both built from corpus pages with pdf-lib
//   --scenarios-only only the scenarios (no corpus run)
//   --scenario a,b   only these scenarios (start, long-scan, born-digital; all by default), e.g.
//                    `--scenarios-only --scenario born-digital` to time the text-layer path alone
//
// BENCH_PORT moves the server off port 4390 (two benches at once on one machine).
import { mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, serve } from './lib/serve.mjs';
import { launch, openApp, readInPage } from './lib/browser.mjs';
import { memorySampler } from './lib/memory.mjs';
import { appModelsDir, hasNativeTesseract, readNatively } from './lib/native.mjs';
import { bornDigital, longScan, scenarioReport, startTimes } from './lib/scenarios.mjs';
import { readDocuments } from './lib/read-documents.mjs';
import { score } from './lib/score.mjs';
import { backendLine } from './lib/diagnostics.mjs';
import { ABLATION_CATEGORIES, ablationDocuments, ablationVariants, runAblation } from './lib/ablation.mjs';
import { ablationReport, categoryReport, documentReport, readByTesseractAlone, tesseractOnlyLine } from './lib/report.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const VALUED = ['--only', '--scenario'];
const corpus = resolve(args.find((a, i) => !a.startsWith('--') && !VALUED.includes(args[i - 1])) ?? '../shared/corpus');
const only = option('--only')?.split(',');
const out = resolve('bench/out');
const PORT = Number(process.env.BENCH_PORT ?? 4390);
const SCENARIOS = ['start', 'long-scan', 'born-digital'];
const chosenScenarios = option('--scenario')?.split(',') ?? SCENARIOS;
const unknownScenario = chosenScenarios.find((name) => !SCENARIOS.includes(name));
if (unknownScenario) throw new Error(`--scenario ${unknownScenario}: not one of ${SCENARIOS.join(', ')}`);

const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8'));
const documents = manifest.documents
  .map((d) => ({ ...d, name: d.file.replace(/\.[^.]+$/, '') }))
  .filter((d) => !only || only.includes(d.name));

// On by default: the steps and the second engine exist for these categories, and a change to
// either should show what it costs or gains there.
const ablation = !flag('--no-ablation');

async function throughput(context, origin, pool, docs) {
  const page = await openApp(context, origin, { pool });
  const payload = docs.map((d) => readFileSync(join(corpus, d.file)).toString('base64'));
  const started = Date.now();
  // Polled every second, as Azure's documentation advises: 27 clients polling every 50 ms would
  // load the CPU the OCR needs.
  const answers = await readInPage(page, payload, 1000);
  const minutes = (Date.now() - started) / 60_000;
  await page.close();
  const pages = answers.reduce((sum, a) => sum + (a.body.analyzeResult?.readResults.length ?? 0), 0);
  return { pages, pagesPerMinute: pages / minutes };
}

function readAllNatively(resultsDir, tessdataDir) {
  const runs = new Map();
  for (const doc of documents) {
    const { result, ms } = readNatively(join(corpus, doc.file), doc.format, doc.language ?? ['en'], tessdataDir);
    runs.set(doc.name, { ms, pages: result.analyzeResult.readResults.length });
    writeFileSync(join(resultsDir, `${doc.name}.json`), JSON.stringify(result, null, 1));
  }
  return runs;
}

/** Re-reads the hard documents without each step / the second engine and prints the table. */
async function ablate(context, origin, runs) {
  const docs = ablationDocuments(documents, runs);
  const variants = ablationVariants(docs, runs);
  if (docs.length === 0 || variants.length === 0) {
    console.log('\nAblation: nothing to leave out (no step taken, second engine unused on the documents read)');
    return;
  }
  console.log(`\nAblation: ${docs.length} document(s), variants ${variants.map((v) => v.name).join(', ')}`);
  const outDir = join(out, 'ablation');
  const result = await runAblation({ context, origin, corpus, documents: docs, variants, mainResults: join(out, 'results'), outDir });
  console.log(`\nAblation, CER (difference to all on; positive = what is left out helps); results in ${outDir}:\n`);
  console.log(ablationReport(result, ABLATION_CATEGORIES));
}

/**
 * The scenarios of bench/lib/scenarios.mjs chosen with --scenario, each in a fresh app page
 * (start times: a fresh browser).
 */
async function scenarios(context, origin, profileDir) {
  const chosen = (name) => chosenScenarios.includes(name);
  console.log(`\nScenarios: ${chosenScenarios.join(', ')}`);
  const start = chosen('start') ? await startTimes(origin, corpus) : null;
  const digital = chosen('born-digital') ? await bornDigital(context, origin, corpus) : null;
  const scan = chosen('long-scan') ? await longScan(context, origin, profileDir, corpus) : null;
  console.log(`\n${scenarioReport({ start, scan, digital })}`);
}

/** The corpus one document at a time, natively too, then the ablation and the throughput. */
async function corpusRun(context, origin, sampler) {
  const page = await openApp(context, origin, { wholePages: flag('--whole-pages') });
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const runs = await readDocuments(page, corpus, documents, join(out, 'results'), { sampler });
  // Closed before any other app page opens: its engine would keep the lock and read their jobs.
  await page.close();
  const ours = score(corpus, join(out, 'results'), join(out, 'scores.json'), only);
  let native = null;
  let nativeRuns = null;
  let appNativeRuns = null;
  if (!flag('--no-native') && hasNativeTesseract()) {
    nativeRuns = readAllNatively(join(out, 'native'));
    native = score(corpus, join(out, 'native'), join(out, 'native-scores.json'), only);
    mkdirSync(join(out, 'native-app-models'), { recursive: true });
    appNativeRuns = readAllNatively(join(out, 'native-app-models'), appModelsDir());
  }
  console.log(`\nCorpus ${corpus}, ${documents.length} documents, Chromium with ${cores} cores; one document at a time:\n`);
  console.log(documentReport(documents, ours, runs));
  console.log('');
  console.log(categoryReport(documents, ours, runs, native, nativeRuns));
  console.log(`\n${tesseractOnlyLine(documents, runs, nativeRuns, appNativeRuns)}`);
  console.log(`\n${backendLine(runs)}`);
  if (ablation) await ablate(context, origin, runs);
  if (!flag('--no-throughput')) {
    // The target is for the pages tesseract reads alone; the second engine's are measured
    // apart (all documents, as before, shows both together).
    const sets = [
      ['All documents at once', documents],
      ['The documents tesseract reads alone, at once', readByTesseractAlone(documents, runs)],
    ];
    for (const [label, docs] of sets) {
      if (docs.length === 0) continue;
      const full = await throughput(context, origin, cores, docs);
      const single = await throughput(context, origin, 1, docs);
      console.log(`\n${label} (${full.pages} pages): pool of ${cores}: ${full.pagesPerMinute.toFixed(1)} pages/min; pool of 1: ${single.pagesPerMinute.toFixed(1)} pages/min; speed-up ${(full.pagesPerMinute / single.pagesPerMinute).toFixed(2)}x (target 1.8x)`);
    }
  }
  console.log(`\nResults: ${join(out, 'results')}; scores: ${join(out, 'scores.json')}`);
}

async function main() {
  for (const dir of ['results', 'native', 'native-app-models', 'ablation']) rmSync(join(out, dir), { recursive: true, force: true });
  mkdirSync(join(out, 'results'), { recursive: true });
  mkdirSync(join(out, 'native'), { recursive: true });
  if (!flag('--no-build')) build(join(out, 'dist'));
  const server = await serve(join(out, 'dist'), PORT);
  const { context, profileDir } = await launch();
  const sampler = memorySampler(profileDir);
  try {
    if (!flag('--scenarios-only')) await corpusRun(context, server.origin, sampler);
    if (!flag('--no-scenarios')) await scenarios(context, server.origin, profileDir);
  } finally {
    sampler.stop();
    await context.close();
    server.stop();
  }
}

await main();
