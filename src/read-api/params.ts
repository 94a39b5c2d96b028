/**
 * The query parameters of `POST /read/analyze`, parsed and validated as the spec defines them.
 */
import { ReadApiError } from './errors';
// A JSON file, so that the build copies exactly these models (build/runtime-assets.ts).
import shippedLanguages from './shipped-languages.json';

/** A 1-based, inclusive page range; `to` is Infinity for an open range such as `7-`. */
export interface PageRange {
  from: number;
  to: number;
}

export type ReadingOrder = 'basic' | 'natural';

export interface AnalyzeParams {
  /** BCP-47 code, or undefined for automatic detection. */
  language?: string;
  /** Undefined for all pages. */
  pages?: PageRange[];
  readingOrder: ReadingOrder;
  modelVersion: string;
}

/**
 * The `language` codes of Read 3.2 (the `OcrDetectionLanguage` enum of Ocr.json). The enum is
 * `modelAsString`, so clients may send others; we answer those, as the codes of this list that
 * we ship no model for, with NotSupportedLanguage.
 */
export const OCR_LANGUAGES = [
  'af', 'ast', 'bi', 'br', 'ca', 'ceb', 'ch', 'co', 'crh', 'cs', 'csb', 'da', 'de', 'en', 'es',
  'et', 'eu', 'fi', 'fil', 'fj', 'fr', 'fur', 'fy', 'ga', 'gd', 'gil', 'gl', 'gv', 'hni', 'hsb',
  'ht', 'hu', 'ia', 'id', 'it', 'iu', 'ja', 'jv', 'kaa', 'kac', 'kea', 'kha', 'kl', 'ko', 'ku',
  'kw', 'lb', 'ms', 'mww', 'nap', 'nl', 'no', 'oc', 'pl', 'pt', 'quc', 'rm', 'sco', 'sl', 'sq',
  'sv', 'sw', 'tet', 'tr', 'tt', 'uz', 'vo', 'wae', 'yua', 'za', 'zh-Hans', 'zh-Hant', 'zu',
] as const;

/**
 * Languages the engine has a model for, by Azure code, with the tesseract model name. Validation
 * is driven by this map alone: a code is accepted only when it is here.
 */
export const SHIPPED_LANGUAGES: Readonly<Record<string, string>> = shippedLanguages;

/**
 * The `model-version` values Read 3.2 documents: the spec's description names `latest`,
 * `latest-preview` and `2021-04-12`; the docs add the dated GA and preview models.
 */
export const MODEL_VERSIONS = [
  'latest',
  'latest-preview',
  '2022-04-30',
  '2022-01-30-preview',
  '2021-09-30-preview',
  '2021-04-12',
] as const;

const PAGE_ITEM = /^(\d+|\d+-\d+|\d+-|-\d+)$/;
const MODEL_VERSION = /^(latest|\d{4}-\d{2}-\d{2})(-preview)?$/;

/** Parses `pages=1,3-5,7-,-2` into ranges; throws InvalidPageRange on anything else. */
export function parsePages(value: string): PageRange[] {
  return value.split(',').map((item) => {
    const invalid = () =>
      new ReadApiError('InvalidPageRange', `Invalid page range '${item}' in 'pages=${value}'.`);
    if (!PAGE_ITEM.test(item)) throw invalid();
    const [fromText, toText] = item.includes('-') ? item.split('-') : [item, item];
    const from = fromText ? Number(fromText) : 1;
    const to = toText ? Number(toText) : Infinity;
    if (from < 1 || to < from) throw invalid();
    return { from, to };
  });
}

/** True when a 1-based page number falls in the ranges (or when no ranges were given). */
export function isPageSelected(page: number, ranges: PageRange[] | undefined): boolean {
  return !ranges || ranges.some(({ from, to }) => page >= from && page <= to);
}

function parseLanguage(value: string | null): string | undefined {
  if (value === null || value === '') return undefined;
  // Own keys only: `'toString' in SHIPPED_LANGUAGES` is true through the prototype.
  if (!Object.hasOwn(SHIPPED_LANGUAGES, value)) {
    const known = (OCR_LANGUAGES as readonly string[]).includes(value);
    throw new ReadApiError(
      'NotSupportedLanguage',
      `Language '${value}' is not supported${known ? ' by this installation' : ''}. Supported: ${Object.keys(SHIPPED_LANGUAGES).join(', ')}; omit 'language' for automatic detection.`,
    );
  }
  return value;
}

function parseReadingOrder(value: string | null): ReadingOrder {
  if (value === null || value === '' || value === 'basic') return 'basic';
  if (value === 'natural') return 'natural';
  throw new ReadApiError(
    'InvalidReadingOrder',
    `Reading order '${value}' is not valid; use 'basic' or 'natural'.`,
  );
}

function parseModelVersion(value: string | null): string {
  if (value === null || value === '') return 'latest';
  const known = (MODEL_VERSIONS as readonly string[]).includes(value);
  if (!MODEL_VERSION.test(value) || !known) {
    throw new ReadApiError(
      'BadArgument',
      `Model version '${value}' is not valid; use one of ${MODEL_VERSIONS.join(', ')}.`,
    );
  }
  return value;
}

/** Validates every query parameter of an analyze request. */
export function parseAnalyzeParams(query: URLSearchParams): AnalyzeParams {
  const pages = query.get('pages');
  const params: AnalyzeParams = {
    readingOrder: parseReadingOrder(query.get('readingOrder')),
    modelVersion: parseModelVersion(query.get('model-version')),
  };
  const language = parseLanguage(query.get('language'));
  if (language) params.language = language;
  if (pages !== null && pages !== '') params.pages = parsePages(pages);
  return params;
}
