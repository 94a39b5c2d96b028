import { describe, expect, it, vi } from 'vitest';
import { recognise, type ReadWithSecondEngine, type ReadWithTesseract } from '../../../../src/engine/pipeline/recognise';
import type { OcrPage } from '../../../../src/engine/ocr/tesseract-page';
import type { TextReading } from '../../../../src/engine/ocr/text-reading';
import { numberedRaster, ocrPage, ocrWord } from '../../helpers/ocr-page';

/** Words read `times` over, at `confidence`: a few lines of them are enough for the small probe to decide. */
const repeated = (words: string[], confidence: number, times: number) => Array.from({ length: times }, () => words).flat().map((text) => ocrWord(text, confidence));
/** A confident, upright English reading (function words: clearly English). */
const ENGLISH = ocrPage(repeated(['The', 'total', 'of', 'the', 'invoice', 'is', 'due', 'to', 'the', 'office'], 92, 3));
/** The same page read with the English model, in German: enough function words to re-read it. */
const GERMAN_WORDS = ['Die', 'Summe', 'der', 'Rechnung', 'ist', 'nicht', 'mit', 'dem', 'Konto', 'und', 'die'];
const GERMAN_BY_ENG = ocrPage(repeated(GERMAN_WORDS, 88, 3));
const GERMAN_BY_DEU = ocrPage(repeated(GERMAN_WORDS, 95, 3));
/** A confident reading with too few words to tell a language. */
const NUMBERS = ocrPage([ocrWord('2024-117', 93), ocrWord('42.00', 91)]);

/** The second engine's reading: one line, its box in the pixels of the raster it was given. */
const SECOND: TextReading = {
  lines: [{
    text: 'Stamp',
    confidence: 0.9,
    box: [10, 20, 60, 20, 60, 30, 10, 30],
    words: [{ text: 'Stamp', confidence: 0.9, box: [10, 20, 60, 20, 60, 30, 10, 30] }],
  }],
};

/** A small page (a low-resolution scan, so read without deskewing). */
const PAGE = numberedRaster(200, 160);
const signal = new AbortController().signal;

function tesseract(byModel: Record<string, OcrPage>) {
  return vi.fn<ReadWithTesseract>(async (_raster, model) => {
    const page = byModel[model];
    if (!page) throw new Error(`no reading for model ${model}`);
    return page;
  });
}

