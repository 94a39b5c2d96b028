import { describe, expect, it } from 'vitest';
import { PageSlots } from '../../../src/engine/page-slots';

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('PageSlots', () => {
  it('hands out up to its size at once, then makes callers wait for a release', async () => {
    const slots = new PageSlots(2);
    const first = await slots.acquire();
    await slots.acquire();
    let third = false;
    const waiting = slots.acquire().then((release) => {
      third = true;
      return release;
    });
    await settled();
    expect(third).toBe(false);
    first();
    await waiting;
    expect(third).toBe(true);
    expect(slots.taken).toBe(2);
  });

  it('serves waiters first come, first served, and a freed slot cannot be taken by a newcomer', async () => {
    const slots = new PageSlots(1);
    const held = await slots.acquire();
    const order: string[] = [];
    const a = slots.acquire().then((release) => (order.push('a'), release));
    const b = slots.acquire().then((release) => (order.push('b'), release));
    held();
    const late = slots.acquire().then((release) => (order.push('late'), release));
    (await a)();
    (await b)();
    (await late)();
    expect(order).toEqual(['a', 'b', 'late']);
    expect(slots.taken).toBe(0);
  });

  it('ignores a second release of the same slot', async () => {
    const slots = new PageSlots(2);
    const release = await slots.acquire();
    await slots.acquire();
    release();
    release();
    expect(slots.taken).toBe(1);
  });

  it('lets an aborted waiter leave the queue without taking a slot', async () => {
    const slots = new PageSlots(1);
    const held = await slots.acquire();
    const stop = new AbortController();
    const waiting = slots.acquire(stop.signal);
    stop.abort(new Error('job deleted'));
    await expect(waiting).rejects.toThrow('job deleted');
    held();
    expect(slots.taken).toBe(0);
    await expect(slots.acquire()).resolves.toBeTypeOf('function');
  });

  it('rejects at once when the signal has already aborted', async () => {
    const stop = new AbortController();
    stop.abort(new Error('gone'));
    await expect(new PageSlots(1).acquire(stop.signal)).rejects.toThrow('gone');
  });

  it('refuses a budget of no slots', () => {
    expect(() => new PageSlots(0)).toThrow(RangeError);
  });
});
