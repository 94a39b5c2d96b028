import { describe, expect, it, vi } from 'vitest';
import { abortable, abortReason, throwIfAborted } from '../../../src/engine/abort';

describe('abortable', () => {
  it('settles with the promise when the signal does not abort', async () => {
    const onAbort = vi.fn();
    await expect(abortable(Promise.resolve(7), new AbortController().signal, onAbort)).resolves.toBe(7);
    expect(onAbort).not.toHaveBeenCalled();
  });

  it('rejects with the reason and stops the holder when the signal aborts first', async () => {
    const controller = new AbortController();
    const onAbort = vi.fn();
    const never = new Promise<number>(() => undefined);
    const racing = abortable(never, controller.signal, onAbort);
    controller.abort(new Error('deadline'));
    await expect(racing).rejects.toThrow('deadline');
    expect(onAbort).toHaveBeenCalledTimes(1);
  });

  it('rejects at once for a signal that has already aborted', async () => {
    const onAbort = vi.fn();
    await expect(abortable(Promise.resolve(1), AbortSignal.abort(new Error('gone')), onAbort)).rejects.toThrow('gone');
    expect(onAbort).toHaveBeenCalledTimes(1);
  });

  it('does not call onAbort once the promise has settled', async () => {
    const controller = new AbortController();
    const onAbort = vi.fn();
    await abortable(Promise.resolve(1), controller.signal, onAbort);
    controller.abort();
    expect(onAbort).not.toHaveBeenCalled();
  });
});

describe('abortReason and throwIfAborted', () => {
  it('gives an Error for a reason that is not one', () => {
    const controller = new AbortController();
    controller.abort('just a string');
    expect(abortReason(controller.signal)).toBeInstanceOf(Error);
    expect(() => throwIfAborted(controller.signal)).toThrow();
    expect(() => throwIfAborted(undefined)).not.toThrow();
  });
});
