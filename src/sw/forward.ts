/**
 * Forwarding to Azure itself: a request addressed to a host the user named goes to that host, as
 * the caller sent it (method, URL, body, headers), except that one of our local keys in
 * `Ocp-Apim-Subscription-Key` is replaced by the user's key for that resource, so code written
 * against localread keeps working when pointed at the real one. The answer is Azure's, untouched.
 * Nothing of it is stored: it is not a job.
 */
import type { JobStore } from '../jobs/job-store';
import { forwardedHeaders } from '../read-api/forwarding';
import { KEY_HEADER } from '../read-api/paths';

/**
 * Azure's answer to `request` when its host is forwarded, or null when it is not (the caller
 * then answers it here, or passes it on as before). A network failure is the caller's network
 * failure (Response.error()), as it would be calling Azure directly.
 */
export async function forwardIfNamed(request: Request, url: URL, store: JobStore): Promise<Response | null> {
  const userKey = await store.forwarding.keyFor(url.hostname);
  if (userKey === null) return null;
  const sentOurs = (await store.keyIdOf(request.headers.get(KEY_HEADER))) !== null;
  // A Request made from the caller's keeps its method, mode, credentials, redirect and body; the
  // referrer is given again because any init resets it to the service worker's
  // (https://fetch.spec.whatwg.org/#dom-request, "If init is not empty").
  const forwarded = new Request(request, {
    headers: forwardedHeaders(request.headers, sentOurs ? userKey : null),
    referrer: request.referrer,
    referrerPolicy: request.referrerPolicy,
  });
  return fetch(forwarded).catch(() => Response.error());
}
