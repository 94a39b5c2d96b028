// Reads corpus documents one at a time in an open app page, saving each result JSON; shared by
// the main run and the ablation variants.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnosticsOf, readInPage } from './browser.mjs';
import { summarise } from './diagnostics.mjs';

/**
 * Reads `documents` (manifest entries with `name`) from `corpus` one after the other, writing
 * `<name>.json` into `resultsDir`. Returns name -> {ms, pages, peakBytes, status, diagnostics};
 * `sampler` (memory.mjs) is optional: the ablation does not measure memory.
 */
export async function readDocuments(page, corpus, documents, resultsDir, { sampler = null, label = '' } = {}) {
  const runs = new Map();
  for (const doc of documents) {
    const bytes = readFileSync(join(corpus, doc.file)).toString('base64');
    sampler?.reset();
    const [{ body, ms, operationId }] = await readInPage(page, [bytes]);
    const pages = body.analyzeResult?.readResults.length ?? 0;
    const diagnostics = summarise(await diagnosticsOf(page, operationId, pages));
    runs.set(doc.name, { ms, pages, peakBytes: sampler?.peak() ?? 0, status: body.status ?? body.error?.code, diagnostics });
    writeFileSync(join(resultsDir, `${doc.name}.json`), JSON.stringify(body, null, 1));
    const how = `${diagnostics.steps.join('+') || 'no steps'}${diagnostics.secondEngine ? ', 2nd engine' : ''}`;
    console.log(`${label}${doc.name}: ${body.status ?? JSON.stringify(body)} ${pages} page(s) in ${ms.toFixed(0)} ms (${how})`);
  }
  return runs;
}
