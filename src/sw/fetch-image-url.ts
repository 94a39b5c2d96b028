/**
 * The `{"url": ...}` form of the analyze request (Read, as opposed to ReadInStream): the service
 * worker fetches the document itself. Every way the URL can fail, from a malformed body to an
 * answer that is not an image, is Azure's 400 `InvalidImageUrl`; only a malformed JSON body is
 * `InvalidRequest`, and only an image of the wrong size keeps `InvalidImageSize`.
 */
import { ReadApiError } from '../read-api/errors';
import { MAX_IMAGE_BYTES, validateUpload, type InputFormat } from '../read-api/formats';

/** How long a download may take before it counts as unreachable. */
export const DOWNLOAD_TIMEOUT_MS = 30_000;

export interface ImageUrlOptions {
  /** The app's origin: its URLs are looked up in Cache Storage first, so they work offline. */
  origin: string;
  /** Cache Storage lookup; the default searches every cache of the origin. */
  matchCache?: (url: URL) => Promise<Response | undefined>;
  timeoutMs?: number;
}

export interface DownloadedDocument {
  input: Uint8Array<ArrayBuffer>;
  format: InputFormat;
}

function invalidUrl(detail: string): ReadApiError {
  return new ReadApiError('InvalidImageUrl', `Image URL is badly formatted or unreachable: ${detail}`);
}

/**
 * The URL of a Read body, `{"url": "..."}` (the spec's `ImageUrl`: `url` required). Azure fetches
 * it from a server, so it must be absolute; a relative one would resolve against whichever host
 * the caller addressed, an Azure host included.
 */
export function parseImageUrlBody(body: string): URL {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new ReadApiError('InvalidRequest', 'The request body is not valid JSON; send {"url": "..."}.');
  }
  const value = typeof parsed === 'object' && parsed !== null ? (parsed as { url?: unknown }).url : undefined;
  if (typeof value !== 'string' || value.trim() === '') throw invalidUrl('the body has no "url" string.');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidUrl(`'${value}' is not an absolute URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidUrl('not an http(s) URL.');
  return url;
}

/**
 * Looks a URL up in every cache of the origin (the precache included). A URL without a query
 * ignores the query of cached entries, because Workbox keys files whose names carry no hash as
 * `name?__WB_REVISION__=...`.
 */
function matchOwnCaches(url: URL): Promise<Response | undefined> {
  if (typeof caches === 'undefined') return Promise.resolve(undefined);
  return caches.match(url.href, { ignoreSearch: url.search === '' });
}

async function download(url: URL, options: ImageUrlOptions): Promise<Response> {
  if (url.origin === options.origin) {
    const cached = await (options.matchCache ?? matchOwnCaches)(url);
    if (cached) return cached;
  }
  try {
    // No cookies: Azure's servers fetch the URL as an anonymous client, and so do we.
    return await fetch(url, {
      credentials: 'omit',
      signal: AbortSignal.timeout(options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS),
    });
  } catch {
    throw invalidUrl(
      `${url.href} could not be fetched (offline, unreachable, too slow, or another origin that does not allow CORS).`,
    );
  }
}

/** Fetches the document a Read body names and checks it the way an upload is checked. */
export async function fetchImageUrl(body: string, options: ImageUrlOptions): Promise<DownloadedDocument> {
  const url = parseImageUrlBody(body);
  const response = await download(url, options);
  if (!response.ok) throw invalidUrl(`${url.href} answered ${response.status}.`);
  const declared = Number(response.headers.get('Content-Length') ?? 0);
  if (declared > MAX_IMAGE_BYTES) {
    throw new ReadApiError('InvalidImageSize', 'The document at the URL is larger than 500 MB.');
  }
  let input: Uint8Array<ArrayBuffer>;
  try {
    input = new Uint8Array(await response.arrayBuffer());
  } catch {
    throw invalidUrl(`the download of ${url.href} broke off.`);
  }
  if (input.byteLength === 0) throw invalidUrl(`${url.href} answered an empty body, not an image.`);
  try {
    return { input, format: validateUpload(input) };
  } catch (reason) {
    // An answer that is not a document of ours (an HTML page, a GIF) is a bad URL, not a bad upload.
    if (reason instanceof ReadApiError && reason.code === 'InvalidImageFormat') {
      throw invalidUrl(`${url.href} did not answer an image (${reason.message})`);
    }
    throw reason;
  }
}
