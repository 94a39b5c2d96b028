/**
 * The IndexedDB schema of the job store. One schema type drives every store's types; upgrades
 * have one case per version.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OperationStatus } from '../read-api/types';
import type { AnalyzeParams } from '../read-api/params';
import type { InputFormat } from '../read-api/formats';
import type { OperationError, OperationProgress, SettingsInfo } from '../read-api/extensions';
import type { ApiKeyId } from '../read-api/paths';
import type { JobContract } from '../read-api/document-intelligence/job-options';
import { DATABASE_CHANNEL, JOB_DB_VERSION, type DatabaseNotice } from '../read-api/realm-messages';

/** AES-GCM output: the IV is stored beside the ciphertext it was used for. */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: ArrayBuffer;
}

export interface Lease {
  /** The engine instance that holds the job. */
  owner: string;
  /** Epoch ms after which another engine may take the job over. */
  until: number;
}

/** One read operation. Its input and result live in `payloads`, sealed. */
export interface JobRecord {
  id: string;
  /** The API key that submitted the job. */
  keyId: ApiKeyId;
  status: OperationStatus;
  /** Epoch ms. */
  createdAt: number;
  updatedAt: number;
  params: AnalyzeParams;
  format: InputFormat;
  /** Whether the sealed input is still stored (it is deleted when the job ends). */
  hasInput: boolean;
  /** Whether a sealed result is stored (succeeded jobs only). */
  hasResult: boolean;
  error?: OperationError;
  lease?: Lease;
  /** How many times an engine has claimed the job. */
  attempts: number;
  progress?: OperationProgress;
  /** Bytes of its sealed payloads now (for the privacy page). */
  storedBytes: number;
  /**
   * The API contract it was created with and how to answer it; absent on Read jobs (and on every
   * record written before Document Intelligence, so no upgrade step is needed).
   */
  contract?: JobContract;
}

/** `pdf`: the searchable PDF a Document Intelligence job asked for with `output=pdf`. */
export type PayloadField = 'input' | 'result' | 'pdf';

/**
 * Sealed bytes of a job, kept apart from the job record so that status polls never load
 * (and structured-clone) a large input or result.
 */
export interface PayloadRecord {
  id: string;
  field: PayloadField;
  sealed: Sealed;
}

export interface ApiKeys {
  name: 'apiKeys';
  key1: string;
  key2: string;
}

export interface EncryptionKeyRecord {
  name: 'encryptionKey';
  /** A non-extractable AES-GCM key: usable from every realm, never readable as bytes. */
  key: CryptoKey;
  /**
   * A random id of this key, so a realm can tell that the key changed (crypto-shredding) between
   * sealing and writing.
   */
  generation: string;
}

/**
 * The user's settings, as `GET /localread/v1/settings` answers them (each field is documented
 * there); a record written before a setting existed lacks it and reads as its default.
 */
export interface SettingsRecord extends SettingsInfo {
  name: 'settings';
}

/** One Azure host the user forwards requests to, with the user's key for it sealed (id: the host). */
export interface ForwardedHost {
  host: string;
  sealedKey: Sealed;
  /** Epoch ms. */
  addedAt: number;
}

/** The hosts forwarded to Azure (extension); absent or empty, nothing is forwarded. */
export interface ForwardingRecord {
  name: 'forwarding';
  hosts: ForwardedHost[];
}

export type MetaRecord = ApiKeys | EncryptionKeyRecord | SettingsRecord | ForwardingRecord;

export interface JobDb extends DBSchema {
  operations: {
    key: string;
    value: JobRecord;
    indexes: {
      /** Oldest first within a status: the claim order. */
      byStatusCreated: [OperationStatus, number];
      byCreatedAt: number;
    };
  };
  payloads: {
    key: [string, PayloadField];
    value: PayloadRecord;
  };
  meta: {
    key: MetaRecord['name'];
    value: MetaRecord;
  };
}

export const DB_NAME = 'localread';

/**
 * Why the job database cannot be opened: `blocked`, a connection of an older version (another
 * tab, not yet reloaded) holds it and does not close; `newer-version`, a newer version of the app
 * has upgraded it, so this tab's code is out of date. Both are cured by the user (close the other
 * tabs, reload), so the message says how.
 */
export class JobDbError extends Error {
  override readonly name = 'JobDbError';

  constructor(
    readonly code: 'blocked' | 'newer-version',
    message: string,
  ) {
    super(message);
  }
}

const BLOCKED_MESSAGE =
  'Another tab holds localread’s data with an older version of the app. Close the other localread tabs, then retry.';
const NEWER_VERSION_MESSAGE = 'A newer version of localread has updated its data. Reload this tab to use it.';

export interface OpenJobDbOptions {
  /** The schema version to open; JOB_DB_VERSION, except in tests that play a newer build. */
  version?: number;
  /** How long an upgrade may stay blocked before the open gives up (default 5 s). */
  blockedGraceMs?: number;
}

/**
 * A connection that closes while a transaction of its own runs still counts as open until the
 * transaction ends, and `blocked` fires meanwhile: so the open gives up only if it stays blocked.
 */
const BLOCKED_GRACE_MS = 5_000;

/**
 * Opens (and creates or upgrades) the job database. A connection closes as soon as a newer
 * version asks for the database, and says so on DATABASE_CHANNEL (this realm cannot go on: its
 * tab must reload). An upgrade held up by an older connection that does not close rejects with
 * `JobDbError` `blocked` rather than waiting for ever (the open is closed if it succeeds later).
 */
export function openJobDb(name = DB_NAME, options: OpenJobDbOptions = {}): Promise<IDBPDatabase<JobDb>> {
  const { version = JOB_DB_VERSION, blockedGraceMs = BLOCKED_GRACE_MS } = options;
  return new Promise((resolve, reject) => {
    let settled = false;
    let gaveUp = false;
    openDB<JobDb>(name, version, {
      upgrade: upgradeJobDb,
      blocked() {
        setTimeout(() => {
          if (settled) return;
          gaveUp = true;
          notify({ type: 'blocked', version });
          reject(new JobDbError('blocked', BLOCKED_MESSAGE));
        }, blockedGraceMs);
      },
      blocking(_currentVersion, newVersion, event) {
        // The raw connection: closing it lets the newer version open at once.
        (event.target as IDBDatabase).close();
        notify({ type: 'yielded', newVersion });
      },
    }).then(
      (db) => {
        settled = true;
        if (gaveUp) db.close();
        else resolve(db);
      },
      (error: unknown) => {
        settled = true;
        reject(error instanceof DOMException && error.name === 'VersionError' ? new JobDbError('newer-version', NEWER_VERSION_MESSAGE) : error);
      },
    );
  });
}

function upgradeJobDb(db: IDBPDatabase<JobDb>, oldVersion: number): void {
  if (oldVersion < 1) {
    const operations = db.createObjectStore('operations', { keyPath: 'id' });
    operations.createIndex('byStatusCreated', ['status', 'createdAt']);
    operations.createIndex('byCreatedAt', 'createdAt');
    db.createObjectStore('payloads', { keyPath: ['id', 'field'] });
    db.createObjectStore('meta', { keyPath: 'name' });
  }
}

/** Tells open pages (the realm itself may be a worker with no page of its own). */
function notify(notice: DatabaseNotice): void {
  const channel = new BroadcastChannel(DATABASE_CHANNEL);
  channel.postMessage(notice);
  channel.close();
}
