/**
 * The files only some documents need (the other languages' models, the second engine's runtime
 * and models, pdf.js's fonts and character maps, the PDF export's font, the OCR cores other
 * browsers pick): two thirds of the app's bytes. Precaching them at install would keep the API
 * from answering until all of it is stored (7 s on a new profile on a fast machine, before any
 * page is read); so the install holds only what reading an English image needs, and these are
 * stored right after, while the first document is read, when a page asks (`CACHE_FOR_OFFLINE`).
 * Until then they come from the network; after, from their own cache, offline too.
 */
import type { RouteHandlerCallback, RouteMatchCallback } from 'workbox-core/types';
import { withIsolation } from './isolation';

export interface ManifestEntry {
  url: string;
  revision: string | null;
}

const CACHE_NAME = 'localread-offline-files-v1';

/** Paths (below the app's base) of the files that wait until after the install. */
const LATER = [
  /\/ppocr\//,
  /\/pdfjs\//,
  /\/tesseract\/lang\/(?!eng\.)/,
  /\/tesseract\/tesseract-core-(simd-)?lstm\.(js|wasm)$/,
  /\.ttf$/,
];

export function isLaterFile(url: string): boolean {
  const path = new URL(url, 'https://localread.invalid/').pathname;
  return LATER.some((pattern) => pattern.test(path));
}

/** The manifest's entries in two: those the install stores, and those stored after it. */
export function splitManifest(entries: ManifestEntry[]): { now: ManifestEntry[]; later: ManifestEntry[] } {
  return { now: entries.filter((entry) => !isLaterFile(entry.url)), later: entries.filter((entry) => isLaterFile(entry.url)) };
}

export class OfflineFiles {
  /** Absolute URL (no query) -> the key it is stored under (its revision in the query). */
  readonly #keys = new Map<string, string>();
  #filling: Promise<void> | undefined;

  constructor(entries: ManifestEntry[], base: string) {
    for (const { url, revision } of entries) {
      const absolute = new URL(url, base);
      const key = new URL(absolute);
      if (revision) key.searchParams.set('__revision', revision);
      this.#keys.set(absolute.href, key.href);
    }
  }

  /**
   * Stores every file not stored yet and deletes those of older versions; one run per worker
   * lifetime (a failed run is retried on the next ask). Rejects when a file fails to download.
   */
  fill(): Promise<void> {
    this.#filling ??= this.#fill().catch((error: unknown) => {
      this.#filling = undefined;
      throw error;
    });
    return this.#filling;
  }

  async #fill(): Promise<void> {
    const cache = await caches.open(CACHE_NAME);
    const wanted = new Set(this.#keys.values());
    const stored = new Set((await cache.keys()).map((request) => request.url));
    await Promise.all([...stored].filter((key) => !wanted.has(key)).map((key) => cache.delete(key)));
    for (const [url, key] of this.#keys) {
      if (stored.has(key)) continue;
      const response = await fetch(url, { cache: 'reload', credentials: 'same-origin' });
      if (!response.ok) throw new Error(`${new URL(url).pathname} answered ${response.status}`);
      await cache.put(key, response);
    }
  }

  /** Matches the requests for these files (whatever their query). */
  readonly matches: RouteMatchCallback = ({ url }) => this.#keys.has(url.origin + url.pathname);

  /** The stored file, or the network's while it is not stored yet; isolated like the precache's. */
  readonly handle: RouteHandlerCallback = async ({ request, url }) => {
    const key = this.#keys.get(url.origin + url.pathname);
    const stored = key ? await (await caches.open(CACHE_NAME)).match(key) : undefined;
    return withIsolation(stored ?? (await fetch(request)));
  };
}
