import { describe, expect, it } from 'vitest';
import { toAnalyzeResult } from '../../../../src/read-api/document-intelligence/to-analyze-result';
import type { DocumentIntelligenceJob } from '../../../../src/read-api/document-intelligence/job-options';
import type { AnalyzeResult as ReadAnalyzeResult, BoundingBox, Line, ReadResult } from '../../../../src/read-api/types';
import type { AnalyzeResult, DocumentSpan } from '../../../../src/read-api/document-intelligence/types';
import { assertAnalyzeResult } from '../../../support/di-schema';

const box = (x: number, y: number, w: number, h: number): BoundingBox => [x, y, x + w, y, x + w, y + h, x, y + h];

/** A line of words laid left to right at (x, y), 10 px a character, `h` high. */
function line(text: string, x: number, y: number, h = 20): Line {
  let cursor = x;
  const words = text.split(' ').map((word) => {
    const wordBox = box(cursor, y, word.length * 10, h);
    cursor += (word.length + 1) * 10;
    return { text: word, boundingBox: wordBox, confidence: 0.9 };
  });
  return { text, boundingBox: box(x, y, text.length * 10, h), words };
}

function page(lines: Line[], extra: Partial<ReadResult> = {}): ReadResult {
  return { page: 1, angle: 0, width: 1000, height: 1400, unit: 'pixel', lines, ...extra };
}

function read(...pages: ReadResult[]): ReadAnalyzeResult {
  return { version: '3.2.0', modelVersion: '2022-04-30', readResults: pages };
}

function job(extra: Partial<DocumentIntelligenceJob> = {}): DocumentIntelligenceJob {
  return { api: 'document-intelligence', face: 'documentintelligence', modelId: 'prebuilt-read', stringIndexType: 'utf16CodeUnit', outputContentFormat: 'text', outputPdf: false, features: [], ...extra };
}

const slice = (result: AnalyzeResult, { offset, length }: DocumentSpan) => result.content.slice(offset, offset + length);

