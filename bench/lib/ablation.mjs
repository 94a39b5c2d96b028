// Ablation: re-reads the hard documents once per variant, each variant leaving out one thing the
// main run did (a preparation step, or the second engine), and scores them, so each one's effect
// on each category shows. Each variant gets a fresh page: the engine takes `?skip=` from its URL
// when it starts, and only one app page is open at a time (the first engine holds the lock).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, setSecondEngine } from './browser.mjs';
import { readDocuments } from './read-documents.mjs';
import { score } from './score.mjs';

/** The categories the preparation steps and the second engine were made for. */
export const ABLATION_CATEGORIES = ['form', 'receipt', 'photo'];
/** PrepareStep in the order preparation applies them (src/engine/pipeline/prepare/prepare-page.ts). */
const STEP_ORDER = ['perspective', 'flatten', 'remove-rules', 'upscale-2x', 'upscale-3x'];

/** The documents to re-read: the hard categories, and any other one on which something was done. */
export function ablationDocuments(documents, runs) {
  return documents.filter((d) => {
    const diagnostics = runs.get(d.name)?.diagnostics;
    return ABLATION_CATEGORIES.includes(d.category) || diagnostics?.steps.length > 0 || diagnostics?.secondEngine;
  });
}

/**
 * One variant per step taken on at least one document, and one without the second engine when it
 * read any page (without it the variant would re-read the main run exactly).
 */
export function ablationVariants(documents, runs) {
  const taken = new Set(documents.flatMap((d) => runs.get(d.name)?.diagnostics?.steps ?? []));
  // Unknown steps (added to the engine since) still get a variant, after the known ones.
  const steps = [...STEP_ORDER.filter((s) => taken.has(s)), ...[...taken].filter((s) => !STEP_ORDER.includes(s))];
  const variants = steps.map((step) => ({ name: `skip-${step}`, label: `-${step}`, skip: [step] }));
  if (documents.some((d) => runs.get(d.name)?.diagnostics?.secondEngine)) {
    variants.push({ name: 'no-second-engine', label: '-2nd engine', secondEngine: false });
  }
  return variants;
}

/** Warns when a variant did not leave out what it should: its CER would mean nothing. */
function checkVariant(variant, runs) {
  for (const [name, run] of runs) {
    const leaked = variant.skip?.filter((s) => run.diagnostics.steps.includes(s)) ?? [];
    if (leaked.length) console.warn(`warning: ${variant.name}: ${name} still took ${leaked.join('+')}`);
    if (variant.secondEngine === false && run.diagnostics.secondEngine) console.warn(`warning: ${variant.name}: ${name} still took the second engine`);
  }
}

/** Reads `documents` in a fresh page with `variant` applied; restores the settings it changed. */
async function readVariant(context, origin, corpus, variant, documents, resultsDir) {
  const page = await openApp(context, origin, { skip: variant.skip });
  try {
    const before = variant.secondEngine === undefined ? undefined : await setSecondEngine(page, variant.secondEngine);
    try {
      return await readDocuments(page, corpus, documents, resultsDir, { label: `[${variant.name}] ` });
    } finally {
      if (before !== undefined) await setSecondEngine(page, before);
    }
  } finally {
    await page.close();
  }
}

/**
 * Runs every variant over `documents`; results in `<outDir>/<variant>/`, scores in
 * `<outDir>/<variant>.json`, and the main run's results rescored on the same documents as the
 * baseline. Returns { baseline, variants: [{ ...variant, scores, runs }] }.
 */
export async function runAblation({ context, origin, corpus, documents, variants, mainResults, outDir }) {
  const names = documents.map((d) => d.name);
  mkdirSync(outDir, { recursive: true });
  const baseline = score(corpus, mainResults, join(outDir, 'all-on.json'), names);
  const results = [];
  for (const variant of variants) {
    const resultsDir = join(outDir, variant.name);
    mkdirSync(resultsDir, { recursive: true });
    const started = Date.now();
    const runs = await readVariant(context, origin, corpus, variant, documents, resultsDir);
    console.log(`[${variant.name}] ${documents.length} document(s) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    checkVariant(variant, runs);
    results.push({ ...variant, runs, scores: score(corpus, resultsDir, join(outDir, `${variant.name}.json`), names) });
  }
  return { baseline, variants: results };
}
