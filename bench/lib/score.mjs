// Scores a results folder with the corpus's ../tools/ocr-score.mjs and returns its JSON output.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

/** Scores `resultsDir` against `corpus`, only the documents `names` when given. */
export function score(corpus, resultsDir, jsonPath, names) {
  const scorer = resolve(corpus, '../tools/ocr-score.mjs');
  const onlyArgs = names ? ['--only', names.join(',')] : [];
  const run = spawnSync('node', [scorer, '--gt', corpus, '--results', resultsDir, '--json', jsonPath, '--quiet', ...onlyArgs], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error('ocr-score failed');
  return JSON.parse(readFileSync(jsonPath, 'utf8'));
}
