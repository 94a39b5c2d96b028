/**
 * The app's session: brings the service worker and the engine up, then holds the API client
 * and the scans. Components read it; only it talks to client/ and engine/.
 */
import { ReadClient } from '../client/read-client';
import { cacheForOffline, registerServiceWorker } from '../client/service-worker';
import { startEngine } from '../engine/host';
import { DATABASE_CHANNEL, JOB_DB_VERSION, type DatabaseNotice } from '../read-api/realm-messages';
import { Scans } from './scans.svelte';
import { PrivacyState } from './privacy.svelte';
import { appBaseUrl, serviceWorkerUrl } from './base-url';
import { engineOptionsFromUrl } from './engine-options';
import { consumeLaunches } from './launch-queue';
import { sharedScansFromHash } from '../read-api/shared-scans';

export type SessionState = 'starting' | 'ready' | 'unavailable';
/** Whether the app works with the network off: `preparing` while the rest of its files are stored. */
export type OfflineState = 'preparing' | 'ready' | 'failed';

/**
 * After this long still starting, the page says so and offers a reload, and goes on waiting: a
 * first visit downloads what reading an English image needs (about 12 MB) before it can answer.
 */
const SLOW_START_MS = 20_000;

/**
 * `?scanDeadline=F` multiplies the deadline after which a scan says the reader may be stuck, and
 * nothing else (`?deadline=F` also shortens the engine's page deadlines, which would end the job).
 */
function scanDeadlineScale(): number | undefined {
  const value = Number(new URLSearchParams(location.search).get('scanDeadline'));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

const YIELDED_MESSAGE = 'A newer version of localread has taken over its data. Reload this tab to go on.';
const BLOCKED_MESSAGE = 'Another tab holds localread’s data with an older version of the app. Close the other localread tabs, then retry.';

export class Session {
  state = $state<SessionState>('starting');
  problem = $state<string | null>(null);
  /** Set when start-up has taken longer than it should (it is still going on). */
  slow = $state(false);
  updateAvailable = $state<(() => void) | null>(null);
  offline = $state<OfflineState>('preparing');
  scans = $state.raw<Scans | null>(null);
  /** Also sweeps expired operations on load and on a timer while the page is open. */
  privacy = $state.raw<PrivacyState | null>(null);

  async start(): Promise<void> {
    const engineOptions = engineOptionsFromUrl(appBaseUrl());
    const scale = engineOptions.deadlineScale ?? 1;
    const slowTimer = setTimeout(() => (this.slow = true), SLOW_START_MS * scale);
    this.#listenToDatabase();
    try {
      const worker = await registerServiceWorker(serviceWorkerUrl(), { claimWaitMs: 5_000 * scale });
      worker.onUpdateAvailable((activate) => (this.updateAvailable = activate));
      // Not awaited: the reader works meanwhile, with the network.
      void cacheForOffline().then(
        () => (this.offline = 'ready'),
        () => (this.offline = 'failed'),
      );
      await startEngine(engineOptions);
      this.scans = new Scans(await ReadClient.connect(), { deadlineScale: scanDeadlineScale() ?? scale });
      this.#takeOpenedFiles(this.scans);
      this.privacy = new PrivacyState();
      void this.privacy.start();
      if (this.state === 'starting') this.state = 'ready';
    } catch (error) {
      this.#fail(error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(slowTimer);
      this.slow = false;
    }
  }

  /**
   * Files that came from elsewhere: shared to the app (the service worker stored them and named
   * their operations in the address, which is then cleared so a reload does not list them twice)
   * and opened with it (File Handling's launch queue).
   */
  #takeOpenedFiles(scans: Scans): void {
    const shared = sharedScansFromHash(location.hash);
    if (shared.length > 0) {
      history.replaceState(null, '', '#/');
      scans.addShared(shared);
    }
    consumeLaunches((files) => scans.add(files));
  }

  /** The way out of every problem: a fresh start of the whole page. */
  retry(): void {
    location.reload();
  }

  #fail(problem: string): void {
    this.problem = problem;
    this.state = 'unavailable';
  }

  /**
   * The job database's notices, for the life of the page: a realm of this tab that closed its
   * connection for a newer version cannot go on; an upgrade of this version held up by an older
   * tab waits on the user.
   */
  #listenToDatabase(): void {
    const channel = new BroadcastChannel(DATABASE_CHANNEL);
    channel.onmessage = (event: MessageEvent<DatabaseNotice>) => {
      const notice = event.data;
      if (notice.type === 'yielded' && (notice.newVersion === null || notice.newVersion > JOB_DB_VERSION)) this.#fail(YIELDED_MESSAGE);
      if (notice.type === 'blocked' && notice.version === JOB_DB_VERSION) this.#fail(BLOCKED_MESSAGE);
    };
  }
}
