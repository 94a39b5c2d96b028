import { describe, expect, it } from 'vitest';
import { multiply, textItemsToLines, type PdfTextItem, type PdfTextStyle } from '../../../../src/engine/pipeline/pdf-text-lines';

/** US Letter, unrotated: pdf.js's viewport transform at scale 1 flips y about the page's height. */
const LETTER = { viewportTransform: [1, 0, 0, -1, 0, 792], width: 612, height: 792, scale: 1 / 72 };
const STYLES: Record<string, PdfTextStyle> = { f1: { ascent: 0.75, descent: -0.25, vertical: false } };

/** A horizontal run of 12 pt text whose baseline starts at (x, y) in PDF space (y up). */
function run(str: string, x: number, y: number, width: number, size = 12): PdfTextItem {
  return { str, transform: [size, 0, 0, size, x, y], width, height: size, fontName: 'f1' };
}

const inch = (points: number) => Math.round((points / 72) * 10_000) / 10_000;

describe('multiply', () => {
  it('applies the right matrix first, as pdf.js Util.transform does', () => {
    expect(multiply([1, 0, 0, -1, 0, 792], [12, 0, 0, 12, 72, 720])).toEqual([12, 0, 0, -12, 72, 72]);
  });
});

describe('textItemsToLines', () => {
  it('places a run in inches from the top-left, from ascent to descent, with confidence 1', () => {
    const [line] = textItemsToLines([run('Hello world', 72, 720, 60)], STYLES, LETTER);
    // Baseline 72 pt from the top; 9 pt of ascent above it, 3 pt of descent below.
    const [top, bottom] = [inch(63), inch(75)];
    expect(line).toMatchObject({ text: 'Hello world', appearance: { style: { name: 'other', confidence: 1 } } });
    expect(line!.boundingBox).toEqual([1, top, inch(132), top, inch(132), bottom, 1, bottom]);
    expect(line!.words.map((word) => [word.text, word.confidence])).toEqual([['Hello', 1], ['world', 1]]);
    // Characters share the run's advance evenly: "Hello" is 5 of 11.
    expect(line!.words[0]!.boundingBox[2]).toBeCloseTo((72 + (60 * 5) / 11) / 72, 3);
    expect(line!.words[1]!.boundingBox[0]).toBeCloseTo((72 + (60 * 6) / 11) / 72, 3);
  });

  it('joins runs that continue one another on a baseline, even inside a word', () => {
    const lines = textItemsToLines([run('Hel', 72, 720, 15), run('lo world', 87, 720, 40)], STYLES, LETTER);
    expect(lines.map((line) => line.words.map((word) => word.text))).toEqual([['Hello', 'world']]);
  });

  it('breaks a word at a gap between runs that has no space character', () => {
    const lines = textItemsToLines([run('Hello', 72, 720, 27), run('world', 103, 720, 27)], STYLES, LETTER);
    expect(lines.map((line) => line.text)).toEqual(['Hello world']);
  });

  it('keeps a raised, smaller run (a superscript) in its line', () => {
    const lines = textItemsToLines([run('E = mc', 72, 720, 36), run('2', 108, 724, 4, 7)], STYLES, LETTER);
    expect(lines.map((line) => line.text)).toEqual(['E = mc2']);
  });

  it('splits one baseline into two lines at a wide gap (columns) and keeps drawing order', () => {
    const items = [run('Left column', 72, 720, 60), run('Right column', 320, 720, 65), run('Next line', 72, 706, 50)];
    expect(textItemsToLines(items, STYLES, LETTER).map((line) => line.text)).toEqual(['Left column', 'Right column', 'Next line']);
  });

  it('gives lines from separate baselines separately, and skips blank runs', () => {
    const items = [run('First', 72, 720, 30), run('   ', 72, 706, 10), run('', 72, 700, 0), run('Second', 72, 706, 36)];
    expect(textItemsToLines(items, STYLES, LETTER).map((line) => line.text)).toEqual(['First', 'Second']);
  });

  it('returns no lines for a page without text', () => {
    expect(textItemsToLines([], {}, LETTER)).toEqual([]);
  });

  it('gives text that reads upwards a quadrilateral that starts at its own top-left', () => {
    // Rotated 90 degrees anticlockwise in PDF space: the baseline runs up the page.
    const item: PdfTextItem = { str: 'Up', transform: [0, 12, -12, 0, 100, 100], width: 20, height: 12, fontName: 'f1' };
    const [line] = textItemsToLines([item], STYLES, LETTER);
    // Glyph tops point left (x smaller); the text starts at the bottom (y = 692 pt from the top).
    expect(line!.boundingBox).toEqual([inch(91), inch(692), inch(91), inch(672), inch(103), inch(672), inch(103), inch(692)]);
  });

  it('follows the page rotation (/Rotate 90): horizontal text then reads downwards', () => {
    const rotated = { viewportTransform: [0, 1, 1, 0, 0, 0], width: 792, height: 612, scale: 1 / 72 };
    const [line] = textItemsToLines([run('Down', 72, 720, 24)], STYLES, rotated);
    expect(line!.boundingBox).toEqual([inch(729), 1, inch(729), inch(96), inch(717), inch(96), inch(717), 1]);
  });

  it('falls back to typical metrics when the font gives none', () => {
    const [line] = textItemsToLines([{ ...run('Hi', 72, 720, 10), fontName: 'unknown' }], STYLES, LETTER);
    expect([line!.boundingBox[1], line!.boundingBox[5]]).toEqual([inch(72 - 9.6), inch(72 + 2.4)]);
  });

  it('keeps boxes on the page', () => {
    const [line] = textItemsToLines([run('Edge', 600, 790, 40)], STYLES, LETTER);
    line!.boundingBox.forEach((value, i) => {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(i % 2 === 0 ? 8.5 : 11);
    });
  });
});
