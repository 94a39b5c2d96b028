// Per-document and per-category tables of accuracy (from ocr-score.mjs), speed, memory and what
// the engine did (diagnostics), and the ablation table.
import { pageTimes } from './diagnostics.mjs';

const f3 = (v) => (v === null || v === undefined || Number.isNaN(v) ? '-' : v.toFixed(3));
const f0 = (v) => (v === null || v === undefined || Number.isNaN(v) ? '-' : v.toFixed(0));
const f2 = (v) => (v === null || v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(2));

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const inCategory = (documents, category) => documents.filter((d) => category === 'OVERALL' || d.category === category);

/** Sums time and pages per category of the documents in `runs` (name -> {ms, pages, peakBytes}). */
function timing(documents, runs, category) {
  const docs = inCategory(documents, category);
  const ms = docs.reduce((sum, d) => sum + (runs.get(d.name)?.ms ?? 0), 0);
  const pages = docs.reduce((sum, d) => sum + (runs.get(d.name)?.pages ?? 0), 0);
  const peak = Math.max(0, ...docs.map((d) => runs.get(d.name)?.peakBytes ?? 0));
  return { msPerPage: pages ? ms / pages : NaN, pages, peak };
}

/**
 * Pages of a category that took the second engine, and time per page of those and of the others
 * (tesseract alone), from each document's wall time split by page (diagnostics.mjs pageTimes).
 */
function engineTiming(documents, runs, category) {
  const pages = inCategory(documents, category).flatMap((d) => pageTimes(runs.get(d.name)));
  const perPage = (list) => (list.length ? list.reduce((sum, p) => sum + p.ms, 0) / list.length : NaN);
  const second = pages.filter((p) => p.secondEngine);
  return { secondPages: second.length, msSecond: perPage(second), msTesseract: perPage(pages.filter((p) => !p.secondEngine)) };
}

/**
 * `ours` and `native` are ocr-score JSON outputs; `runs`/`nativeRuns` map a document name to its
 * timing. Returns the printable report.
 */
export function categoryReport(documents, ours, runs, native, nativeRuns) {
  const headers = ['category', 'docs', 'pages', 'CER', 'WER', 'lineF1', 'ms/page', 'pages/min', '2nd pages', 'ms/page 2nd', 'ms/page tess', 'peak MB'];
  if (native) headers.push('native CER', 'native ms/page', 'time ratio');
  const rows = Object.entries(ours.aggregates).map(([category, agg]) => {
    const t = timing(documents, runs, category);
    const e = engineTiming(documents, runs, category);
    const row = [category, agg.docs, agg.pages, f3(agg.cer), f3(agg.wer), f3(agg.det?.f1), f0(t.msPerPage), f0(60_000 / t.msPerPage)];
    row.push(e.secondPages, f0(e.msSecond), f0(e.msTesseract), f0(t.peak / 2 ** 20));
    if (native) {
      const n = timing(documents, nativeRuns, category);
      row.push(f3(native.aggregates[category]?.cer), f0(n.msPerPage), f2(t.msPerPage / n.msPerPage));
    }
    return row;
  });
  return table(headers, rows);
}

export function documentReport(documents, ours, runs) {
  const scored = new Map(ours.documents.map((row) => [row.name, row]));
  const rows = documents.map((d) => {
    const s = scored.get(d.name);
    const r = runs.get(d.name);
    const steps = r?.diagnostics.steps.join('+') || '-';
    const second = r?.diagnostics.secondEngine ? 'yes' : 'no';
    return [d.name, d.category, r?.pages ?? 0, f3(s?.cer), f3(s?.wer), f3(s?.det?.f1), f0(r && r.pages ? r.ms / r.pages : NaN), f0((r?.peakBytes ?? 0) / 2 ** 20), steps, second, r?.status ?? 'missing'];
  });
  return table(['document', 'category', 'pages', 'CER', 'WER', 'lineF1', 'ms/page', 'peak MB', 'steps', '2nd', 'status'], rows);
}

/** `cer` and how much it rose over `base`: positive means what the variant left out helps. */
function withDelta(cer, base) {
  if (cer === undefined || cer === null || base === undefined || base === null) return f3(cer);
  const delta = cer - base;
  return `${f3(cer)} (${delta >= 0 ? '+' : '-'}${Math.abs(delta).toFixed(3)})`;
}

/** Categories of the ablation: the hard ones first, any other re-read one, OVERALL last. */
function ablationRows(aggregates, first) {
  const names = Object.keys(aggregates).filter((c) => c !== 'OVERALL');
  const ordered = [...first.filter((c) => names.includes(c)), ...names.filter((c) => !first.includes(c)).sort()];
  return [...ordered, ...('OVERALL' in aggregates ? ['OVERALL'] : [])];
}

/**
 * CER per category with everything on, then without each step / the second engine, each with its
 * difference to everything on: `0.300 (+0.050)` = leaving it out costs 0.05, so it helps.
 */
export function ablationReport({ baseline, variants }, first) {
  const headers = ['category', 'docs', 'all on', ...variants.map((v) => v.label)];
  const rows = ablationRows(baseline.aggregates, first).map((category) => {
    const base = baseline.aggregates[category]?.cer;
    return [category, baseline.aggregates[category].docs, f3(base), ...variants.map((v) => withDelta(v.scores.aggregates[category]?.cer, base))];
  });
  return table(headers, rows);
}

/** The documents whose every page tesseract read alone in the corpus run (no second engine, no text layer). */
export function readByTesseractAlone(documents, runs) {
  return documents.filter((d) => {
    const run = runs.get(d.name);
    return run && run.pages > 0 && !run.diagnostics.secondEngine && (run.diagnostics.pages?.length ?? 0) > 0;
  });
}

/**
 * Time per page on the documents that tesseract alone read (no page took the second engine),
 * against native tesseract single-threaded on the same documents, with Debian's models and with
 * the app's own: the target of per-page speed is stated for exactly these pages.
 */
export function tesseractOnlyLine(documents, runs, nativeRuns, appNativeRuns) {
  const docs = readByTesseractAlone(documents, runs);
  const sum = (map) => docs.reduce((acc, d) => ({ ms: acc.ms + (map.get(d.name)?.ms ?? 0), pages: acc.pages + (map.get(d.name)?.pages ?? 0) }), { ms: 0, pages: 0 });
  const ours = sum(runs);
  const parts = [`Documents read by tesseract alone: ${docs.length}, ${ours.pages} pages, ${f0(ours.ms / ours.pages)} ms/page`];
  for (const [label, map] of [['native, Debian models', nativeRuns], ["native, the app's models", appNativeRuns]]) {
    if (!map) continue;
    const native = sum(map);
    parts.push(`${label} ${f0(native.ms / native.pages)} ms/page (ratio ${f2(ours.ms / ours.pages / (native.ms / native.pages))})`);
  }
  return parts.join('; ');
}
