/**
 * What we add to Azure's API: the extension fields of the GET answer, and the bodies of our
 * extension endpoints (under /localread/), which Azure does not have.
 */
import type { ErrorBody } from './errors';
import type { OperationStatus, ReadOperationResult } from './types';

/** How far a running job has got (the extension field `progress` of the GET answer). */
export interface OperationProgress {
  pagesDone: number;
  pagesTotal: number;
}

/** Why a job failed, in Azure's error shape (the extension field `error` of the GET answer). */
export type OperationError = ErrorBody['error'];

/**
 * `GET /vision/v3.2/read/analyzeResults/{id}` as we answer it: Azure's `ReadOperationResult` and
 * two extension fields, which every client ignores (the spec's definitions allow extra fields).
 */
export interface LocalReadOperationResult extends ReadOperationResult {
  /** While the job runs, once a page is done. */
  progress?: OperationProgress;
  /** When the job failed. */
  error?: OperationError;
}

/** `GET /localread/v1/keys`. */
export interface KeysInfo {
  /** The origin to use as the Azure endpoint. */
  endpoint: string;
  key1: string;
  key2: string;
}

/** `GET` and `PATCH /localread/v1/settings`: the user's settings (a PATCH body sends any subset). */
export interface SettingsInfo {
  /** Answer Read requests addressed to Azure's hosts on the device (default: true). */
  answerAzureHosts: boolean;
  /** How long an operation is kept after it was created, in ms (at most 24 h). */
  retentionMs: number;
  /**
   * Read hard pages (forms, receipts, photos) with a second OCR engine as well (default: true):
   * more accurate there, slower; off on slow devices. The engine reads it for each job.
   */
  secondEngine: boolean;
}

/** One stored operation as `GET /localread/v1/operations` lists it: metadata only, never content. */
export interface StoredOperationInfo {
  id: string;
  status: OperationStatus;
  createdDateTime: string;
  /** When it is deleted, whatever happens: createdDateTime + the retention window. */
  expirationDateTime: string;
  /** Bytes of its sealed input (until the job ends) or result. */
  bytes: number;
}

/** `GET /localread/v1/operations`, oldest first. */
export interface OperationsInfo {
  operations: StoredOperationInfo[];
}

/** `GET /localread/v1/storage`: what is stored now, after a sweep. */
export interface StorageInfo {
  /** Operations stored. */
  count: number;
  /** Bytes of their sealed payloads. */
  bytes: number;
  /** The soonest expiry, or null when nothing is stored. */
  oldestExpirationDateTime: string | null;
  /** The retention window in force, in ms. */
  retentionMs: number;
  /** The browser's estimate for the whole origin (app files included), when it gives one. */
  usage: number | null;
  quota: number | null;
  /** Whether the browser has made the origin's storage persistent, when it says. */
  persisted: boolean | null;
}

/** `DELETE /localread/v1/operations`: everything was deleted and the encryption key replaced. */
export interface DeletedAllInfo {
  deleted: number;
  keyReplaced: true;
}
