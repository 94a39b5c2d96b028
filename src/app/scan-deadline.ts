/**
 * How long the page follows a scan before it says the reader may be stuck: generous, scaled to
 * the document. The engine has deadlines of its own (a page deadline, three attempts) that end a
 * hanging job; this one covers what they cannot: no engine running, or an API that stops
 * answering. It only changes what the scan shows: the operation is kept and still followed.
 */

/** Before any page is read (queued behind other documents, the OCR runtime starting). */
export const SCAN_BASE_MS = 10 * 60_000;
/** Per page: more than the engine's page deadline for a 300 dpi A4 page (about 4.5 minutes). */
export const SCAN_PER_PAGE_MS = 5 * 60_000;
/** How often a scan past its deadline is checked again (it may still end). */
export const LATE_POLL_MS = 30_000;

/**
 * The time from submission after which a scan of `pagesTotal` pages (1 while unknown) is late;
 * `scale` multiplies it (tests shorten it, like the engine's `?deadline=`).
 */
export function scanDeadlineMs(pagesTotal: number | undefined, scale = 1): number {
  return (SCAN_BASE_MS + Math.max(1, pagesTotal ?? 1) * SCAN_PER_PAGE_MS) * scale;
}

/** How often a late scan is polled, never more often than the usual interval of 500 ms. */
export function latePollMs(scale = 1): number {
  return Math.max(500, LATE_POLL_MS * scale);
}

/** What a late scan says, with the way out. */
export function lateMessage(elapsedMs: number): string {
  const minutes = Math.max(1, Math.round(elapsedMs / 60_000));
  return `No result after ${minutes} minute${minutes === 1 ? '' : 's'}: the reader may be stuck. The document is kept and still checked; reloading the page restarts the reader.`;
}
