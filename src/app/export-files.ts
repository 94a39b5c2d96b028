/**
 * The files a user can export, for one document or for several: a searchable PDF (built in the
 * export worker from the scan's own file), hOCR, plain text and the Azure JSON. Several
 * documents make one file of each kind, their pages in the order given.
 */
import { searchablePdf } from '../engine/export-host';
import { hocr, hocrOfDocuments } from '../export/hocr';
import { sniffFormat } from '../read-api/formats';
import type { AnalyzeResult } from '../read-api/types';
import { appBaseUrl } from './base-url';
import { baseName, plainText, resultJson } from './exports';

/** A document that has a result. */
export interface ReadDocument {
  name: string;
  /** Absent for a file shared to the app: the page never had its bytes, so it has no PDF. */
  file?: File;
  result: AnalyzeResult;
}

export type ExportKind = 'pdf' | 'hocr' | 'text' | 'json';

export interface ExportFile {
  fileName: string;
  content: string | Uint8Array;
  type: string;
}

/** The file name of an export: the document's own name, or one for all documents. */
function fileNameOf(documents: ReadDocument[], extension: string): string {
  return documents.length === 1 ? `${baseName(documents[0]!.name)}.${extension}` : `localread-${documents.length}-documents.${extension}`;
}

async function pdfOf(documents: ReadDocument[]): Promise<Uint8Array> {
  const inputs = await Promise.all(
    documents.map(async ({ name, file, result }) => {
      if (!file) throw new Error(`${name} was shared to the app, which keeps no copy of its pages: export its text, hOCR or JSON instead.`);
      const input = new Uint8Array(await file.arrayBuffer());
      const format = sniffFormat(input);
      if (!format) throw new Error(`${name} is not a file the reader takes.`);
      return { input, format, result };
    }),
  );
  return searchablePdf(inputs, appBaseUrl());
}

function textOf(documents: ReadDocument[]): string {
  if (documents.length === 1) return plainText(documents[0]!.result);
  return documents.map(({ name, result }) => `=== ${name} ===\n${plainText(result)}`).join('\n\f\n');
}

function jsonOf(documents: ReadDocument[]): string {
  if (documents.length === 1) return resultJson(documents[0]!.result);
  return JSON.stringify(documents.map(({ name, result }) => ({ name, status: 'succeeded', analyzeResult: result })), null, 2);
}

/** The export of `kind` for `documents` (at least one). */
export async function exportFile(kind: ExportKind, documents: ReadDocument[]): Promise<ExportFile> {
  switch (kind) {
    case 'pdf':
      return { fileName: fileNameOf(documents, 'pdf'), content: await pdfOf(documents), type: 'application/pdf' };
    case 'hocr': {
      const content = documents.length === 1 ? hocr(documents[0]!.result, { title: documents[0]!.name, image: documents[0]!.name }) : hocrOfDocuments(documents);
      return { fileName: fileNameOf(documents, 'hocr'), content, type: 'application/xhtml+xml' };
    }
    case 'text':
      return { fileName: fileNameOf(documents, 'txt'), content: textOf(documents), type: 'text/plain' };
    case 'json':
      return { fileName: fileNameOf(documents, 'json'), content: jsonOf(documents), type: 'application/json' };
  }
}
