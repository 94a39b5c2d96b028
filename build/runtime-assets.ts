/**
 * Copies the OCR runtime out of node_modules into the build (and serves it in dev), so that
 * every worker script, wasm core and model comes from the app's own origin, never a CDN.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);

/** Output path -> file in node_modules. */
export function runtimeAssetMap(): Map<string, string> {
  const tesseractDir = require.resolve('tesseract.js/package.json').replace(/package\.json$/, '');
  const coreDir = require.resolve('tesseract.js-core/package.json').replace(/package\.json$/, '');
  const engDir = require.resolve('@tesseract.js-data/eng/package.json').replace(/package\.json$/, '');
  const assets = new Map<string, string>([
    ['tesseract/worker.min.js', `${tesseractDir}dist/worker.min.js`],
    ['tesseract/lang/eng.traineddata.gz', `${engDir}4.0.0_best_int/eng.traineddata.gz`],
  ]);
  // The LSTM-only cores: tesseract.js picks relaxed-SIMD, SIMD or plain at run time.
  for (const variant of ['', '-simd', '-relaxedsimd']) {
    const name = `tesseract-core${variant}-lstm.wasm.js`;
    assets.set(`tesseract/core/${name}`, `${coreDir}${name}`);
  }
  return assets;
}

export function runtimeAssets(): Plugin {
  const assets = runtimeAssetMap();
  return {
    name: 'localread:runtime-assets',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const file = assets.get((request.url ?? '').replace(/^\//, '').split('?')[0] ?? '');
        if (!file) return next();
        response.setHeader('Content-Type', file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream');
        response.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const [fileName, file] of assets) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
      }
    },
  };
}
