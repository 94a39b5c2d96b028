// What the engine reported about each page of a document (src/engine/diagnostics.ts), summed up
// per document: steps taken, second engine, its backend, and the document's time split by page.

/** Summary of one document's page reports (as returned by diagnosticsOf). */
export function summarise(reports) {
  return {
    // First-taken order: each page lists its steps in the order they were applied.
    steps: [...new Set(reports.flatMap((r) => r.steps))],
    secondEngine: reports.some((r) => r.engines.secondEngine),
    secondPages: reports.filter((r) => r.engines.secondEngine).length,
    backends: [...new Set(reports.map((r) => r.backend).filter(Boolean))],
    pages: reports.map((r) => ({ page: r.page, ms: r.ms, secondEngine: r.engines.secondEngine })),
  };
}

/**
 * The document's wall time (`run.ms`, POST to end) split among its read pages in proportion to
 * each page's own time: pages are read in parallel, so their own times add up to more than the
 * wall time, and the wall time is what a caller waits. Pages that were not read (a text layer)
 * report nothing and get no share.
 */
export function pageTimes(run) {
  const pages = run?.diagnostics?.pages ?? [];
  const total = pages.reduce((sum, p) => sum + p.ms, 0);
  return pages.map((p) => ({ secondEngine: p.secondEngine, ms: total > 0 ? (run.ms * p.ms) / total : run.ms / pages.length }));
}

/** The second engine's backend(s) over all runs, for the one line that names it. */
export function backendLine(runs) {
  const backends = new Set([...runs.values()].flatMap((r) => r.diagnostics?.backends ?? []));
  if (backends.size === 0) return 'second engine backend: - (it read no page)';
  return `second engine backend: ${[...backends].join(', ')}`;
}
