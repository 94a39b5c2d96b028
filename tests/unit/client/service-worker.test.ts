import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** What the mocked workbox-window answers `register()` with; set per test. */
const workbox = vi.hoisted(() => ({ register: async (): Promise<unknown> => undefined }));

vi.mock('workbox-window', () => ({
  Workbox: class {
    addEventListener(): void {}
    messageSkipWaiting(): void {}
    register(): Promise<unknown> {
      return workbox.register();
    }
  },
}));

const { registerServiceWorker, StartupError } = await import('../../../src/client/service-worker');

/** A ServiceWorker stand-in: an event target with a state. */
class FakeWorker extends EventTarget {
  readonly postMessage = vi.fn();

  constructor(public state: ServiceWorkerState) {
    super();
  }

  becomes(state: ServiceWorkerState): void {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget {
  active: FakeWorker | null = null;
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
}

class FakeContainer extends EventTarget {
  controller: FakeWorker | null = null;

  claimedBy(worker: FakeWorker): void {
    this.controller = worker;
    this.dispatchEvent(new Event('controllerchange'));
  }
}

let container: FakeContainer;
let registration: FakeRegistration;
let storage: Map<string, string>;
let reload: ReturnType<typeof vi.fn>;

beforeEach(() => {
  container = new FakeContainer();
  registration = new FakeRegistration();
  storage = new Map();
  reload = vi.fn();
  workbox.register = async () => registration;
  vi.stubGlobal('navigator', { serviceWorker: container });
  vi.stubGlobal('location', { reload });
  vi.stubGlobal('sessionStorage', {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => void storage.set(key, value),
    removeItem: (key: string) => void storage.delete(key),
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Lets the registration's promise chain run (register() resolves, listeners attach). */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('registerServiceWorker', () => {
  it('resolves when the first install claims the page', async () => {
    const worker = new FakeWorker('installing');
    registration.installing = worker;
    const started = registerServiceWorker('/sw.js');
    await Promise.resolve();
    registration.installing = null;
    registration.active = worker;
    worker.becomes('activated');
    container.claimedBy(worker);
    await expect(started).resolves.toBeDefined();
  });

  it('asks an active worker to claim a page loaded by a hard reload, without reloading', async () => {
    const active = new FakeWorker('activated');
    registration.active = active;
    active.postMessage.mockImplementation(() => container.claimedBy(active));
    await registerServiceWorker('/sw.js');
    expect(active.postMessage).toHaveBeenCalledWith({ type: 'CLAIM_CLIENTS' });
    expect(reload).not.toHaveBeenCalled();
  });

  it('reloads once when the claim does not come, then gives up with not-controlled', async () => {
    vi.useFakeTimers();
    registration.active = new FakeWorker('activated');
    void registerServiceWorker('/sw.js', { claimWaitMs: 1_000 });
    await settle();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(reload).toHaveBeenCalledOnce();

    // The reloaded page: the guard is set, so it says what is wrong instead of reloading again.
    const again = registerServiceWorker('/sw.js', { claimWaitMs: 1_000 }).catch((reason: unknown) => reason);
    await settle();
    await vi.advanceTimersByTimeAsync(1_000);
    const error = await again;
    expect(error).toBeInstanceOf(StartupError);
    expect(error).toMatchObject({ name: 'StartupError', code: 'not-controlled' });
    expect(reload).toHaveBeenCalledOnce();
  });

  it('clears the reload guard once controlled, so a later hard reload may reload again', async () => {
    storage.set('localread:reloaded-for-control', '1');
    const active = new FakeWorker('activated');
    registration.active = active;
    active.postMessage.mockImplementation(() => container.claimedBy(active));
    await registerServiceWorker('/sw.js');
    expect(storage.size).toBe(0);
  });

  it('rejects with install-failed when the first install becomes redundant', async () => {
    const worker = new FakeWorker('installing');
    registration.installing = worker;
    const started = registerServiceWorker('/sw.js');
    await Promise.resolve();
    registration.installing = null;
    worker.becomes('redundant');
    await expect(started).rejects.toMatchObject({ name: 'StartupError', code: 'install-failed', message: expect.stringMatching(/retry/) });
  });

  it('rejects with install-failed when the install failed before it looked', async () => {
    await expect(registerServiceWorker('/sw.js')).rejects.toMatchObject({ code: 'install-failed' });
  });

  it('does not fail start-up when an update fails while a worker is active', async () => {
    vi.useFakeTimers();
    const active = new FakeWorker('activated');
    const update = new FakeWorker('installing');
    registration.active = active;
    registration.installing = update;
    container.controller = active;
    const started = registerServiceWorker('/sw.js');
    registration.installing = null;
    update.becomes('redundant');
    await expect(started).resolves.toBeDefined();
  });

  it('rejects with install-failed when the script cannot be registered', async () => {
    workbox.register = async () => {
      throw new TypeError('Failed to register a ServiceWorker: A bad HTTP response code (404)');
    };
    await expect(registerServiceWorker('/sw.js')).rejects.toMatchObject({ code: 'install-failed', message: expect.stringMatching(/404/) });
  });

  it('rejects with no-service-worker when the browser has none', async () => {
    vi.stubGlobal('navigator', {});
    await expect(registerServiceWorker('/sw.js')).rejects.toMatchObject({ code: 'no-service-worker' });
  });
});
