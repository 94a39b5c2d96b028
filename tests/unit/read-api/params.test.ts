import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReadApiError } from '../../../src/read-api/errors';
import {
  MODEL_VERSIONS,
  OCR_LANGUAGES,
  SHIPPED_LANGUAGES,
  isPageSelected,
  parseAnalyzeParams,
  parsePages,
} from '../../../src/read-api/params';

/** The error `action` throws, so that its class and code can be checked together. */
function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

function codeOf(action: () => unknown): string {
  const error = thrownBy(action);
  expect(error).toBeInstanceOf(ReadApiError);
  return (error as ReadApiError).code;
}

const query = (text: string) => new URLSearchParams(text);

describe('parsePages', () => {
  it('parses single pages, closed ranges, open ends and open starts', () => {
    expect(parsePages('1,3-5,7-,-2')).toEqual([
      { from: 1, to: 1 },
      { from: 3, to: 5 },
      { from: 7, to: Infinity },
      { from: 1, to: 2 },
    ]);
  });

  it('accepts a one-page range written as a range', () => {
    expect(parsePages('4-4')).toEqual([{ from: 4, to: 4 }]);
  });

  it.each(['', 'a', '1,', ',1', '1,,2', '1-2-3', '1 ,2', ' 1', '1.5', '+1', '-', '1--2', '0x2'])(
    'rejects %j with InvalidPageRange',
    (value) => {
      expect(codeOf(() => parsePages(value))).toBe('InvalidPageRange');
    },
  );

  it('rejects with InvalidPageRange when a range is reversed', () => {
    expect(codeOf(() => parsePages('5-3'))).toBe('InvalidPageRange');
  });

  it.each(['0', '0-2', '-0', '0-'])('rejects page zero in %j with InvalidPageRange', (value) => {
    expect(codeOf(() => parsePages(value))).toBe('InvalidPageRange');
  });

  it('names the offending item in the message', () => {
    expect((thrownBy(() => parsePages('2,9-4')) as Error).message).toContain("'9-4'");
  });
});

describe('isPageSelected', () => {
  const ranges = parsePages('2,4-5,9-');

  it('selects every page when no ranges are given', () => {
    expect([1, 2, 1000].map((page) => isPageSelected(page, undefined))).toEqual([true, true, true]);
  });

  it('selects pages inside the ranges, bounds included, and no others', () => {
    const selected = Array.from({ length: 12 }, (_, i) => i + 1).filter((page) => isPageSelected(page, ranges));
    expect(selected).toEqual([2, 4, 5, 9, 10, 11, 12]);
  });
});

describe('parseAnalyzeParams', () => {
  it('defaults to automatic language, all pages, basic order and the latest model', () => {
    expect(parseAnalyzeParams(query(''))).toEqual({ readingOrder: 'basic', modelVersion: 'latest' });
  });

  it('treats empty values like absent ones', () => {
    expect(parseAnalyzeParams(query('language=&pages=&readingOrder=&model-version='))).toEqual({
      readingOrder: 'basic',
      modelVersion: 'latest',
    });
  });

  it('reads every parameter the SDK sends', () => {
    expect(parseAnalyzeParams(query('language=en&pages=1,3-&readingOrder=natural&model-version=2022-04-30'))).toEqual({
      language: 'en',
      pages: [
        { from: 1, to: 1 },
        { from: 3, to: Infinity },
      ],
      readingOrder: 'natural',
      modelVersion: '2022-04-30',
    });
  });

  it('accepts every shipped language', () => {
    for (const language of Object.keys(SHIPPED_LANGUAGES)) {
      expect(parseAnalyzeParams(query(`language=${language}`)).language).toBe(language);
    }
  });

  it('ships models only for Read 3.2 language codes', () => {
    for (const language of Object.keys(SHIPPED_LANGUAGES)) expect(OCR_LANGUAGES).toContain(language);
  });

  it.each(['xx', 'EN-us', 'eng'])('rejects language=%s, no Read 3.2 code, with NotSupportedLanguage', (language) => {
    expect(codeOf(() => parseAnalyzeParams(query(`language=${language}`)))).toBe('NotSupportedLanguage');
  });

  it('rejects every Read 3.2 code this installation ships no model for with NotSupportedLanguage', () => {
    const unshipped = OCR_LANGUAGES.filter((language) => !Object.hasOwn(SHIPPED_LANGUAGES, language));
    for (const language of unshipped) {
      expect(codeOf(() => parseAnalyzeParams(new URLSearchParams({ language })))).toBe('NotSupportedLanguage');
    }
  });

  it('rejects every code of the spec\'s language enum that no shipped model reads with NotSupportedLanguage', () => {
    const unshipped = OCR_LANGUAGES.filter((language) => !Object.hasOwn(SHIPPED_LANGUAGES, language));
    expect(unshipped.length).toBeGreaterThan(0);
    for (const language of unshipped) {
      expect(codeOf(() => parseAnalyzeParams(query(`language=${language}`)))).toBe('NotSupportedLanguage');
    }
  });

  it('lists exactly the language enum of the spec (Ocr.json, OcrDetectionLanguage)', () => {
    const spec = JSON.parse(readFileSync(new URL('../../fixtures/azure/Ocr.json', import.meta.url), 'utf8')) as {
      parameters: { OcrDetectionLanguage: { enum: string[] } };
    };
    expect([...OCR_LANGUAGES]).toEqual(spec.parameters.OcrDetectionLanguage.enum);
  });

  it('ships only languages of the spec\'s enum', () => {
    for (const language of Object.keys(SHIPPED_LANGUAGES)) expect(OCR_LANGUAGES).toContain(language);
  });

  it('accepts latest-preview, which the spec names', () => {
    expect(parseAnalyzeParams(query('model-version=latest-preview')).modelVersion).toBe('latest-preview');
  });

  it.each(['toString', 'constructor', '__proto__'])(
    'rejects language=%s, an Object.prototype name, with NotSupportedLanguage',
    (language) => {
      expect(codeOf(() => parseAnalyzeParams(query(`language=${language}`)))).toBe('NotSupportedLanguage');
    },
  );

  it('rejects with InvalidPageRange when pages is malformed', () => {
    expect(codeOf(() => parseAnalyzeParams(query('pages=1;2')))).toBe('InvalidPageRange');
  });

  it.each(['basic', 'natural'] as const)('accepts readingOrder=%s', (order) => {
    expect(parseAnalyzeParams(query(`readingOrder=${order}`)).readingOrder).toBe(order);
  });

  it.each(['Natural', 'columns', 'basic '])('rejects readingOrder=%j with InvalidReadingOrder', (order) => {
    expect(codeOf(() => parseAnalyzeParams(new URLSearchParams({ readingOrder: order })))).toBe('InvalidReadingOrder');
  });

  it.each([...MODEL_VERSIONS])('accepts the documented model-version %s', (version) => {
    expect(parseAnalyzeParams(query(`model-version=${version}`)).modelVersion).toBe(version);
  });

  it.each(['Latest', '2022-4-30', 'v3.2', '2022-04-30-beta', 'latest-preview-2'])(
    'rejects model-version=%s, off the pattern, with BadArgument',
    (version) => {
      expect(codeOf(() => parseAnalyzeParams(query(`model-version=${version}`)))).toBe('BadArgument');
    },
  );

  it('rejects an undocumented date that matches the pattern with BadArgument', () => {
    expect(codeOf(() => parseAnalyzeParams(query('model-version=2023-01-01')))).toBe('BadArgument');
  });
});
