/**
 * Word breaks lent from one reading to another. PP-OCR reads characters well and often runs
 * words together ("TOTALAMOUNT"); tesseract finds the spaces. Aligning the two texts character by
 * character (the cheapest edit script) carries tesseract's breaks over to PP-OCR's characters.
 */
import { quadSpan } from './ppocr/crop';
import type { TextLine, TextWord } from './text-reading';

/** Where `text` breaks into words: the count of non-space characters before each break. */
function breaksOf(characters: readonly string[]): Set<number> {
  const breaks = new Set<number>();
  let count = 0;
  for (const character of characters) {
    if (character === ' ') {
      if (count > 0) breaks.add(count);
    } else count += 1;
  }
  return breaks;
}

/**
 * For each character of `a`, the index of the character of `b` it is aligned with (a match or a
 * substitution of the cheapest edit script), or -1; and the edit distance.
 */
function align(a: readonly string[], b: readonly string[]): { pairs: Int32Array; distance: number } {
  const columns = b.length + 1;
  const cost = new Uint16Array((a.length + 1) * columns);
  for (let i = 0; i <= a.length; i += 1) cost[i * columns] = i;
  for (let j = 0; j <= b.length; j += 1) cost[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const same = a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1;
      cost[i * columns + j] = Math.min(cost[(i - 1) * columns + j - 1]! + same, cost[(i - 1) * columns + j]! + 1, cost[i * columns + j - 1]! + 1);
    }
  }
  const pairs = new Int32Array(a.length).fill(-1);
  for (let i = a.length, j = b.length; i > 0 && j > 0; ) {
    const here = cost[i * columns + j]!;
    const same = a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1;
    if (here === cost[(i - 1) * columns + j - 1]! + same) {
      pairs[i - 1] = j - 1;
      i -= 1;
      j -= 1;
    } else if (here === cost[(i - 1) * columns + j]! + 1) i -= 1;
    else j -= 1;
  }
  return { pairs, distance: cost[a.length * columns + b.length]! };
}

/** Lines whose texts differ by more than this share of their characters do not lend their spaces. */
const RESPACE_MAX_DIFFERENCE = 0.5;

/**
 * PP-OCR's line with the word breaks of tesseract's reading of the same text added: PP-OCR reads
 * characters well and often runs words together; tesseract finds the spaces. Each new word gets
 * its share of the old word's box, by characters.
 */
export function respace(line: TextLine, guide: string): TextLine {
  const characters = [...line.text].filter((c) => c !== ' ');
  const guideCharacters = [...guide];
  const { pairs, distance } = align(characters, guideCharacters.filter((c) => c !== ' '));
  if (characters.length === 0 || distance > RESPACE_MAX_DIFFERENCE * characters.length) return line;
  const guideBreaks = breaksOf(guideCharacters);
  const breaks = breaksOf([...line.text]);
  for (let i = 1; i < characters.length; i += 1) {
    const j = pairs[i]!;
    // A break before character i where the guide breaks before the character aligned with it.
    if (j > 0 && guideBreaks.has(j) && pairs[i - 1] === j - 1) breaks.add(i);
  }
  const words: TextWord[] = [];
  let index = 0;
  for (const word of line.words) {
    const letters = [...word.text];
    let start = 0;
    for (let k = 1; k <= letters.length; k += 1) {
      if (k === letters.length || breaks.has(index + k)) {
        const text = letters.slice(start, k).join('');
        const box = start === 0 && k === letters.length ? word.box : quadSpan(word.box, start / letters.length, k / letters.length);
        words.push({ text, confidence: word.confidence, box });
        start = k;
      }
    }
    index += letters.length;
  }
  return { ...line, text: words.map((word) => word.text).join(' '), words };
}
