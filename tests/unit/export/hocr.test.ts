import { describe, expect, it } from 'vitest';
import { hocr, hocrOfDocuments } from '../../../src/export/hocr';
import type { AnalyzeResult, ReadResult } from '../../../src/read-api/types';
import { byClass, parseXml } from '../../support/xml-tree';

const imagePage: ReadResult = {
  page: 1, angle: 0, width: 640, height: 480, unit: 'pixel', language: 'en',
  lines: [
    {
      text: 'Fish & <chips>',
      boundingBox: [10, 20, 210, 24, 210, 54, 10, 50],
      words: [
        { text: 'Fish', boundingBox: [10, 20, 90, 22, 90, 52, 10, 50], confidence: 0.987 },
        { text: '&', boundingBox: [100, 22, 120, 22, 120, 52, 100, 52], confidence: 0.5 },
        { text: '<chips>"\u0007', boundingBox: [130, 22, 210.4, 24, 210.4, 54, 130, 52], confidence: 1.2 },
      ],
    },
    {
      text: 'up',
      // Reads bottom to top, as on a book's spine.
      boundingBox: [300, 400, 300, 300, 330, 300, 330, 400],
      words: [{ text: 'up', boundingBox: [300, 400, 300, 300, 330, 300, 330, 400], confidence: 0.7 }],
    },
  ],
};

const inchPage: ReadResult = {
  page: 3, angle: 0, width: 8.5, height: 11, unit: 'inch',
  lines: [{ text: 'Inch', boundingBox: [1, 1, 2, 1, 2, 1.5, 1, 1.5], words: [{ text: 'Inch', boundingBox: [1, 1, 2, 1, 2, 1.5, 1, 1.5], confidence: 0.9 }] }],
};

const resultOf = (...pages: ReadResult[]): AnalyzeResult => ({ version: '3.2.0', modelVersion: '2022-04-30', readResults: pages });

describe('hocr', () => {
  it('writes well-formed XHTML with a page, its lines and its words, text escaped', () => {
    const html = parseXml(hocr(resultOf(imagePage), { image: 'scan "1".png' }));
    expect(html.name).toBe('html');
    expect(html.attributes.xmlns).toBe('http://www.w3.org/1999/xhtml');
    const [page] = byClass(html, 'ocr_page');
    expect(page!.attributes.title).toBe('image "scan \\"1\\".png"; bbox 0 0 640 480; ppageno 0');
    expect(page!.attributes.lang).toBe('en');
    const words = byClass(html, 'ocrx_word');
    expect(words.map((word) => word.text)).toEqual(['Fish', '&', '<chips>"', 'up']);
    expect(byClass(html, 'ocr_line')).toHaveLength(2);
  });

  it('gives each word its bounds in whole pixels and its confidence as x_wconf 0..100', () => {
    const words = byClass(parseXml(hocr(resultOf(imagePage))), 'ocrx_word');
    expect(words.map((word) => word.attributes.title)).toEqual([
      'bbox 10 20 90 52; x_wconf 99',
      'bbox 100 22 120 52; x_wconf 50',
      'bbox 130 22 211 54; x_wconf 100',
      'bbox 300 300 330 400; x_wconf 70',
    ]);
    expect(new Set(words.map((word) => word.attributes.id)).size).toBe(4);
  });

  it('writes a baseline for text across the page and a textangle for text up it', () => {
    const lines = byClass(parseXml(hocr(resultOf(imagePage))), 'ocr_line');
    // Bottom edge from (10, 50) to (210, 54): slope 0.02, 4 px above the bbox bottom (54) at its left.
    expect(lines[0]!.attributes.title).toBe('bbox 10 20 210 54; baseline 0.02 -4');
    expect(lines[1]!.attributes.title).toBe('bbox 300 300 330 400; textangle 90');
  });

  it('writes inch pages in pixels at 300 dpi, or the resolution asked, and says so', () => {
    const at300 = parseXml(hocr(resultOf(inchPage)));
    expect(byClass(at300, 'ocr_page')[0]!.attributes.title).toBe('bbox 0 0 2550 3300; ppageno 2; scan_res 300 300');
    expect(byClass(at300, 'ocrx_word')[0]!.attributes.title).toBe('bbox 300 300 600 450; x_wconf 90');
    const at72 = parseXml(hocr(resultOf(inchPage), { inchDpi: 72 }));
    expect(byClass(at72, 'ocrx_word')[0]!.attributes.title).toBe('bbox 72 72 144 108; x_wconf 90');
  });

  it('puts several documents in one file, each page naming its file, ids unique', () => {
    const html = parseXml(hocrOfDocuments([{ name: 'a.png', result: resultOf(imagePage) }, { name: 'b.pdf', result: resultOf(inchPage, inchPage) }]));
    const pages = byClass(html, 'ocr_page');
    expect(pages.map((page) => page.attributes.title!.split(';')[0])).toEqual(['image "a.png"', 'image "b.pdf"', 'image "b.pdf"']);
    expect(pages.map((page) => page.attributes.id)).toEqual(['page_1', 'page_2', 'page_3']);
    const ids = byClass(html, 'ocrx_word').map((word) => word.attributes.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes an empty result as a document with no pages', () => {
    expect(byClass(parseXml(hocr(resultOf())), 'ocr_page')).toEqual([]);
  });
});
