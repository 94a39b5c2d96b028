/**
 * Ships the Content-Security-Policy (src/read-api/csp.ts) with the build: as a `<meta>` in
 * index.html, for any static host, and as a header from `vite preview`, which is what binds the
 * service worker and the workers (a `<meta>` binds only its document). Not in `vite dev`, whose
 * client injects inline styles and opens a WebSocket.
 */
import type { Plugin } from 'vite';
import { cspHeader, cspMeta } from '../src/read-api/csp.ts';
import { AZURE_HOST_SUFFIXES } from '../src/read-api/azure-hosts.ts';
import { ISOLATION_HEADERS } from '../src/read-api/isolation.ts';

/**
 * What `connect-src` allows besides the app's origin:
 * - Azure's Read hosts, so that Azure code on our pages can address them at all (a policy is
 *   checked before the service worker sees a request). The service worker answers them on the
 *   device unless the user turns `answerAzureHosts` off; our own code never calls them.
 * - `LOCALREAD_CONNECT_SRC` (space-separated origins): what a deployer explicitly allows, e.g.
 *   where `{"url"}` inputs come from (the service worker fetches them under this policy).
 */
export function connectSources(env: string | undefined = process.env.LOCALREAD_CONNECT_SRC): string[] {
  const azure = AZURE_HOST_SUFFIXES.map((suffix) => `https://*${suffix}`);
  return [...azure, ...(env ?? '').split(/\s+/).filter((source) => source !== '')];
}

export function contentSecurityPolicy(): Plugin {
  const sources = connectSources();
  return {
    name: 'localread:content-security-policy',
    // The isolation headers too (src/read-api/isolation.ts): the first load is served from here.
    config: () => ({ preview: { headers: { 'Content-Security-Policy': cspHeader(sources), ...ISOLATION_HEADERS } } }),
    transformIndexHtml: {
      order: 'pre',
      handler: (html, context) =>
        context.server
          ? html
          : [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: cspMeta(sources) }, injectTo: 'head-prepend' }],
    },
  };
}
