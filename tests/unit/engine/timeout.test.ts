import { describe, expect, it } from 'vitest';
import { withTimeout } from '../../../src/engine/timeout';
import { ReadApiError } from '../../../src/read-api/errors';

const timeoutError = () => new ReadApiError('FailedToProcess', 'The OCR engine did not start in time.');

describe('withTimeout', () => {
  it('settles with the value of a promise that settles in time', async () => {
    await expect(withTimeout(Promise.resolve(42), 1_000, timeoutError)).resolves.toBe(42);
  });

  it('rejects with the error of a promise that rejects in time', async () => {
    const failure = new Error('load failed');
    await expect(withTimeout(Promise.reject(failure), 1_000, timeoutError)).rejects.toBe(failure);
  });

  it('rejects with our own error when a promise never settles', async () => {
    const never = new Promise<never>(() => {});
    await expect(withTimeout(never, 10, timeoutError)).rejects.toMatchObject({
      name: 'ReadApiError',
      code: 'FailedToProcess',
    });
  });

  it('builds the timeout error only when the time runs out', async () => {
    let built = 0;
    await withTimeout(Promise.resolve('ok'), 10, () => {
      built += 1;
      return timeoutError();
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(built).toBe(0);
  });
});
