import { afterEach, describe, expect, it, vi } from 'vitest';
import { OfflineFiles, isLaterFile, splitManifest } from '../../../src/sw/offline-files';

const BASE = 'https://localread.test/app/sw.js';

afterEach(() => vi.unstubAllGlobals());

/** Cache Storage with one cache, in memory, keyed by URL. */
function memoryCaches(initial: Record<string, string> = {}) {
  const stored = new Map<string, string>(Object.entries(initial));
  const cache = {
    keys: async () => [...stored.keys()].map((url) => new Request(url)),
    delete: async (key: string) => stored.delete(key),
    put: async (key: string, response: Response) => void stored.set(key, await response.text()),
    match: async (key: string) => (stored.has(key) ? new Response(stored.get(key)) : undefined),
  };
  vi.stubGlobal('caches', { open: async () => cache });
  return stored;
}

describe('splitManifest', () => {
  it('keeps what an English image needs for the install, and leaves the rest for after', () => {
    const urls = [
      'index.html',
      'assets/engine.worker-abc.js',
      'tesseract/worker.min.js',
      'tesseract/tesseract-core-relaxedsimd-lstm.js',
      'tesseract/tesseract-core-relaxedsimd-lstm.wasm',
      'tesseract/tesseract-core-simd-lstm.js',
      'tesseract/tesseract-core-lstm.wasm',
      'tesseract/lang/eng.traineddata.gz',
      'tesseract/lang/deu.traineddata.gz',
      'ppocr/models/ch_PP-OCRv4_det_infer.onnx',
      'ppocr/ort/ort-wasm-simd-threaded.wasm',
      'pdfjs/cmaps/Adobe-Japan1-UCS2.bcmap',
      'fonts/LiberationSans-Regular.ttf',
    ];
    const { now, later } = splitManifest(urls.map((url) => ({ url, revision: null })));
    expect(now.map((entry) => entry.url)).toEqual(urls.slice(0, 5).concat('tesseract/lang/eng.traineddata.gz'));
    expect(later.map((entry) => entry.url)).toEqual([urls[5], urls[6], ...urls.slice(8)]);
    expect(isLaterFile('/app/tesseract/lang/english.traineddata.gz')).toBe(true);
  });
});

describe('OfflineFiles', () => {
  const entries = [
    { url: 'tesseract/lang/deu.traineddata.gz', revision: 'r2' },
    { url: 'assets/font-abc.ttf', revision: null },
  ];

  it('stores each missing file under its revision, keeps those stored, and deletes older versions', async () => {
    const stored = memoryCaches({
      'https://localread.test/app/tesseract/lang/deu.traineddata.gz?__revision=r1': 'old',
      'https://localread.test/app/assets/font-abc.ttf': 'font',
    });
    const fetched: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string) => (fetched.push(url), new Response(`bytes of ${url}`))));
    await new OfflineFiles(entries, BASE).fill();
    expect(fetched).toEqual(['https://localread.test/app/tesseract/lang/deu.traineddata.gz']);
    expect([...stored.keys()].sort()).toEqual([
      'https://localread.test/app/assets/font-abc.ttf',
      'https://localread.test/app/tesseract/lang/deu.traineddata.gz?__revision=r2',
    ]);
  });

  it('rejects when a file fails to download, and tries again on the next ask', async () => {
    memoryCaches();
    let status = 404;
    vi.stubGlobal('fetch', vi.fn(async () => new Response('x', { status })));
    const files = new OfflineFiles(entries, BASE);
    await expect(files.fill()).rejects.toThrow('/app/tesseract/lang/deu.traineddata.gz answered 404');
    status = 200;
    await expect(files.fill()).resolves.toBeUndefined();
  });

  it('serves a stored file from its cache, and one not stored yet from the network, with isolation headers', async () => {
    memoryCaches({ 'https://localread.test/app/tesseract/lang/deu.traineddata.gz?__revision=r2': 'stored' });
    vi.stubGlobal('fetch', vi.fn(async () => new Response('network')));
    const files = new OfflineFiles(entries, BASE);
    const answer = async (path: string) => {
      const url = new URL(path, BASE);
      expect(files.matches({ url, request: new Request(url), event: new Event('fetch') as never, sameOrigin: true })).toBe(true);
      const response = await files.handle({ url, request: new Request(url), event: new Event('fetch') as never, params: undefined });
      return { body: await response.text(), embedder: response.headers.get('Cross-Origin-Embedder-Policy') };
    };
    expect(await answer('tesseract/lang/deu.traineddata.gz?v=1')).toEqual({ body: 'stored', embedder: 'require-corp' });
    expect(await answer('assets/font-abc.ttf')).toMatchObject({ body: 'network' });
    expect(files.matches({ url: new URL('index.html', BASE), request: new Request(BASE), event: new Event('fetch') as never, sameOrigin: true })).toBe(false);
  });
});
