import { describe, expect, it } from 'vitest';
import { Slots } from '../../../src/engine/slots';

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Slots', () => {
  it('hands out up to its size at once, then makes callers wait for a release', async () => {
    const slots = new Slots(2);
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
    const slots = new Slots(1);
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
    const slots = new Slots(2);
    const release = await slots.acquire();
    await slots.acquire();
    release();
    release();
    expect(slots.taken).toBe(1);
  });

  it('lets an aborted waiter leave the queue without taking a slot', async () => {
    const slots = new Slots(1);
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
    await expect(new Slots(1).acquire(stop.signal)).rejects.toThrow('gone');
  });

  it('refuses a budget of no slots', () => {
    expect(() => new Slots(0)).toThrow(RangeError);
  });

  it('counts the slots free now, less those promised to waiters, and holds one for the length of a task', async () => {
    const slots = new Slots(2);
    expect(slots.free).toBe(2);
    let finish = () => undefined as void;
    const task = slots.holding(() => new Promise<string>((resolve) => (finish = () => resolve('done'))));
    await settled();
    expect(slots.free).toBe(1);
    const held = await slots.acquire();
    const waiting = slots.acquire();
    expect(slots.free).toBe(0);
    finish();
    expect(await task).toBe('done');
    (await waiting)();
    held();
    expect(slots.free).toBe(2);
    await expect(slots.holding(() => Promise.reject(new Error('failed')))).rejects.toThrow('failed');
    expect(slots.free).toBe(2);
  });
});
