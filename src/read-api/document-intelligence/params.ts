/**
 * The query of the Document Intelligence face, validated as the spec defines it (CONTRACT.md §3),
 * and turned into what the engine reads with (`AnalyzeParams`, shared with Read) and what the job
 * keeps for its answer (`DocumentIntelligenceJob`).
 */
import { SHIPPED_LANGUAGES, type AnalyzeParams, type PageRange } from '../params';
import { invalidParameter, resourceNotFound } from './errors';
import { DI_API_VERSIONS } from './paths';
import type { DiFace, DiFeature, DiModelId, DocumentIntelligenceJob } from './job-options';
import type { ContentFormat, StringIndexType } from './types';

const PAGES = /^(\d+(-\d+)?)(,\s*(\d+(-\d+)?))*$/;
const STRING_INDEX_TYPES: readonly StringIndexType[] = ['textElements', 'unicodeCodePoint', 'utf16CodeUnit'];
const CONTENT_FORMATS: readonly ContentFormat[] = ['text', 'markdown'];
/** Every feature of the spec's enum; only DiFeature ones are honoured, the rest refused. */
const KNOWN_FEATURES = ['ocrHighResolution', 'languages', 'barcodes', 'formulas', 'keyValuePairs', 'styleFont', 'queryFields'];
const HONOURED_FEATURES: readonly DiFeature[] = ['languages', 'ocrHighResolution'];

/** Throws the service's 404 unless the query carries the face's one api-version. */
export function checkApiVersion(face: DiFace, query: URLSearchParams): void {
  if (query.get('api-version') !== DI_API_VERSIONS[face]) throw resourceNotFound();
}

/** `1-3,5, 7-9` -> ranges; no open ranges (stricter than Read 3.2). */
export function parseDiPages(value: string): PageRange[] {
  if (!PAGES.test(value)) throw invalidParameter('pages', `'${value}' is not a list of pages or ranges such as 1-3,5.`);
  return value.split(',').map((item) => {
    const [from, to = from] = item.trim().split('-').map(Number) as [number, number?];
    if (from < 1 || to < from) throw invalidParameter('pages', `'${item.trim()}' is not a valid page range.`);
    return { from, to };
  });
}

/** Enum values matched case-insensitively, answered in the spec's spelling. */
function oneOf<T extends string>(name: string, value: string | null, allowed: readonly T[], fallback: T): T {
  if (value === null || value === '') return fallback;
  const found = allowed.find((item) => item.toLowerCase() === value.toLowerCase());
  if (!found) throw invalidParameter(name, `'${value}' is not one of ${allowed.join(', ')}.`);
  return found;
}

/** A csv array, also accepted repeated and with spaces after commas. */
function listOf(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function parseFeatures(query: URLSearchParams): DiFeature[] {
  return listOf(query, 'features').map((item) => {
    const known = KNOWN_FEATURES.find((feature) => feature.toLowerCase() === item.toLowerCase());
    const honoured = HONOURED_FEATURES.find((feature) => feature === known);
    if (!honoured) {
      throw invalidParameter('features', known ? `'${known}' is not supported by this service.` : `'${item}' is not a known feature.`);
    }
    return honoured;
  });
}

function parseOutputPdf(query: URLSearchParams, modelId: DiModelId): boolean {
  const outputs = listOf(query, 'output').map((item) => item.toLowerCase());
  for (const output of outputs) {
    if (output === 'figures') throw invalidParameter('output', "'figures' is not supported by this service: it finds no figures.");
    if (output !== 'pdf') throw invalidParameter('output', `'${output}' is not one of pdf, figures.`);
  }
  const pdf = outputs.includes('pdf');
  if (pdf && modelId !== 'prebuilt-read') throw invalidParameter('output', "'pdf' is supported by prebuilt-read only.");
  return pdf;
}

/**
 * The locale as the engine's `language`: a hint only, so one we have no model for (or a region
 * such as `en-US`) falls back to the language part, then to automatic detection, never an error.
 */
function languageOf(locale: string | null): string | undefined {
  if (!locale) return undefined;
  const base = locale.split('-')[0]!.toLowerCase();
  if (Object.hasOwn(SHIPPED_LANGUAGES, locale)) return locale;
  return Object.hasOwn(SHIPPED_LANGUAGES, base) ? base : undefined;
}

export interface DiAnalyzeRequest {
  /** What the engine reads with. */
  params: AnalyzeParams;
  /** What the job keeps for its answers. */
  contract: DocumentIntelligenceJob;
}

/**
 * Validates the query of `:analyze` (api-version already checked). The legacy face has no
 * `output` or `outputContentFormat`: like every unknown parameter there, they are ignored.
 */
export function parseDiAnalyzeQuery(face: DiFace, modelId: DiModelId, query: URLSearchParams): DiAnalyzeRequest {
  const legacy = face === 'formrecognizer';
  const outputContentFormat = legacy ? 'text' : oneOf('outputContentFormat', query.get('outputContentFormat'), CONTENT_FORMATS, 'text');
  if (outputContentFormat === 'markdown' && modelId !== 'prebuilt-layout') {
    throw invalidParameter('outputContentFormat', "'markdown' is supported by prebuilt-layout only.");
  }
  if (listOf(query, 'queryFields').length > 0) throw invalidParameter('queryFields', 'query fields are not supported by this service.');
  const contract: DocumentIntelligenceJob = {
    api: 'document-intelligence',
    face,
    modelId,
    stringIndexType: oneOf('stringIndexType', query.get('stringIndexType'), STRING_INDEX_TYPES, 'textElements'),
    outputContentFormat,
    outputPdf: legacy ? false : parseOutputPdf(query, modelId),
    features: parseFeatures(query),
  };
  // Document Intelligence always answers in reading order: columns before rows.
  const params: AnalyzeParams = { readingOrder: 'natural', modelVersion: 'latest' };
  const pages = query.get('pages');
  if (pages !== null && pages !== '') params.pages = parseDiPages(pages);
  const language = languageOf(query.get('locale'));
  if (language) params.language = language;
  return { params, contract };
}
