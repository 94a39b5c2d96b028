// Lint: TypeScript and Svelte rules, plus the import rules between realms (see docs/architecture.md).
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/** Each realm may import only what it sits on; a breach is a lint error, so the layout cannot rot. */
const REALM_RULES = {
  'src/read-api/**': ['jobs', 'export', 'sw', 'engine', 'client', 'app'],
  'src/jobs/**': ['sw', 'engine', 'client', 'app'],
  'src/export/**': ['jobs', 'sw', 'engine', 'client', 'app'],
  'src/sw/**': ['engine', 'client', 'app'],
  'src/engine/**': ['sw', 'client', 'app'],
  'src/client/**': ['jobs', 'sw', 'engine', 'app'],
  'src/app/**': ['jobs', 'sw'],
};

const PACKAGE_RULES = {
  'src/read-api/**': ['idb', 'tesseract.js', 'pdfjs-dist', 'workbox-*', 'comlink', 'svelte'],
  'src/client/**': ['idb', 'tesseract.js', 'pdfjs-dist'],
  'src/export/**': ['idb', 'tesseract.js', 'pdfjs-dist', 'workbox-*', 'comlink', 'svelte', 'onnxruntime-web', 'utif2'],
  'src/app/**': ['idb', 'tesseract.js', 'pdfjs-dist'],
};

function realmBoundaries(files) {
  const realms = REALM_RULES[files] ?? [];
  const packages = PACKAGE_RULES[files] ?? [];
  const patterns = [
    ...realms.map((realm) => ({
      group: [`**/${realm}/*`, `../${realm}/*`, `../../${realm}/*`],
      message: `${files.split('/')[1]}/ may not import ${realm}/ (see docs/architecture.md).`,
    })),
    ...packages.map((name) => ({ group: [name], message: `${files.split('/')[1]}/ may not use ${name}.` })),
  ];
  // app/ may start the engine and its helper workers (exports, camera, page view) through their host modules only.
  if (files === 'src/app/**') {
    patterns.push({
      group: ['**/engine/*', '!**/engine/host', '!**/engine/export-host', '!**/engine/camera-host', '!**/engine/page-view-host'],
      message: 'app/ reaches the engine only through its host modules (engine/host.ts, export-host.ts, camera-host.ts, page-view-host.ts).',
    });
  }
  // The service worker and the engine reach the job store through its front door only (JobStore
  // and the job-created hint), never its modules or the raw database; type imports included.
  if (files === 'src/sw/**' || files === 'src/engine/**') {
    patterns.push({
      group: ['**/jobs/*', '!**/jobs/job-store', '!**/jobs/job-signal'],
      message: `${files.split('/')[1]}/ imports from jobs/ only job-store and job-signal (see docs/architecture.md).`,
    });
  }
  return { files: [files], rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] } };
}

export default ts.config(
  { ignores: ['dist/', 'dev-dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench/out/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      camelcase: ['error', { properties: 'never', ignoreImports: true }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  ...Object.keys(REALM_RULES).map(realmBoundaries),
);
