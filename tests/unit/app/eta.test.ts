import { describe, expect, it } from 'vitest';
import { advancePace, finishedPageMs, PageTimes, remainingMs, type Pace } from '../../../src/app/eta';

/** The pace after polls at the given times, each with pages done of `total` (or no progress yet). */
function paceAfter(total: number, polls: Array<[at: number, pagesDone: number | null]>): Pace {
  let pace: Pace | undefined;
  for (const [at, pagesDone] of polls) pace = advancePace(pace, pagesDone === null ? undefined : { pagesDone, pagesTotal: total }, at);
  return pace!;
}

describe('remainingMs', () => {
  it('knows nothing before the engine has counted the pages', () => {
    expect(remainingMs(paceAfter(3, [[0, null]]), 1_000, 5_000)).toBeNull();
  });

  it('before the first page, uses the tab’s average page time for every page, counting down', () => {
    const pace = paceAfter(3, [[0, 0]]);
    expect(remainingMs(pace, 0, 10_000)).toBe(30_000);
    expect(remainingMs(pace, 4_000, 10_000)).toBe(26_000);
  });

  it('before the first page and with no earlier document, has nothing to go on', () => {
    expect(remainingMs(paceAfter(3, [[0, 0]]), 1_000, null)).toBeNull();
  });

  it('once pages are done, goes by this document’s own pace, not the average', () => {
    const pace = paceAfter(4, [[0, 0], [500, 0], [8_000, 1], [16_000, 2]]);
    // 8 s a page, 2 pages to go, seen at the moment the second page was done.
    expect(remainingMs(pace, 16_000, 1_000)).toBe(16_000);
    // Between pages it counts down instead of slowing the pace.
    expect(remainingMs(pace, 20_000, 1_000)).toBe(12_000);
    // A page that takes longer than the pace says only "nearly done", never a negative time.
    expect(remainingMs(pace, 40_000, 1_000)).toBe(0);
  });

  it('times only the pages it saw done: a document first seen with a page done starts its pace there', () => {
    const pace = paceAfter(3, [[10_000, 1], [16_000, 2]]);
    expect(pace.pagesAtStart).toBe(1);
    expect(remainingMs(pace, 16_000, null)).toBe(6_000);
    // Before a page of its own was seen, the average (or nothing) is used.
    expect(remainingMs(paceAfter(3, [[10_000, 1]]), 10_000, null)).toBeNull();
  });

  it('says 0 when every page is done', () => {
    expect(remainingMs(paceAfter(2, [[0, 0], [1_000, 2]]), 1_000, null)).toBe(0);
  });
});

describe('finishedPageMs and PageTimes', () => {
  it('times a document seen from its first page, per page', () => {
    expect(finishedPageMs(paceAfter(3, [[1_000, 0], [4_000, 1]]), 10_000)).toBe(3_000);
  });

  it('does not time a document seen late, never seen running, or with no page count', () => {
    expect(finishedPageMs(paceAfter(3, [[1_000, 1]]), 10_000)).toBeNull();
    expect(finishedPageMs(undefined, 10_000)).toBeNull();
    expect(finishedPageMs(paceAfter(3, [[1_000, null]]), 10_000)).toBeNull();
  });

  it('averages the page times of the documents added, ignoring those not timed', () => {
    const times = new PageTimes();
    expect(times.averageMs).toBeNull();
    times.add(2_000);
    times.add(null);
    times.add(4_000);
    expect(times.averageMs).toBe(3_000);
  });
});
