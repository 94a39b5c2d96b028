// Per-category table of accuracy (from ocr-score.mjs), speed and memory.
const f3 = (v) => (v === null || v === undefined || Number.isNaN(v) ? '-' : v.toFixed(3));
const f0 = (v) => (v === null || v === undefined || Number.isNaN(v) ? '-' : v.toFixed(0));
const f2 = (v) => (v === null || v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(2));

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Sums time and pages per category of the documents in `runs` (name -> {ms, pages, peakBytes}). */
function timing(documents, runs, category) {
  const docs = documents.filter((d) => category === 'OVERALL' || d.category === category);
  const ms = docs.reduce((sum, d) => sum + (runs.get(d.name)?.ms ?? 0), 0);
  const pages = docs.reduce((sum, d) => sum + (runs.get(d.name)?.pages ?? 0), 0);
  const peak = Math.max(0, ...docs.map((d) => runs.get(d.name)?.peakBytes ?? 0));
  return { msPerPage: pages ? ms / pages : NaN, pages, peak };
}

/**
 * `ours` and `native` are ocr-score JSON outputs; `runs`/`nativeRuns` map a document name to its
 * timing. Returns the printable report.
 */
export function categoryReport(documents, ours, runs, native, nativeRuns) {
  const headers = ['category', 'docs', 'pages', 'CER', 'WER', 'lineF1', 'ms/page', 'pages/min', 'peak MB'];
  if (native) headers.push('native CER', 'native ms/page', 'time ratio');
  const rows = Object.entries(ours.aggregates).map(([category, agg]) => {
    const t = timing(documents, runs, category);
    const row = [category, agg.docs, agg.pages, f3(agg.cer), f3(agg.wer), f3(agg.det?.f1), f0(t.msPerPage), f0(60_000 / t.msPerPage), f0(t.peak / 2 ** 20)];
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
    return [d.name, d.category, r?.pages ?? 0, f3(s?.cer), f3(s?.wer), f3(s?.det?.f1), f0(r && r.pages ? r.ms / r.pages : NaN), f0((r?.peakBytes ?? 0) / 2 ** 20), r?.status ?? 'missing'];
  });
  return table(['document', 'category', 'pages', 'CER', 'WER', 'lineF1', 'ms/page', 'peak MB', 'status'], rows);
}
