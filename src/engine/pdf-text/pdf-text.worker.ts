/** A PDF text parser's entry: one document per worker, its pages' text layers read on request. */
import { expose } from 'comlink';
import { PdfTextReader } from './pdf-text-reader';

const reader = new PdfTextReader();

const api = {
  load: () => reader.load(),
  open: (bytes: Uint8Array<ArrayBuffer>, baseUrl: string) => reader.open(bytes, baseUrl),
  readText: (pageNumber: number) => reader.readText(pageNumber),
};

export type PdfTextWorkerApi = typeof api;

expose(api);
