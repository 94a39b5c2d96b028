/**
 * Azure AI Document Intelligence 2024-11-30 result shapes, as `DocumentIntelligence.json` defines
 * them (`AnalyzeOperation`, `AnalyzeResult`, `DocumentPage`, ...): only what `prebuilt-read` and
 * `prebuilt-layout` answer here. Every field the spec marks optional is optional here too.
 */
import type { OperationStatus } from '../types';

/** The unit of every `offset` and `length` (`StringIndexType`). */
export type StringIndexType = 'textElements' | 'unicodeCodePoint' | 'utf16CodeUnit';

export type ContentFormat = 'text' | 'markdown';

/** `ParagraphRole`: the ones this engine can find. */
export type ParagraphRole = 'title' | 'pageHeader' | 'pageFooter' | 'pageNumber';

export interface DocumentSpan {
  offset: number;
  length: number;
}

/** A flat `[x1, y1, x2, y2, ...]`, clockwise from the text's top-left. */
export type Polygon = number[];

export interface DocumentWord {
  content: string;
  polygon: Polygon;
  confidence: number;
  span: DocumentSpan;
}

export interface DocumentLine {
  content: string;
  polygon: Polygon;
  spans: DocumentSpan[];
}

export interface DocumentPage {
  pageNumber: number;
  /** Degrees clockwise, in (-180, 180]. */
  angle: number;
  width: number;
  height: number;
  unit: 'pixel' | 'inch';
  words: DocumentWord[];
  lines: DocumentLine[];
  spans: DocumentSpan[];
}

export interface BoundingRegion {
  pageNumber: number;
  polygon: Polygon;
}

export interface DocumentParagraph {
  role?: ParagraphRole;
  content: string;
  boundingRegions: BoundingRegion[];
  spans: DocumentSpan[];
}

export interface DocumentLanguage {
  locale: string;
  spans: DocumentSpan[];
  confidence: number;
}

export interface DocumentStyle {
  isHandwritten?: boolean;
  spans: DocumentSpan[];
  confidence: number;
}

/** Tables are never found by this engine (README: "Document Intelligence"); the type stays open. */
export type DocumentTable = Record<string, unknown>;

export interface AnalyzeResult {
  apiVersion: string;
  modelId: string;
  stringIndexType: StringIndexType;
  /** Absent on the legacy 2023-07-31 face, which has no such field. */
  contentFormat?: ContentFormat;
  content: string;
  pages: DocumentPage[];
  paragraphs: DocumentParagraph[];
  styles: DocumentStyle[];
  languages?: DocumentLanguage[];
  tables?: DocumentTable[];
  figures?: DocumentTable[];
  sections?: DocumentTable[];
}

/** `DocumentIntelligenceError`, also the `error` of a failed operation. */
export interface DocumentIntelligenceError {
  code: string;
  message: string;
  innererror?: { code: string; message: string };
}

export interface DocumentIntelligenceErrorResponse {
  error: DocumentIntelligenceError;
}

export interface AnalyzeOperation {
  status: OperationStatus;
  createdDateTime: string;
  lastUpdatedDateTime: string;
  error?: DocumentIntelligenceError;
  analyzeResult?: AnalyzeResult;
}
