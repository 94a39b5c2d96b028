/**
 * How long a document still needs: from the pace of its own pages once one is done, before that
 * from the average page time of the documents read earlier in this tab.
 */
import type { OperationProgress } from '../read-api/extensions';

/** What the page has seen of a running document, from its polls. */
export interface Pace {
  /** When it was first seen running. */
  startedAt: number;
  /** Pages already done when it was first seen running (a page can end between two polls). */
  pagesAtStart: number;
  pagesDone: number;
  /** Unknown until the engine has opened the document. */
  pagesTotal: number | null;
  /** When the last page was seen done (`startedAt` until then). */
  lastPageAt: number;
}

/** The pace after a poll that found the document running with `progress` (if the answer had it). */
export function advancePace(pace: Pace | undefined, progress: OperationProgress | undefined, now: number): Pace {
  const pagesDone = progress?.pagesDone ?? pace?.pagesDone ?? 0;
  const pagesTotal = progress?.pagesTotal ?? pace?.pagesTotal ?? null;
  if (!pace) return { startedAt: now, pagesAtStart: pagesDone, pagesDone, pagesTotal, lastPageAt: now };
  return { ...pace, pagesDone, pagesTotal, lastPageAt: pagesDone > pace.pagesDone ? now : pace.lastPageAt };
}

/** Milliseconds a page took on average since the document was first seen, or null before a page was seen done. */
function ownPageMs(pace: Pace): number | null {
  const pagesSeen = pace.pagesDone - pace.pagesAtStart;
  return pagesSeen > 0 ? (pace.lastPageAt - pace.startedAt) / pagesSeen : null;
}

/**
 * Milliseconds left at `now`, or null with nothing to go on (pages unknown, no page done and no
 * earlier document). Counts down between pages rather than slowing the pace while a page is read.
 */
export function remainingMs(pace: Pace, now: number, averagePageMs: number | null): number | null {
  if (pace.pagesTotal === null) return null;
  const pagesLeft = pace.pagesTotal - pace.pagesDone;
  if (pagesLeft <= 0) return 0;
  const pageMs = ownPageMs(pace) ?? averagePageMs;
  if (pageMs === null) return null;
  return Math.max(0, pageMs * pagesLeft - (now - pace.lastPageAt));
}

/**
 * The page time of a finished document, for the tab's average: null unless it was seen from its
 * first page (a pace that started late would count pages it did not time).
 */
export function finishedPageMs(pace: Pace | undefined, endedAt: number): number | null {
  if (!pace || pace.pagesAtStart > 0 || !pace.pagesTotal) return null;
  return (endedAt - pace.startedAt) / pace.pagesTotal;
}

/** The mean page time of the documents finished so far in this tab. */
export class PageTimes {
  #totalMs = 0;
  #documents = 0;

  add(pageMs: number | null): void {
    if (pageMs === null) return;
    this.#totalMs += pageMs;
    this.#documents += 1;
  }

  /** Null before the first document. */
  get averageMs(): number | null {
    return this.#documents > 0 ? this.#totalMs / this.#documents : null;
  }
}
