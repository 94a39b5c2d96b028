/**
 * Messages between the realms that are not the HTTP API: the page's commands to its service
 * worker, and the job database's notices to open pages. Each is a discriminated union used on
 * both ends.
 */

/**
 * What a page posts to a service worker. `SKIP_WAITING` is workbox-window's update consent;
 * `CLAIM_CLIENTS` asks the active worker to control pages it does not control (a hard reload,
 * Shift+Reload, loads a page that bypasses the worker, and `activate` has already run);
 * `CACHE_FOR_OFFLINE` asks it to store the files the install left for later (sw/offline-files.ts),
 * and is answered on the message's port with an `OfflineFilesReply`.
 */
export type ServiceWorkerCommand = { type: 'SKIP_WAITING' } | { type: 'CLAIM_CLIENTS' } | { type: 'CACHE_FOR_OFFLINE' };

export type OfflineFilesReply = { type: 'OFFLINE_READY' } | { type: 'OFFLINE_FAILED'; message: string };

/**
 * The version of the job database's schema this build reads and writes (`jobs/db.ts` opens it);
 * here so that a page can tell whether a notice about an upgrade concerns it.
 */
export const JOB_DB_VERSION = 1;

/** The BroadcastChannel on which the job database's connections tell pages about upgrades. */
export const DATABASE_CHANNEL = 'localread-database';

/**
 * `yielded`: a connection in some realm closed for a newer version of the database, so that
 * realm (an engine, a service worker) of this tab's version can no longer work: reload.
 * `blocked`: this version's upgrade waits for a connection of an older version (another tab)
 * that does not close: close the other tabs.
 */
export type DatabaseNotice =
  /** `newVersion` is null when the database is being deleted. */
  | { type: 'yielded'; newVersion: number | null }
  | { type: 'blocked'; version: number };
