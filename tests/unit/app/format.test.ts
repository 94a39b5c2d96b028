import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration } from '../../../src/app/format';

describe('formatDuration', () => {
  it.each([
    [24 * 3_600_000, '24 hours'],
    [3_600_000, '1 hour'],
    [90 * 60_000, '1 hour 30 minutes'],
    [60_000, '1 minute'],
    [10 * 60_000, '10 minutes'],
    [0, '0 seconds'],
  ])('%i ms reads "%s"', (ms, words) => expect(formatDuration(ms)).toBe(words));
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [23_359, '23.4 KB'],
    [1_200_000, '1.2 MB'],
  ])('%i bytes read "%s"', (bytes, words) => expect(formatBytes(bytes)).toBe(words));
});
