import { describe, expect, it } from 'vitest';
import { isQuotaExceeded, quotaExceededError } from '../../../src/jobs/quota';

describe('quota', () => {
  it('recognises QuotaExceededError on the failed request or on its transaction', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaExceeded(quota)).toBe(true);
    expect(isQuotaExceeded(new DOMException('aborted', 'AbortError'), quota)).toBe(true);
    expect(isQuotaExceeded(new DOMException('aborted', 'AbortError'), null)).toBe(false);
    expect(isQuotaExceeded(new Error('other'))).toBe(false);
    expect(isQuotaExceeded(null)).toBe(false);
  });

  it('becomes Azure\'s 429 in Azure\'s shape: a 4xx, so SDKs do not retry it for minutes', () => {
    const error = quotaExceededError();
    expect(error.status).toBe(429);
    expect(error.toBody()).toEqual({ error: { code: '429', message: expect.stringContaining('Storage on this device is full') } });
  });
});
