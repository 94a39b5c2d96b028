import { describe, expect, it } from 'vitest';
import {
  MAX_RETENTION_MS,
  MIN_RETENTION_MS,
  SEALING,
  additionalDataOf,
  clampRetentionMs,
  validRetentionMs,
} from '../../../src/read-api/privacy';
import { ReadApiError } from '../../../src/read-api/errors';

describe('privacy constants', () => {
  it('keep nothing longer than Azure: 24 hours', () => {
    expect(MAX_RETENTION_MS).toBe(24 * 60 * 60 * 1000);
    expect(MIN_RETENTION_MS).toBeLessThan(MAX_RETENTION_MS);
  });

  it('seal with AES-GCM-256, a 12-byte IV and the record id and field as additional data', () => {
    expect(SEALING).toMatchObject({ algorithm: 'AES-GCM', keyBits: 256, ivBytes: 12 });
    expect(additionalDataOf('abc', 'result')).toBe('localread:abc:result');
  });
});

describe('validRetentionMs', () => {
  it('accepts whole milliseconds from the minimum to 24 hours', () => {
    for (const ms of [MIN_RETENTION_MS, 3_600_000, MAX_RETENTION_MS]) expect(validRetentionMs(ms)).toBe(ms);
  });

  it.each([MAX_RETENTION_MS + 1, MIN_RETENTION_MS - 1, 0, -1, 1.5e6 + 0.5, Number.NaN, Infinity, '3600000', null, undefined])(
    'rejects %s with BadArgument, never extending the window',
    (value) => {
      let caught: unknown;
      try {
        validRetentionMs(value);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ReadApiError);
      expect((caught as ReadApiError).code).toBe('BadArgument');
      expect((caught as ReadApiError).status).toBe(400);
    },
  );
});

describe('clampRetentionMs', () => {
  it('brings any stored value back into the allowed range', () => {
    expect(clampRetentionMs(MAX_RETENTION_MS * 7)).toBe(MAX_RETENTION_MS);
    expect(clampRetentionMs(Infinity)).toBe(MAX_RETENTION_MS);
    expect(clampRetentionMs(5)).toBe(MIN_RETENTION_MS);
    expect(clampRetentionMs(-Infinity)).toBe(MIN_RETENTION_MS);
    expect(clampRetentionMs(3_600_000)).toBe(3_600_000);
  });

  it('reads a missing or malformed value as the 24-hour default', () => {
    for (const value of [undefined, null, 'forever', Number.NaN, {}]) expect(clampRetentionMs(value)).toBe(MAX_RETENTION_MS);
  });
});
