/**
 * What the PP-OCR worker does: loads ONNX Runtime and the three models once, then reads page
 * after page with the same sessions (creating them costs a second or more). State lives in the
 * service object, not the module, so each worker (and each test) has its own.
 */
import type * as OrtModule from 'onnxruntime-web';
import type { TextReading } from '../text-reading';
import { parseCharset } from './charset';
import type { GreyImage } from '../../pipeline/grey-image';
import { ortRunner } from './ort-runner';
import { PpocrReader, type PpocrOptions } from './ppocr-reader';

/** Same-origin absolute URLs: the app serves every file itself (no CDN, ever). */
export interface PpocrAssets {
  /** A folder with ONNX Runtime's `.mjs` and `.wasm` files, ending in `/`. */
  wasmPaths: string;
  det: string;
  cls: string;
  rec: string;
  /** The recogniser's key file, `ppocr_keys_v1.txt`. */
  keys: string;
}

/** Where inference runs: the GPU, or WebAssembly with SIMD, with or without threads. */
export type PpocrBackend = 'webgpu' | 'wasm-simd-threads' | 'wasm-simd';

type Ort = typeof OrtModule;

/** `navigator.gpu`, which TypeScript's DOM library does not declare yet. */
interface GpuNavigator {
  gpu?: { requestAdapter(): Promise<unknown> };
}

async function hasWebGpu(): Promise<boolean> {
  const gpu = (navigator as Navigator & GpuNavigator).gpu;
  if (!gpu) return false;
  try {
    return Boolean(await gpu.requestAdapter());
  } catch {
    return false;
  }
}

/** The wasm-only build unless a GPU adapter exists: the WebGPU build is larger and slower to start. */
async function loadOrt(webgpu: boolean): Promise<Ort> {
  return webgpu ? import('onnxruntime-web/webgpu') : import('onnxruntime-web/wasm');
}

async function createSessions(ort: Ort, assets: PpocrAssets, providers: string[]) {
  const options = { executionProviders: providers, graphOptimizationLevel: 'all' as const };
  const [det, cls, rec] = await Promise.all([assets.det, assets.cls, assets.rec].map((url) => ort.InferenceSession.create(url, options)));
  return { det: ortRunner(ort, det!), cls: ortRunner(ort, cls!), rec: ortRunner(ort, rec!) };
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

export function createPpocrService() {
  let reader: PpocrReader | undefined;

  return {
    /**
     * Loads the runtime and models, with at most `threads` threads (default: the cores); resolves
     * with the backend that runs them. Call once.
     */
    async init(assets: PpocrAssets, options: Partial<PpocrOptions> = {}, threads = navigator.hardwareConcurrency || 1): Promise<PpocrBackend> {
      const webgpu = await hasWebGpu();
      const ort = await loadOrt(webgpu);
      ort.env.wasm.wasmPaths = assets.wasmPaths;
      // Threads need SharedArrayBuffer, which only a cross-origin isolated page has.
      ort.env.wasm.numThreads = crossOriginIsolated ? Math.max(1, Math.min(4, threads)) : 1;
      const wasmBackend: PpocrBackend = ort.env.wasm.numThreads > 1 ? 'wasm-simd-threads' : 'wasm-simd';
      // WebGPU is asked for alone, so that a GPU that fails is known (and reported) rather than
      // silently replaced by ONNX Runtime's fallback to the next provider.
      const sessions = async () => {
        const onGpu = webgpu ? await createSessions(ort, assets, ['webgpu']).catch(() => undefined) : undefined;
        return { onGpu: Boolean(onGpu), models: onGpu ?? (await createSessions(ort, assets, ['wasm'])) };
      };
      const [{ onGpu, models }, keys] = await Promise.all([sessions(), fetchText(assets.keys)]);
      reader = new PpocrReader(models, parseCharset(keys), options);
      return onGpu ? 'webgpu' : wasmBackend;
    },

    /**
     * Reads one page with the loaded models. No cancel here: a model call in flight cannot be
     * stopped, so the host terminates this worker when its signal aborts (second-engine.ts).
     */
    async read(image: GreyImage): Promise<TextReading> {
      if (!reader) throw new Error('PP-OCR is not initialised: call init first.');
      return reader.read(image, new AbortController().signal);
    },
  };
}
