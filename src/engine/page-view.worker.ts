/** The page-view worker's entry: opens documents for the viewer and draws their pages. */
import { expose, proxy } from 'comlink';
import { openPageImages } from './page-view/page-image';

const api = {
  /** Opens `file`; the answer is a proxy the host draws pages through and closes. */
  async open(file: Blob, baseUrl: string) {
    return proxy(await openPageImages(file, baseUrl));
  },
};

export type PageViewWorkerApi = typeof api;

expose(api);
