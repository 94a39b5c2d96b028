/**
 * The IndexedDB schema of the job store. One schema type drives every store's types; upgrades
 * have one case per version.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OperationStatus } from '../read-api/types';
import type { AnalyzeParams } from '../read-api/params';
import type { InputFormat } from '../read-api/formats';

/** AES-GCM output: the IV is stored beside the ciphertext it was used for. */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: ArrayBuffer;
}

export type KeyId = 'key1' | 'key2';

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
  keyId: KeyId;
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
  error?: { code: string; message: string };
  lease?: Lease;
  /** How many times an engine has claimed the job. */
  attempts: number;
  progress?: { pagesDone: number; pagesTotal: number };
  /** Bytes of its sealed payloads now (for the privacy page); absent on older records. */
  storedBytes?: number;
}

export type PayloadField = 'input' | 'result';

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
   * sealing and writing. Absent on keys created before it existed.
   */
  generation?: string;
}

export interface SettingsRecord {
  name: 'settings';
  /** How long a job is kept after it was created; never more than RETENTION_MS. */
  retentionMs: number;
  /** Answer requests to Azure's hosts (`*.cognitiveservices.azure.com`) on the device. */
  answerAzureHosts: boolean;
}

export type MetaRecord = ApiKeys | EncryptionKeyRecord | SettingsRecord;

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
const DB_VERSION = 1;

/** Opens (and creates or upgrades) the job database. */
export function openJobDb(name = DB_NAME): Promise<IDBPDatabase<JobDb>> {
  return openDB<JobDb>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const operations = db.createObjectStore('operations', { keyPath: 'id' });
        operations.createIndex('byStatusCreated', ['status', 'createdAt']);
        operations.createIndex('byCreatedAt', 'createdAt');
        db.createObjectStore('payloads', { keyPath: ['id', 'field'] });
        db.createObjectStore('meta', { keyPath: 'name' });
      }
    },
  });
}
