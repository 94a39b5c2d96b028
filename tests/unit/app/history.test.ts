import { describe, expect, it } from 'vitest';
import { liveOperations } from '../../../src/app/history';
import type { StoredOperationInfo } from '../../../src/read-api/extensions';

const HOUR = 3_600_000;

function operation(id: string, createdAt: number, windowMs = 24 * HOUR): StoredOperationInfo {
  return {
    id,
    status: 'succeeded',
    createdDateTime: new Date(createdAt).toISOString(),
    expirationDateTime: new Date(createdAt + windowMs).toISOString(),
    bytes: 10,
  };
}

describe('liveOperations', () => {
  it('lists the newest first', () => {
    const operations = [operation('old', 0), operation('new', 2 * HOUR), operation('mid', HOUR)];
    expect(liveOperations(operations, 3 * HOUR).map((each) => each.id)).toEqual(['new', 'mid', 'old']);
  });

  it('drops an operation the moment its window ends, before a sweep deletes it', () => {
    const operations = [operation('a', 0), operation('b', HOUR)];
    expect(liveOperations(operations, 24 * HOUR - 1).map((each) => each.id)).toEqual(['b', 'a']);
    expect(liveOperations(operations, 24 * HOUR).map((each) => each.id)).toEqual(['b']);
  });

  it('leaves the list it was given as it was', () => {
    const operations = [operation('old', 0), operation('new', HOUR)];
    liveOperations(operations, HOUR);
    expect(operations.map((each) => each.id)).toEqual(['old', 'new']);
  });
});
