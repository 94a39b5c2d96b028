/** A job store on fake-indexeddb with a clock the test moves, and sample jobs and results. */
import type { IDBPDatabase } from 'idb';
import { openJobDb, type JobDb } from '../../../src/jobs/db';
import { JobStore, type NewJob } from '../../../src/jobs/job-store';
import type { Clock } from '../../../src/jobs/clock';
import type { AnalyzeResult } from '../../../src/read-api/types';
import { API_VERSION, LATEST_MODEL_VERSION } from '../../../src/read-api/types';
import { pngHeader } from './fixtures';

/** Time that moves only when told to. */
export class ManualClock {
  now = Date.UTC(2024, 0, 1);
  readonly read: Clock = () => this.now;

  advance(ms: number): void {
    this.now += ms;
  }
}

const opened: JobStore[] = [];

const rawDatabases: IDBPDatabase<JobDb>[] = [];

/**
 * A store over a database of its own, so tests never share state, and `db`, a raw connection to
 * the same database for looking at (or tampering with) what the store wrote: the store never
 * hands out its own.
 */
export async function openTestStore(
  clock = new ManualClock(),
  options: { retentionMs?: number; dbName?: string } = {},
): Promise<{ store: JobStore; db: IDBPDatabase<JobDb>; clock: ManualClock; dbName: string }> {
  const dbName = options.dbName ?? `localread-test-${crypto.randomUUID()}`;
  const store = await JobStore.open({ clock: clock.read, dbName, retentionMs: options.retentionMs });
  opened.push(store);
  return { store, db: await openTestDb(dbName), clock, dbName };
}

/** The job database alone, without a store, for the modules below the store (keys, sealing). */
export async function openTestDb(name = `localread-test-${crypto.randomUUID()}`): Promise<IDBPDatabase<JobDb>> {
  const db = await openJobDb(name);
  rawDatabases.push(db);
  return db;
}

/** Closes every store and database opened since the last call (for afterEach). */
export function closeTestStores(): void {
  for (const store of opened.splice(0)) store.close();
  for (const db of rawDatabases.splice(0)) db.close();
}

/** Text inside every sample input, to look for in raw records. */
export const INPUT_MARKER = 'PLAINTEXT-INPUT-7c41e9';
/** Text inside every sample result, to look for in raw records. */
export const RESULT_MARKER = 'PLAINTEXT-RESULT-2b88d0';

/** A new job whose input is a PNG header followed by INPUT_MARKER. */
export function newJob(overrides: Partial<NewJob> = {}): NewJob {
  const header = pngHeader(60, 60);
  const marker = new TextEncoder().encode(INPUT_MARKER);
  const input = new Uint8Array(header.length + marker.length);
  input.set(header);
  input.set(marker, header.length);
  return {
    id: crypto.randomUUID(),
    keyId: 'key1',
    params: { readingOrder: 'basic', modelVersion: 'latest' },
    format: 'png',
    input,
    ...overrides,
  };
}

/** A one-page result whose only word is `text`. */
export function sampleResult(text = RESULT_MARKER): AnalyzeResult {
  const box = [1, 2, 30, 2, 30, 12, 1, 12] as const;
  return {
    version: API_VERSION,
    modelVersion: LATEST_MODEL_VERSION,
    readResults: [
      {
        page: 1,
        angle: 0,
        width: 60,
        height: 60,
        unit: 'pixel',
        lines: [{ boundingBox: [...box], text, words: [{ boundingBox: [...box], text, confidence: 0.9 }] }],
      },
    ],
  };
}

/** True when `needle` occurs in `haystack`. */
export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    for (let i = 0; i < needle.length; i += 1) if (haystack[start + i] !== needle[i]) continue outer;
    return true;
  }
  return false;
}
