/** The export worker's entry: builds searchable PDFs off the page's main thread. */
import { expose, transfer } from 'comlink';
import { mergePdfs } from '../export/merge-pdfs';
import type { InputFormat } from '../read-api/formats';
import type { AnalyzeResult } from '../read-api/types';
import { fetchExportFont, searchablePdfOf } from './searchable-pdf-of';

/** A read document: the file as uploaded, its format and its result. */
export interface ExportDocument {
  input: Uint8Array;
  format: InputFormat;
  result: AnalyzeResult;
}

/** One searchable PDF of `documents`, in order; the font comes from `baseUrl`, the app's origin. */
async function searchablePdf(documents: ExportDocument[], baseUrl: string): Promise<Uint8Array> {
  const font = await fetchExportFont(baseUrl);
  const parts: Uint8Array[] = [];
  for (const { input, format, result } of documents) parts.push(await searchablePdfOf(input, format, result, font));
  const pdf = parts.length === 1 ? parts[0]! : await mergePdfs(parts);
  return transfer(pdf, [pdf.buffer]);
}

const api = { searchablePdf };

export type ExportWorkerApi = typeof api;

expose(api);
