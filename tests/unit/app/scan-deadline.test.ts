import { describe, expect, it } from 'vitest';
import { lateMessage, latePollMs, SCAN_BASE_MS, SCAN_PER_PAGE_MS, scanDeadlineMs } from '../../../src/app/scan-deadline';

describe('scanDeadlineMs', () => {
  it('allows one page while the page count is unknown', () => {
    expect(scanDeadlineMs(undefined)).toBe(SCAN_BASE_MS + SCAN_PER_PAGE_MS);
    expect(scanDeadlineMs(0)).toBe(SCAN_BASE_MS + SCAN_PER_PAGE_MS);
  });

  it('grows with the pages, more than the engine needs to end a hanging A4 page', () => {
    expect(scanDeadlineMs(10)).toBe(SCAN_BASE_MS + 10 * SCAN_PER_PAGE_MS);
    expect(SCAN_PER_PAGE_MS).toBeGreaterThan(4.5 * 60_000);
  });

  it('scales, for tests', () => {
    expect(scanDeadlineMs(2, 0.001)).toBeCloseTo((SCAN_BASE_MS + 2 * SCAN_PER_PAGE_MS) / 1000);
  });
});

describe('latePollMs', () => {
  it('never polls a late scan more often than the usual interval', () => {
    expect(latePollMs()).toBe(30_000);
    expect(latePollMs(0.0001)).toBe(500);
  });
});

describe('lateMessage', () => {
  it('says how long, that the document is kept, and the way out', () => {
    expect(lateMessage(15 * 60_000)).toMatch(/^No result after 15 minutes: .*kept.*reloading the page restarts the reader\.$/);
    expect(lateMessage(1_000)).toMatch(/after 1 minute:/);
  });
});
