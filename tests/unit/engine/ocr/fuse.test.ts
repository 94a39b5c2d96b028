import { describe, expect, it } from 'vitest';
import { FUSION_RULE, fuseReadings, needsSecondEngine, orderInRows, respace } from '../../../../src/engine/ocr/fuse';
import { quadOf, type TextLine, type TextReading } from '../../../../src/engine/ocr/text-reading';

/** A line at (x, y), 20 px high, 10 px a character, its words spaced as in `text`. */
function line(text: string, x: number, y: number, confidence: number): TextLine {
  const words = [];
  let at = x;
  for (const word of text.split(' ')) {
    words.push({ text: word, confidence, box: quadOf(at, y, at + 10 * word.length, y + 20) });
    at += 10 * (word.length + 1);
  }
  return { text, confidence, box: quadOf(x, y, x + 10 * text.length, y + 20), words };
}

const reading = (...lines: TextLine[]): TextReading => ({ lines });

describe('needsSecondEngine', () => {
  it('leaves a confidently read page to tesseract alone', () => {
    expect(needsSecondEngine(reading(line('Invoice number 1047', 0, 0, 0.95), line('Total due 240.00', 0, 40, 0.93)), false)).toBe(false);
  });

  it('calls for it when tesseract read the page with doubt', () => {
    expect(needsSecondEngine(reading(line('Inv0ice nunber', 0, 0, 0.7), line('Tota1 due', 0, 40, 0.75)), false)).toBe(true);
  });

  it('calls for it when many characters are in doubtful words, however confident the rest', () => {
    const doubtful = { ...line('x7 q', 0, 80, 0.3) };
    const page = reading(line('A long and clearly printed line', 0, 0, 0.99), line('another line', 0, 40, 0.99), doubtful, line('mm%#@ ~~~~', 0, 120, 0.3));
    expect(needsSecondEngine(page, false)).toBe(true);
  });

  it('calls for it when preparation found the page hard, and not for an empty page', () => {
    expect(needsSecondEngine(reading(line('Clean', 0, 0, 0.99)), true)).toBe(true);
    expect(needsSecondEngine(reading(), false)).toBe(false);
  });
});

describe('fuseReadings', () => {
  it('takes a line from the engine that is surer of it, with tesseract spaces added to PP-OCR words', () => {
    const first = reading(line('T0TAL AMOUNT 12.5O', 0, 0, 0.55));
    const second = reading(line('TOTALAMOUNT 12.50', 0, 0, 0.97));
    const { reading: fused, stats } = fuseReadings(first, second, 'en');
    expect(fused.lines.map((l) => l.text)).toEqual(['TOTAL AMOUNT 12.50']);
    expect(stats).toEqual({ secondEngine: true, linesFromSecond: 1, lines: 1 });
  });

  it('keeps tesseract where it is surer', () => {
    const first = reading(line('Date: 12 March', 0, 0, 0.96));
    const second = reading(line('Date:l2March', 0, 0, 0.7));
    expect(fuseReadings(first, second, 'en').reading.lines.map((l) => l.text)).toEqual(['Date: 12 March']);
  });

  it('keeps tesseract on text with letters PP-OCR cannot spell, unless tesseract is lost', () => {
    const french = reading(line('Qu’a-t-il écrit à côté', 0, 0, 0.8));
    const plain = reading(line('Qu’a-t-il ecrit a cote', 0, 0, 0.99));
    expect(fuseReadings(french, plain, 'fr').reading.lines[0]?.text).toBe('Qu’a-t-il écrit à côté');
    const lost = reading(line('Qu’a-t-il écrit à côté', 0, 0, 0.2));
    expect(fuseReadings(lost, plain, 'fr').reading.lines[0]?.text).toBe('Qu’a-t-il ecrit a cote');
  });

  it('drops lines only tesseract found when it is unsure of them, and keeps lone PP-OCR lines it is sure of', () => {
    const first = reading(line('Name', 0, 0, 0.95), line('|||__--', 0, 100, FUSION_RULE.loneFirst - 0.1));
    const second = reading(line('Name', 0, 0, 0.9), line('Signed on the line', 0, 50, FUSION_RULE.loneSecond + 0.1));
    expect(fuseReadings(first, second, 'en').reading.lines.map((l) => l.text)).toEqual(['Name', 'Signed on the line']);
  });

  it('groups one PP-OCR line with the two cells tesseract split it into', () => {
    const first = reading(line('COFFEE', 0, 0, 0.5), line('3.5O', 200, 0, 0.5));
    // PP-OCR's one line spans both cells.
    const second = reading({ ...line('COFFEE 3.50', 0, 0, 0.95), box: quadOf(0, 0, 240, 20) });
    const fused = fuseReadings(first, second, 'en').reading;
    expect(fused.lines.map((l) => l.text)).toEqual(['COFFEE 3.50']);
  });
});

describe('fuseReadings on a slanted page', () => {
  /** A line rising by `slope` px per px, `length` px long, from (x, y). */
  function slanted(text: string, x: number, y: number, length: number, slope: number, confidence: number): TextLine {
    const rise = slope * length;
    return { text, confidence, box: [x, y, x + length, y + rise, x + length, y + rise + 30, x, y + 30], words: [] };
  }

  it('puts tesseract’s pieces of a row on PP-OCR’s whole line, in order along it, and keeps rows apart', () => {
    // Two rows at a slant of 0.05: tesseract read each row in two pieces (the right one 25 px lower), out of order.
    const firstPieces = [line('quick brown', 500, 28, 0.95), line('The', 0, 2, 0.95), line('jumps over', 500, 88, 0.95), line('fox', 0, 62, 0.95)];
    const second = reading(slanted('The quick brown', 0, 0, 1000, 0.05, 0.7), slanted('fox jumps over', 0, 60, 1000, 0.05, 0.7));
    const fused = fuseReadings(reading(...firstPieces), second, 'en').reading;
    expect(fused.lines.map((l) => l.text)).toEqual(['The quick brown', 'fox jumps over']);
  });
});

describe('orderInRows', () => {
  it('orders lines top to bottom, and left to right within a row', () => {
    const lines = [line('price', 300, 102, 1), line('second', 0, 200, 1), line('item', 0, 100, 1), line('title', 0, 0, 1)];
    expect(orderInRows(lines).map((l) => l.text)).toEqual(['title', 'item', 'price', 'second']);
  });
});

describe('respace', () => {
  it('inserts the guide’s word breaks and splits the word boxes by characters', () => {
    const spaced = respace(line('GRANDTOTAL 9.90', 0, 0, 0.9), 'GRAND T0TAL 9.90');
    expect(spaced.text).toBe('GRAND TOTAL 9.90');
    expect(spaced.words.map((w) => w.text)).toEqual(['GRAND', 'TOTAL', '9.90']);
    expect(spaced.words[0]?.box[2]).toBeCloseTo(50);
    expect(spaced.words[1]?.box[0]).toBeCloseTo(50);
  });

  it('leaves a line alone when the guide is another text', () => {
    const original = line('SUBTOTAL', 0, 0, 0.9);
    expect(respace(original, 'Thank you come again')).toBe(original);
  });
});
