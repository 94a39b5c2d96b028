/**
 * The engine's options from the page URL, for the benchmark and the tests: `?pool=N` sets the
 * pool size (default: the browser's core count), `?deadline=F` multiplies every page deadline
 * (a test shortens them to see a hang end in seconds), `?skip=flatten,remove-rules` leaves out
 * page-preparation steps (the benchmark measures each step's effect), `?parts=off` reads every
 * page whole on one worker (the benchmark measures what cutting pages into parts gains).
 */
import type { EngineOptions } from '../engine/host';

function positive(name: string): number | undefined {
  const value = Number(new URLSearchParams(location.search).get(name));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

export function engineOptionsFromUrl(baseUrl: string): EngineOptions {
  const pool = positive('pool');
  const deadlineScale = positive('deadline');
  const skip = new URLSearchParams(location.search).get('skip');
  return {
    baseUrl,
    ...(skip ? { skipSteps: skip.split(',') as NonNullable<EngineOptions['skipSteps']> } : {}),
    ...(pool && Number.isInteger(pool) ? { poolSize: pool } : {}),
    ...(deadlineScale ? { deadlineScale } : {}),
    ...(new URLSearchParams(location.search).get('parts') === 'off' ? { pageParts: false } : {}),
  };
}
