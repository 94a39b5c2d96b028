/**
 * Forwarding to Azure itself (extension): for each Azure host the user names, with the user's own
 * key for that resource, the service worker sends the requests addressed to that host on to it
 * instead of answering them here. The pure rules: which hosts may be named, which keys accepted,
 * how a stored key is shown, and how the key header is rewritten.
 */
import { ReadApiError } from './errors';
import { isAzureHost } from './azure-hosts';
import { KEY_HEADER } from './paths';

/** Extension: `GET` lists the forwarded hosts (keys masked). */
export const FORWARDING_PATH = '/localread/v1/forwarding';
/** Extension: `GET`, `PUT` (`{"key"}`), `DELETE` `{FORWARDING_PATH}/{host}`: one forwarded host. */
export const FORWARDING_HOST_PATH_PREFIX = `${FORWARDING_PATH}/`;

/** The field name bound into a stored key's ciphertext (with the host as its id; see SEALING). */
export const FORWARDING_KEY_FIELD = 'forwardingKey';

/** One forwarded host as the API shows it: the key is never answered in clear. */
export interface ForwardedHostInfo {
  host: string;
  /** The user's key for that resource, all but its last 4 characters hidden. */
  maskedKey: string;
  addedDateTime: string;
}

/** `GET /localread/v1/forwarding`, in the order the hosts were added. */
export interface ForwardingInfo {
  hosts: ForwardedHostInfo[];
}

/** The body of `PUT /localread/v1/forwarding/{host}`. */
export interface ForwardingKeyBody {
  key: string;
}

/** The host segment of a per-host path (lower-cased, not yet validated), or null when the path is not one. */
export function forwardingHostFromPath(pathname: string): string | null {
  if (!pathname.startsWith(FORWARDING_HOST_PATH_PREFIX)) return null;
  const segment = pathname.slice(FORWARDING_HOST_PATH_PREFIX.length);
  return segment.length > 0 && !segment.includes('/') ? segment.toLowerCase() : null;
}

/**
 * `host` when it is an Azure AI services host (`<resource>.cognitiveservices.azure.com` or
 * `<region>.api.cognitive.microsoft.com`, no port, no scheme); throws BadArgument otherwise, so
 * that forwarding can never send anything to a host that is not Azure's.
 */
export function validForwardingHost(host: string): string {
  const lower = host.toLowerCase();
  if (!isAzureHost(lower)) {
    throw new ReadApiError(
      'BadArgument',
      `Only an Azure host can be forwarded: <resource>.cognitiveservices.azure.com or <region>.api.cognitive.microsoft.com, not '${host}'.`,
    );
  }
  return lower;
}

/** Azure's keys are 32 hex characters (older resources) or 84 letters and digits. */
const KEY_PATTERN = /^[A-Za-z0-9]{16,128}$/;

/** The `key` of a PUT body when it looks like an Azure key; throws BadArgument otherwise. */
export function validForwardingKey(body: unknown): string {
  const key = typeof body === 'object' && body !== null && 'key' in body ? body.key : undefined;
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
    throw new ReadApiError('BadArgument', 'Send {"key": "..."}: your Azure resource key, 16 to 128 letters and digits.');
  }
  return key;
}

/** How a stored key is shown: its last 4 characters, the rest as dots. */
export function maskKey(key: string): string {
  return `${'•'.repeat(Math.max(0, key.length - 4))}${key.slice(-4)}`;
}

/**
 * The headers of a forwarded request: the caller's, exactly, except that the key header is set to
 * `replacementKey` when there is one (the caller sent one of our local keys); with null they go
 * as sent, another key or none included.
 */
export function forwardedHeaders(sent: Headers, replacementKey: string | null): Headers {
  const headers = new Headers(sent);
  if (replacementKey !== null) headers.set(KEY_HEADER, replacementKey);
  return headers;
}
