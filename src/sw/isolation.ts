/**
 * Adds the cross-origin isolation headers (read-api/isolation.ts) to every answer served from
 * the precache: the page's navigation and the workers' scripts each take the policy of their
 * own response.
 */
import type { WorkboxPlugin } from 'workbox-core/types';
import { ISOLATION_HEADERS } from '../read-api/isolation';

export function withIsolation(response: Response): Response {
  if (Object.entries(ISOLATION_HEADERS).every(([name, value]) => response.headers.get(name) === value)) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export const isolationPlugin: WorkboxPlugin = {
  handlerWillRespond: async ({ response }) => withIsolation(response),
};