describe('toAnalyzeResult', () => {
  it('joins the lines of a paragraph with a space, paragraphs with a newline, and every span points at its text', () => {
    const result = toAnalyzeResult(
      read(page([line('While healthcare is', 100, 100), line('still early', 100, 125), line('A new block', 100, 300)])),
      job(),
    );
    assertAnalyzeResult(result);
    expect(result.content).toBe('While healthcare is still early\nA new block');
    expect(result.paragraphs.map((p) => p.content)).toEqual(['While healthcare is still early', 'A new block']);
    for (const p of result.paragraphs) expect(slice(result, p.spans[0]!)).toBe(p.content);
    const [first] = result.pages;
    for (const l of first!.lines) expect(slice(result, l.spans[0]!)).toBe(l.content);
    for (const w of first!.words) expect(slice(result, w.span)).toBe(w.content);
    expect(first!.spans).toEqual([{ offset: 0, length: result.content.length }]);
    expect(result.paragraphs[0]!.boundingRegions[0]).toEqual({ pageNumber: 1, polygon: [100, 100, 290, 100, 290, 145, 100, 145] });
    expect(result).toMatchObject({ apiVersion: '2024-11-30', modelId: 'prebuilt-read', contentFormat: 'text', styles: [] });
    expect(result.paragraphs.every((p) => p.role === undefined)).toBe(true);
  });

  it('counts offsets in grapheme clusters by default, in code points or UTF-16 units on request', () => {
    // "é" as e + combining accent (2 units, 2 code points, 1 cluster); "𝐀" (2 units, 1 code point).
    const text = 'Cafe\u0301 𝐀 x';
    const input = read(page([line(text, 100, 100)]));
    const last = (type: DocumentIntelligenceJob['stringIndexType']) => toAnalyzeResult(input, job({ stringIndexType: type })).pages[0]!.words.at(-1)!.span;
    expect(last('textElements')).toEqual({ offset: 7, length: 1 });
    expect(last('unicodeCodePoint')).toEqual({ offset: 8, length: 1 });
    expect(last('utf16CodeUnit')).toEqual({ offset: 9, length: 1 });
    const result = toAnalyzeResult(input, job({ stringIndexType: 'textElements' }));
    expect(result.stringIndexType).toBe('textElements');
    expect(result.pages[0]!.spans).toEqual([{ offset: 0, length: 8 }]);
  });

  it('separates pages with a newline and numbers them as read', () => {
    const result = toAnalyzeResult(read(page([line('One', 10, 10)]), page([line('Two', 10, 10)], { page: 3, unit: 'inch', width: 8.5, height: 11, angle: -180 })), job());
    assertAnalyzeResult(result);
    expect(result.content).toBe('One\nTwo');
    expect(result.pages.map((p) => [p.pageNumber, p.unit, p.spans[0]])).toEqual([
      [1, 'pixel', { offset: 0, length: 3 }],
      [3, 'inch', { offset: 4, length: 3 }],
    ]);
    expect(result.pages[1]!.angle).toBe(180);
  });

  it('finds header, footer, page number and title for prebuilt-layout, and none for prebuilt-read', () => {
    const lines = [line('ACME Corp quarterly report', 100, 30, 16), line('The Big Title', 100, 200, 48), line('Body text that goes on', 100, 400), line('and on.', 100, 425), line('Confidential', 100, 1330, 16), line('Page 2', 800, 1360, 16)];
    const layout = toAnalyzeResult(read(page(lines)), job({ modelId: 'prebuilt-layout' }));
    assertAnalyzeResult(layout);
    expect(layout.paragraphs.map((p) => [p.role, p.content])).toEqual([
      ['pageHeader', 'ACME Corp quarterly report'],
      ['title', 'The Big Title'],
      [undefined, 'Body text that goes on and on.'],
      ['pageFooter', 'Confidential'],
      ['pageNumber', 'Page 2'],
    ]);
    expect(layout.tables).toEqual([]);
    const plain = toAnalyzeResult(read(page(lines)), job());
    expect(plain.paragraphs.every((p) => p.role === undefined)).toBe(true);
    expect(plain.tables).toBeUndefined();
  });

  it('writes markdown for prebuilt-layout with spans into the markdown', () => {
    const lines = [line('Header', 100, 30, 16), line('The Big Title', 100, 200, 48), line('Body text', 100, 400), line('Page 1', 800, 1360, 16)];
    const result = toAnalyzeResult(read(page(lines), page([line('Next page', 100, 100)], { page: 2 })), job({ modelId: 'prebuilt-layout', outputContentFormat: 'markdown' }));
    assertAnalyzeResult(result);
    expect(result.contentFormat).toBe('markdown');
    expect(result.content).toBe('<!-- PageHeader="Header" -->\n\n# The Big Title\n\nBody text\n\n<!-- PageNumber="Page 1" -->\n\n<!-- PageBreak -->\n\nNext page');
    for (const w of result.pages.flatMap((p) => p.words)) expect(slice(result, w.span)).toBe(w.content);
  });

  it('reports languages only with features=languages, and handwriting as a style', () => {
    const handwritten = { ...line('Notiz', 10, 10), appearance: { style: { name: 'handwriting' as const, confidence: 0.7 } } };
    const input = read(page([handwritten], { language: 'de' }));
    expect(toAnalyzeResult(input, job()).languages).toBeUndefined();
    const result = toAnalyzeResult(input, job({ features: ['languages'] }));
    assertAnalyzeResult(result);
    expect(result.languages).toEqual([{ locale: 'de', spans: [{ offset: 0, length: 5 }], confidence: 0.9 }]);
    expect(result.styles).toEqual([{ isHandwritten: true, confidence: 0.7, spans: [{ offset: 0, length: 5 }] }]);
  });

  it('answers the legacy face with its api-version and no contentFormat', () => {
    const result = toAnalyzeResult(read(page([line('Hi', 10, 10)])), job({ face: 'formrecognizer' }));
    expect(result.apiVersion).toBe('2023-07-31');
    expect(result.contentFormat).toBeUndefined();
  });

  it('groups the lines of a page read at 90 degrees in the text frame', () => {
    // Text turned a quarter clockwise: each line runs downwards, the next line sits to its left.
    const turned = (text: string, x: number): Line => ({ ...line(text, 0, 0), boundingBox: [x, 100, x, 100 + text.length * 10, x - 20, 100 + text.length * 10, x - 20, 100] });
    const result = toAnalyzeResult(read(page([turned('first line', 500), turned('second line', 475), turned('far away', 200)], { angle: 90 })), job());
    expect(result.paragraphs.map((p) => p.content)).toEqual(['first line second line', 'far away']);
  });

  it('answers an empty page with empty content', () => {
    const result = toAnalyzeResult(read(page([])), job());
    assertAnalyzeResult(result);
    expect(result).toMatchObject({ content: '', paragraphs: [] });
    expect(result.pages[0]!.spans).toEqual([{ offset: 0, length: 0 }]);
  });
});
