import { describe, expect, it } from 'vitest';
import { etaWords, expiryWords } from '../../../src/app/time-left';

describe('etaWords', () => {
  it.each([
    [40_000, 'about 40 s left'],
    [42_400, 'about 40 s left'],
    [13_000, 'about 15 s left'],
    [8_000, 'about 10 s left'],
    [3_000, 'a few seconds left'],
    [0, 'a few seconds left'],
    [58_000, 'about 1 min left'],
    [150_000, 'about 3 min left'],
    [3_600_000 + 20 * 60_000, 'about 1 h 20 min left'],
    [2 * 3_600_000, 'about 2 h left'],
  ])('%i ms reads "%s"', (ms, words) => expect(etaWords(ms)).toBe(words));
});

describe('expiryWords', () => {
  it.each([
    [24 * 3_600_000 - 5_000, 'expires in 23 h 59 min'],
    [3_600_000, 'expires in 1 h'],
    [59 * 60_000 + 59_999, 'expires in 59 min'],
    [60_000, 'expires in 1 min'],
    [42_900, 'expires in 42 s'],
    [0, 'expired'],
    [-1, 'expired'],
  ])('%i ms reads "%s"', (ms, words) => expect(expiryWords(ms)).toBe(words));
});
