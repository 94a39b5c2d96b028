/**
 * Cross-origin isolation: the headers that give the app's pages and workers SharedArrayBuffer,
 * which the second engine (ONNX Runtime) needs to read with several threads. Every resource the
 * app loads is its own (no CDN), so `require-corp` blocks nothing; a cross-origin `fetch()` in
 * CORS mode (Azure code addressing an Azure host, answered on the device) is not affected.
 * One source for `vite preview` (build/csp.ts) and the service worker, which adds them to what
 * it serves from the precache, so a static host that sends no headers still gets isolation
 * from the second load on.
 */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
