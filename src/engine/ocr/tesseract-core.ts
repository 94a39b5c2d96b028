/**
 * Which of tesseract.js's LSTM-only cores this browser runs: the relaxed-SIMD build where it can,
 * else SIMD, else plain. Chosen here rather than by tesseract.js (which picks among its
 * `.wasm.js` builds, the binary inlined as base64) so that the core's `.wasm` is a file of its
 * own: Emscripten fetches it with `instantiateStreaming`, which lets Chromium keep the compiled
 * code between sessions instead of compiling every worker's copy anew.
 */
import { relaxedSimd, simd } from 'wasm-feature-detect';

export async function tesseractCoreFile(): Promise<string> {
  const variant = (await relaxedSimd()) ? '-relaxedsimd' : (await simd()) ? '-simd' : '';
  return `tesseract-core${variant}-lstm.js`;
}
