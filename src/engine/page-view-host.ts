/**
 * The page side of the page view: pictures of a document's pages for the viewer, drawn in a worker
 * of their own (PDF pages rendered by pdf.js, TIFF pages decoded by utif2) from the file the page
 * holds. One worker per open document; closing it ends the worker and whatever it opened.
 */
import { releaseProxy, wrap } from 'comlink';
import type { PageImage } from './page-view/page-image';
import type { PageViewWorkerApi } from './page-view.worker';

export type { PageImage };

export interface PageView {
  readonly pageCount: number;
  /** Page `pageNumber` (1-based) about `width` pixels wide: PDF pages are rendered at that width. */
  draw(pageNumber: number, width: number): Promise<PageImage>;
  /** Ends the worker; draws still in flight reject. */
  close(): void;
}

/** Opens `file` in a new page-view worker; `baseUrl` is the app's root (pdf.js's data files live under it). */
export async function openPageView(file: Blob, baseUrl: string): Promise<PageView> {
  const worker = new Worker(new URL('./page-view.worker.ts', import.meta.url), { type: 'module', name: 'localread-page-view' });
  const api = wrap<PageViewWorkerApi>(worker);
  try {
    const source = await api.open(file, baseUrl);
    const pageCount = await source.pageCount;
    return {
      pageCount,
      draw: (pageNumber, width) => source.draw(pageNumber, width),
      // Terminating the worker ends the documents it opened, pdf.js's nested parser included.
      close() {
        source[releaseProxy]();
        worker.terminate();
      },
    };
  } catch (error) {
    worker.terminate();
    throw error;
  }
}
