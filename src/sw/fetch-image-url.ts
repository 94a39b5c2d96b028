/** The `{"url": ...}` form of the analyze request: the service worker fetches the document. */
import { ReadApiError } from '../read-api/errors';

function invalidUrl(detail: string): ReadApiError {
  return new ReadApiError('InvalidImageUrl', `Image URL is badly formatted or unreachable: ${detail}`);
}

/** Parses the JSON body, fetches the URL it names and returns the bytes. */
export async function fetchImageUrl(body: string, base: string): Promise<Uint8Array<ArrayBuffer>> {
  let url: URL;
  try {
    const parsed: unknown = JSON.parse(body);
    const value = (parsed as { url?: unknown } | null)?.url;
    if (typeof value !== 'string') throw new Error('no url');
    url = new URL(value, base);
  } catch {
    throw new ReadApiError('InvalidRequest', 'The body must be JSON of the form {"url": "..."}.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidUrl('not an http(s) URL.');
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'omit' });
  } catch {
    throw invalidUrl('the request failed.');
  }
  if (!response.ok) throw invalidUrl(`the server answered ${response.status}.`);
  return new Uint8Array(await response.arrayBuffer());
}
