/** Pure changes of a job record: the states a job ends in. */
import { ReadApiError } from '../read-api/errors';
import type { JobRecord } from './db';

/** A job that gives up after this many claims (each a crash or a lost lease) fails for good. */
export const MAX_ATTEMPTS = 3;

export function stripLease(record: JobRecord): JobRecord {
  const copy = { ...record };
  delete copy.lease;
  return copy;
}

/** The record of a job that ended in `error`: no lease, no input, no result. */
export function failedRecord(record: JobRecord, now: number, error: ReadApiError): JobRecord {
  return {
    ...stripLease(record),
    status: 'failed',
    updatedAt: now,
    hasInput: false,
    hasResult: false,
    storedBytes: 0,
    error: { code: error.code, message: error.message },
  };
}

/** The error of a job that an engine claimed MAX_ATTEMPTS times without finishing it. */
export function abandonedError(): ReadApiError {
  return new ReadApiError(
    'FailedToProcess',
    `The document could not be processed: the engine stopped ${MAX_ATTEMPTS} times while reading it.`,
  );
}
