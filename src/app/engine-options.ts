/**
 * The engine's pool size: the browser's core count, unless the page URL says `?pool=N` (used by
 * the benchmark to measure how the pool scales).
 */
export function poolSizeFromUrl(): number | undefined {
  const value = Number(new URLSearchParams(location.search).get('pool'));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}
