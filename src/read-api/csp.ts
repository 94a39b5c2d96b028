/**
 * The app's Content-Security-Policy: everything from its own origin, nothing from anywhere else.
 * One source for the `<meta>` in the built index.html, the header `vite preview` sends (which is
 * what governs the service worker and the workers: a worker takes the policy of its own script's
 * response, not the page's; https://www.w3.org/TR/CSP3/#initialize-global-object-csp), and so for
 * the privacy page, which shows the `<meta>` it was served with.
 */
export type CspDirectives = ReadonlyArray<readonly [name: string, value: string]>;

/**
 * The directives. `extraConnectSrc` are the only other sources the app may reach, each allowed
 * explicitly by whoever builds it (build/csp.ts): Azure's Read hosts, and origins of `{"url"}` inputs.
 */
export function cspDirectives(extraConnectSrc: readonly string[] = []): CspDirectives {
  return [
    ['default-src', "'self'"],
    // tesseract.js compiles its WebAssembly core at run time; no script eval, no inline script.
    ['script-src', "'self' 'wasm-unsafe-eval'"],
    // The engine, tesseract.js's and pdf.js's workers are all files of the app (no blob: workers).
    ['worker-src', "'self'"],
    ['connect-src', ["'self'", ...extraConnectSrc].join(' ')],
    // The page draws each scan under its boxes from an object URL of the chosen file.
    ['img-src', "'self' blob:"],
    ['style-src', "'self'"],
    ['font-src', "'self'"],
    ['manifest-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ];
}

/** Directives a `<meta>` policy ignores, so they are sent in the header only. */
const HEADER_ONLY: CspDirectives = [['frame-ancestors', "'none'"]];

function serialize(directives: CspDirectives): string {
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** The policy for `<meta http-equiv="Content-Security-Policy">`. */
export function cspMeta(extraConnectSrc: readonly string[] = []): string {
  return serialize(cspDirectives(extraConnectSrc));
}

/** The policy for the `Content-Security-Policy` response header. */
export function cspHeader(extraConnectSrc: readonly string[] = []): string {
  return serialize([...cspDirectives(extraConnectSrc), ...HEADER_ONLY]);
}
