// The soak's figures: what each scenario counts, and how it is printed.

export function emptyFigures(name) {
  return {
    name,
    startedAt: performance.now(),
    ms: 0,
    requests: 0,
    byStatus: {},
    fiveXX: 0,
    networkErrors: 0,
    notAzureShaped: 0,
    samples: [],
    jobs: { submitted: 0, refused: 0, succeeded: 0, failed: 0, deleted: 0, lost: 0, stuck: 0 },
    outcomes: {},
    lostJobs: [],
    notes: [],
    failures: [],
  };
}

/** Adds a page's counts (driver.mjs `takeStats`). */
export function addStats(figures, stats) {
  figures.requests += stats.requests;
  figures.fiveXX += stats.fiveXX;
  figures.networkErrors += stats.networkErrors;
  figures.notAzureShaped += stats.notAzureShaped;
  for (const [status, count] of Object.entries(stats.byStatus)) figures.byStatus[status] = (figures.byStatus[status] ?? 0) + count;
  figures.samples.push(...stats.samples.slice(0, 8 - figures.samples.length));
}

/** Adds job records (driver.mjs `submitAndFollow`, `followInPage`). */
export function addJobs(figures, records) {
  for (const record of records) {
    if (record.outcome === 'refused') {
      figures.jobs.refused += 1;
      const key = `refused ${record.status}${record.code ? ` ${record.code}` : ''}`;
      figures.outcomes[key] = (figures.outcomes[key] ?? 0) + 1;
      continue;
    }
    figures.jobs.submitted += 1;
    figures.jobs[record.outcome] += 1;
    if (record.stuck) figures.jobs.stuck += 1;
    if (record.outcome === 'lost') figures.lostJobs.push(`${record.name} ${record.id} (${record.code})`);
    const key = `${record.outcome}${record.code ? ` ${record.code}` : ''}`;
    figures.outcomes[key] = (figures.outcomes[key] ?? 0) + 1;
  }
}

const statusText = (byStatus) =>
  Object.entries(byStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ') || '-';

export function printFigures(f) {
  const j = f.jobs;
  console.log(`  time ${(f.ms / 1000).toFixed(1)} s; requests ${f.requests} (${statusText(f.byStatus)})`);
  console.log(`  5xx ${f.fiveXX}; network failures ${f.networkErrors}; error answers not in Azure's shape ${f.notAzureShaped}`);
  console.log(`  jobs submitted ${j.submitted} (refused ${j.refused}); ended ${j.succeeded + j.failed} (succeeded ${j.succeeded}, failed ${j.failed}); deleted ${j.deleted}; lost ${j.lost}; running past their deadline ${j.stuck}`);
  if (Object.keys(f.outcomes).length) console.log(`  outcomes: ${statusText(f.outcomes)}`);
  for (const note of f.notes) console.log(`  note: ${note}`);
  for (const lost of f.lostJobs.slice(0, 10)) console.log(`  lost: ${lost}`);
  for (const sample of f.samples) console.log(`  answer: ${JSON.stringify(sample)}`);
  for (const failure of f.failures) console.log(`  SCENARIO FAILED: ${failure}`);
}

export function printTotals(results, left) {
  const sum = (pick) => results.reduce((total, f) => total + pick(f), 0);
  console.log('\nTotals');
  console.log(`  time ${(sum((f) => f.ms) / 1000).toFixed(1)} s; requests ${sum((f) => f.requests)}; 5xx ${sum((f) => f.fiveXX)}; not Azure-shaped ${sum((f) => f.notAzureShaped)}; network failures ${sum((f) => f.networkErrors)}`);
  console.log(`  jobs submitted ${sum((f) => f.jobs.submitted)}; ended ${sum((f) => f.jobs.succeeded + f.jobs.failed)}; lost ${sum((f) => f.jobs.lost)}; running past their deadline ${sum((f) => f.jobs.stuck)}; still waiting or running at the end ${left.length}`);
  console.log(`  scenarios that failed to run: ${results.filter((f) => f.failures.length).length}`);
}

/** True when a figure that must be 0 is not. Network failures are reported, not judged. */
export function mustBeZero(results, left) {
  return results.some((f) => f.fiveXX || f.notAzureShaped || f.jobs.lost || f.jobs.stuck || f.failures.length) || left.length > 0;
}