describe('recognise', () => {
  it('reads once in the language given, and reports it', async () => {
    const read = tesseract({ deu: GERMAN_BY_DEU });
    const recognition = await recognise(PAGE, 'de', { tesseract: read }, signal);
    expect(read.mock.calls.map(([, model]) => model)).toEqual(['deu']);
    expect(recognition).toMatchObject({ language: 'de', turns: 0 });
    expect(recognition.reading.lines[0]?.text).toBe(Array(3).fill(GERMAN_WORDS.join(' ')).join(' '));
  });

  it('reads once in English when no language is given and the page is English', async () => {
    const read = tesseract({ eng: ENGLISH });
    const recognition = await recognise(PAGE, undefined, { tesseract: read }, signal);
    expect(read).toHaveBeenCalledTimes(1);
    expect(recognition.language).toBe('en');
  });

  it('reads again, upright, with the model of the language the first reading\'s words are in', async () => {
    const read = tesseract({ eng: GERMAN_BY_ENG, deu: GERMAN_BY_DEU });
    const recognition = await recognise(PAGE, undefined, { tesseract: read }, signal);
    expect(read.mock.calls.map(([, model]) => model)).toEqual(['eng', 'deu']);
    expect(read.mock.calls[1]?.[3]).toBe(signal);
    expect(recognition.language).toBe('de');
    expect(recognition.reading.lines[0]?.words.map((word) => word.confidence)).toEqual(Array(33).fill(0.95));
  });

  it('reports no language when the words do not tell one, and keeps the first reading', async () => {
    const read = tesseract({ eng: NUMBERS });
    const recognition = await recognise(PAGE, undefined, { tesseract: read }, signal);
    expect(read).toHaveBeenCalledTimes(1);
    expect(recognition).not.toHaveProperty('language');
  });

  it('rejects a language that is not shipped with NotSupportedLanguage', async () => {
    await expect(recognise(PAGE, 'xx', { tesseract: tesseract({}) }, signal)).rejects.toMatchObject({ code: 'NotSupportedLanguage' });
  });

  it('does not call the second engine on a page tesseract reads with confidence', async () => {
    const second = vi.fn<ReadWithSecondEngine>(async () => SECOND);
    const recognition = await recognise(PAGE, 'en', { tesseract: tesseract({ eng: ENGLISH }), secondEngine: second }, signal);
    expect(second).not.toHaveBeenCalled();
    expect(recognition.engines).toEqual({ secondEngine: false, linesFromSecond: 0, lines: 1 });
  });

  it('calls the second engine on a page preparation found hard, on the upright page, and fuses its lines', async () => {
    const second = vi.fn<ReadWithSecondEngine>(async () => SECOND);
    const recognition = await recognise(PAGE, 'en', { tesseract: tesseract({ eng: ocrPage([]) }), secondEngine: second }, signal, { hard: true });
    expect(second).toHaveBeenCalledTimes(1);
    expect(second.mock.calls[0]?.[0]).toMatchObject({ width: 200, height: 160 });
    expect(second.mock.calls[0]?.[1]).toBe(signal);
    expect(recognition.engines).toMatchObject({ secondEngine: true, linesFromSecond: 1 });
    expect(recognition.reading.lines.map((line) => line.text)).toEqual(['Stamp']);
  });

  it('does not call the second engine when it is switched off, even on a hard page', async () => {
    const recognition = await recognise(PAGE, 'en', { tesseract: tesseract({ eng: ENGLISH }), secondEngine: undefined }, signal, { hard: true });
    expect(recognition.engines.secondEngine).toBe(false);
  });

  it('gives the second engine an enlarged page at its size as given, and scales its boxes back', async () => {
    const second = vi.fn<ReadWithSecondEngine>(async () => SECOND);
    const recognition = await recognise(PAGE, 'en', { tesseract: tesseract({ eng: ocrPage([]) }), secondEngine: second }, signal, {
      hard: true,
      enlarged: true,
    });
    expect(second.mock.calls[0]?.[0]).toMatchObject({ width: 100, height: 80 });
    const [line] = recognition.reading.lines;
    expect(line?.box).toEqual([20, 40, 120, 40, 120, 60, 20, 60]);
    expect(line?.words[0]?.box).toEqual([20, 40, 120, 40, 120, 60, 20, 60]);
  });

  describe('on a page large enough to be probed first', () => {
    const LARGE = numberedRaster(1700, 1800);

    it('reads an English page once in full, after a probe in English', async () => {
      const read = tesseract({ eng: ENGLISH });
      const recognition = await recognise(LARGE, undefined, { tesseract: read }, signal);
      expect(read.mock.calls.map(([raster, model]) => [model, raster.width === LARGE.width])).toEqual([
        ['eng', false],
        ['eng', true],
      ]);
      expect(recognition.language).toBe('en');
    });

    it('reads a German page in full with the German model only: the probe told the language', async () => {
      const read = tesseract({ eng: GERMAN_BY_ENG, deu: GERMAN_BY_DEU });
      const recognition = await recognise(LARGE, undefined, { tesseract: read }, signal);
      expect(read.mock.calls.map(([raster, model]) => [model, raster.width === LARGE.width])).toEqual([
        ['eng', false],
        ['deu', true],
      ]);
      expect(recognition.language).toBe('de');
    });

    it('straightens the page by the skew its probe measured, and maps its boxes back with what the reading measured', async () => {
      const words = Array.from({ length: 24 }, (_, i) => ocrWord(`total${i}`, 92));
      // The probe measures 0.02; the straightened page is left 0.001 off.
      const read = vi.fn<ReadWithTesseract>(async (_raster, _model, options) => ocrPage(words, options.probe ? 0.02 : 0.001));
      const recognition = await recognise(LARGE, 'en', { tesseract: read }, signal);
      expect(read.mock.calls.map(([, , options]) => options)).toEqual([{ deskew: true, probe: true }, { deskew: true, cutByLayout: true }]);
      const page = read.mock.calls[1]![0];
      expect([page.width, page.height]).toEqual([LARGE.width, LARGE.height]);
      expect(page.pgm).not.toEqual(LARGE.pgm);
      expect(recognition.skewRadians).toBeCloseTo(0.021, 9);
      // The line's corner (0, 0) of the reading, turned back about the page's centre by both.
      const [x, y] = recognition.reading.lines[0]!.box;
      const [cx, cy] = [LARGE.width / 2, LARGE.height / 2];
      expect(x).toBeCloseTo(cx - cx * Math.cos(0.021) - cy * Math.sin(0.021), 6);
      expect(y).toBeCloseTo(cy + cx * Math.sin(0.021) - cy * Math.cos(0.021), 6);
    });

    it('does not straighten a page preparation found hard: tesseract deskews it as it reads it', async () => {
      const words = Array.from({ length: 24 }, (_, i) => ocrWord(`total${i}`, 92));
      const read = vi.fn<ReadWithTesseract>(async (_raster, _model, options) => ocrPage(words, options.deskew ? 0.02 : 0));
      const recognition = await recognise(LARGE, 'en', { tesseract: read }, signal, { hard: true });
      expect(read.mock.calls.map(([, , options]) => options)).toEqual([{ deskew: false, probe: true }, { deskew: true, cutByLayout: false }]);
      expect(read.mock.calls[1]![0]).toBe(LARGE);
      expect(recognition.skewRadians).toBe(0.02);
    });

    it('lets the reading measure the skew when the page may not be deskewed', async () => {
      const read = tesseract({ eng: ENGLISH });
      await recognise(LARGE, undefined, { tesseract: read }, signal, { deskew: false });
      expect(read.mock.calls.map(([, , options]) => options)).toEqual([{ deskew: false, probe: true }, { deskew: false, cutByLayout: true }]);
    });

    it('falls back on the full reading when neither probe has enough words to tell the language', async () => {
      const read = vi.fn<ReadWithTesseract>(async (raster, model) => {
        if (model === 'deu') return GERMAN_BY_DEU;
        return raster.width === LARGE.width ? GERMAN_BY_ENG : NUMBERS;
      });
      const recognition = await recognise(LARGE, undefined, { tesseract: read }, signal);
      expect(read.mock.calls.map(([, model]) => model)).toEqual(['eng', 'eng', 'eng', 'deu']);
      expect(recognition.language).toBe('de');
      // The probes' two words measure no skew; the English reading measured it, and the German one is given it.
      const probe = { deskew: true, probe: true };
      expect(read.mock.calls.map(([, , options]) => options)).toEqual([probe, probe, { deskew: true, cutByLayout: true }, { deskew: true, skewRadians: 0, cutByLayout: true }]);
    });

    it('reads the larger probe when the small one reads words that do not tell the language, unless the caller gave it', async () => {
      // Enough words, none of them a function word of any language.
      const unknown = ocrPage(repeated(['Invoice', 'Total', 'Amount'], 93, 8));
      const read = vi.fn<ReadWithTesseract>(async (raster) => (raster.width === LARGE.width ? ENGLISH : unknown));
      await recognise(LARGE, undefined, { tesseract: read }, signal);
      expect(read.mock.calls.filter(([, , options]) => options.probe)).toHaveLength(2);
      read.mockClear();
      await recognise(LARGE, 'en', { tesseract: read }, signal);
      expect(read.mock.calls.filter(([, , options]) => options.probe)).toHaveLength(1);
    });
  });
});
