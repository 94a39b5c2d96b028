/**
 * The Azure hosts the user forwards to, through our extension endpoints `/localread/v1/forwarding`
 * (same-origin code only, no API key): list them (keys masked), name one with the user's key, remove one.
 */
import { FORWARDING_HOST_PATH_PREFIX, FORWARDING_PATH, type ForwardedHostInfo, type ForwardingInfo } from '../read-api/forwarding';
import { bodyOf, failureOf } from './api-transport';

function hostUrl(host: string, origin: string): URL {
  return new URL(`${FORWARDING_HOST_PATH_PREFIX}${encodeURIComponent(host.trim())}`, origin);
}

export async function fetchForwarding(origin = location.origin): Promise<ForwardedHostInfo[]> {
  return (await bodyOf<ForwardingInfo>(await fetch(new URL(FORWARDING_PATH, origin)))).hosts;
}

/** Forwards `host` with the user's `key` for it (or replaces its key); resolves with it, key masked. */
export async function forwardHost(host: string, key: string, origin = location.origin): Promise<ForwardedHostInfo> {
  const response = await fetch(hostUrl(host, origin), {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ key: key.trim() }),
  });
  return bodyOf<ForwardedHostInfo>(response);
}

/** Stops forwarding `host` and deletes its key. */
export async function stopForwarding(host: string, origin = location.origin): Promise<void> {
  const response = await fetch(hostUrl(host, origin), { method: 'DELETE' });
  if (response.status !== 204) throw await failureOf(response);
}
