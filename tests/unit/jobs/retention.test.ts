import { describe, expect, it } from 'vitest';
import { RETENTION_MS, isExpired } from '../../../src/jobs/retention';

describe('isExpired', () => {
  const created = Date.UTC(2024, 0, 1);

  it('keeps records for 24 hours, as Azure does', () => {
    expect(RETENTION_MS).toBe(24 * 60 * 60 * 1000);
    expect(isExpired(created, created + RETENTION_MS - 1)).toBe(false);
  });

  it('expires a record exactly at the end of the window', () => {
    expect(isExpired(created, created + RETENTION_MS)).toBe(true);
  });

  it('uses a shorter window when one is given', () => {
    expect(isExpired(created, created + 1_000, 1_000)).toBe(true);
    expect(isExpired(created, created + 999, 1_000)).toBe(false);
  });
});
