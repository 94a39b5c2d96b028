import { defaultClientConditions, defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { runtimeAssets } from './build/runtime-assets.ts';
import { contentSecurityPolicy } from './build/csp.ts';
import { FILE_HANDLERS, SHARE_TARGET } from './build/launch-manifest.ts';

export default defineConfig({
  plugins: [
    svelte(),
    runtimeAssets(),
    contentSecurityPolicy(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: {
        name: 'localread — offline OCR',
        short_name: 'localread',
        description: 'Reads text from images on your device. Nothing leaves it.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f1faee',
        theme_color: '#1d3557',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        share_target: SHARE_TARGET,
        file_handlers: FILE_HANDLERS,
      },
      injectManifest: {
        rollupFormat: 'iife',
        // bcmap, pfb, ttf, icc: pdf.js's CMaps, standard fonts and CMYK profile (fetched at run
        // time); onnx, txt, mjs: the second engine's models, key file and ONNX Runtime's loader.
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,webmanifest,wasm,gz,bcmap,pfb,ttf,icc,onnx,txt}'],
        // ONNX Runtime's WebGPU build (27 MB) is only for browsers with a GPU: served, not precached.
        globIgnores: ['**/*asyncify*'],
        // The OCR core (~4 MB) and model (~3 MB) are over Workbox's 2 MiB default, which
        // would skip them silently and break offline use.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
      },
    }),
  ],
  // ONNX Runtime's builds that load their wasm from `env.wasm.wasmPaths` (ppocr/ort/, copied by
  // runtime-assets) instead of bundling it: otherwise each build's wasm is emitted a second time.
  resolve: { conditions: ['onnxruntime-web-use-extern-wasm', ...defaultClientConditions] },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  preview: { port: 4173, strictPort: true },
});
