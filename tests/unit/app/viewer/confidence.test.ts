import { describe, expect, it } from 'vitest';
import { describeWord, isLowConfidence, LOW_CONFIDENCE, percent } from '../../../../src/app/viewer/confidence';

describe('confidence', () => {
  it('marks words under the threshold only', () => {
    expect(isLowConfidence(LOW_CONFIDENCE - 0.01)).toBe(true);
    expect(isLowConfidence(LOW_CONFIDENCE)).toBe(false);
  });

  it('describes a word with its text and confidence', () => {
    expect(percent(0.934)).toBe('93%');
    expect(describeWord('quick', 0.95)).toBe('quick: 95% confidence');
    expect(describeWord('qu1ck', 0.42)).toBe('qu1ck: 42% confidence, low confidence');
  });
});
