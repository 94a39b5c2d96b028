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

/**
 * The user's settings, as `GET /localread/v1/settings` answers them (each field is documented
 * there); a record written before a setting existed lacks it and reads as its default.
 */
export interface SettingsRecord extends SettingsInfo {
  name: 'settings';
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
