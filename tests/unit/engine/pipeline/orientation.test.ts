import { describe, expect, it } from 'vitest';
import { bestTurn, looksUpright, mostlyVertical, orientationScore, turnsForSidewaysReading } from '../../../../src/engine/pipeline/orientation';
import type { OcrPage, OcrWord } from '../../../../src/engine/ocr/tesseract-page';
import { ocrPage, ocrWord } from '../../helpers/ocr-page';

/** A line of tall words, one under the other (`down`) or one above the other. */
function sidewaysLine(direction: 'down' | 'up', confidence = 92): OcrPage {
  const words: OcrWord[] = ['Account', 'Balance', 'Total'].map((text, i) => {
    const y0 = direction === 'down' ? i * 100 : 300 - i * 100;
    return { text, confidence, bbox: { x0: 0, y0, x1: 12, y1: y0 + 80 } };
  });
  return { blocks: [{ paragraphs: [{ lines: [{ words, confidence, bbox: { x0: 0, y0: 0, x1: 12, y1: 380 } }] }] }] };
}

describe('orientationScore', () => {
  it('grows with confident horizontal characters', () => {
    const weak = orientationScore(ocrPage([ocrWord('invoice', 70)]));
    const strong = orientationScore(ocrPage([ocrWord('invoice', 95)]));
    const longer = orientationScore(ocrPage([ocrWord('invoice', 95), ocrWord('number', 95)]));
    expect(weak).toBeGreaterThan(0);
    expect(strong).toBeGreaterThan(weak);
    expect(longer).toBeGreaterThan(strong);
  });

  it('ignores vertical words, short words and words at or below 50 confidence', () => {
    const ignored = [ocrWord('sideways', 99, 'vertical'), ocrWord('of', 99), ocrWord('noise', 50), ocrWord('garbage', 10)];
    expect(orientationScore(ocrPage(ignored))).toBe(0);
  });

  it('is zero for a page with no text', () => {
    expect(orientationScore({ blocks: null })).toBe(0);
  });
});

describe('looksUpright', () => {
  it('trusts a page with no text', () => {
    expect(looksUpright({ blocks: null })).toBe(true);
  });

  it('trusts confident horizontal text', () => {
    expect(looksUpright(ocrPage([ocrWord('Statement', 92), ocrWord('Balance', 88)]))).toBe(true);
  });

  it('doubts low-confidence horizontal text (a page upside down reads as noise)', () => {
    expect(looksUpright(ocrPage([ocrWord('uǝʍs', 40), ocrWord('ʎɹɐ', 35)]))).toBe(false);
  });

  it('doubts a page whose words are mostly vertical (a quarter turn off)', () => {
    const words = [ocrWord('Statement', 95, 'vertical'), ocrWord('Balance', 95, 'vertical'), ocrWord('Total', 95)];
    expect(looksUpright(ocrPage(words))).toBe(false);
  });
});

describe('looksUpright with a lower bar', () => {
  it('accepts text that the default bar doubts', () => {
    const reading = ocrPage([ocrWord('Statement', 57)]);
    expect(looksUpright(reading)).toBe(false);
    expect(looksUpright(reading, 55)).toBe(true);
  });
});

describe('turnsForSidewaysReading', () => {
  it('turns text running down the page three more quarter turns', () => {
    expect(turnsForSidewaysReading(sidewaysLine('down'))).toBe(3);
  });

  it('turns text running up the page one quarter turn', () => {
    expect(turnsForSidewaysReading(sidewaysLine('up'))).toBe(1);
  });

  it('answers null for horizontal text, for no text, and for unsure vertical text', () => {
    expect(turnsForSidewaysReading(ocrPage([ocrWord('Statement', 95)]))).toBeNull();
    expect(turnsForSidewaysReading({ blocks: null })).toBeNull();
    expect(turnsForSidewaysReading(sidewaysLine('down', 40))).toBeNull();
  });
});

describe('bestTurn', () => {
  it('picks the turn with the highest score', () => {
    expect(bestTurn([1, 0, 7.5, 3])).toBe(2);
    expect(bestTurn([0, 0, 0, 4])).toBe(3);
  });

  it('keeps the page as given on a tie', () => {
    expect(bestTurn([5, 5, 1, 5])).toBe(0);
    expect(bestTurn([0, 0, 0, 0])).toBe(0);
  });
});

describe('mostlyVertical', () => {
  it('is true when most words stand taller than wide (a page on its side)', () => {
    expect(mostlyVertical(ocrPage([ocrWord('ouT', 40, 'vertical'), ocrWord('dnoS', 30, 'vertical'), ocrWord('lot', 30)]))).toBe(true);
  });

  it('is false for horizontal readings and for pages without words', () => {
    expect(mostlyVertical(ocrPage([ocrWord('Total', 40), ocrWord('Sum', 30, 'vertical')]))).toBe(false);
    expect(mostlyVertical({ blocks: null })).toBe(false);
  });
});
