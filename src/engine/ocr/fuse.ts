/**
 * Fusion of two readings of one page, line by line. PP-OCR's lines are the layout: its detector
 * finds each line whole, following its slant, where tesseract on a hard page breaks rows into
 * pieces or joins a form's cells. Tesseract's words fall into the PP-OCR line that holds their
 * centre, and each line is taken from the engine that read it better: the one whose confidence
 * is higher, except where PP-OCR cannot spell the text (it has no accented Latin letters, so a
 * line with accents stays tesseract's unless tesseract is lost on it). A line taken from PP-OCR
 * gets tesseract's word breaks (respace.ts). Text only one engine found is kept when that engine
 * is sure enough of it: tesseract's lone words on hard pages are mostly rules and specks read as
 * text; PP-OCR's lone lines are mostly text that touched a rule.
 */
import { alongLine, centreOf, heightOf, orderInRows, quadContains } from './line-geometry';
import { respace } from './respace';
import type { TextLine, TextReading, TextWord } from './text-reading';

export { orderInRows } from './line-geometry';
export { respace } from './respace';

export interface FusionStats {
  /** Whether the second engine read the page. */
  secondEngine: boolean;
  /** Lines of the result that came from the second engine. */
  linesFromSecond: number;
  lines: number;
}

export interface FusionRule {
  /** Below this mean word confidence (0..1) tesseract's reading is doubtful. */
  doubtfulMean: number;
  /** A word below this confidence is a doubtful word. */
  doubtfulWord: number;
  /** Above this share of characters in doubtful words, the page is doubtful. */
  doubtfulShare: number;
  /** PP-OCR's confidence is multiplied by this to compare with tesseract's. */
  secondScale: number;
  /** Tesseract's words outside every PP-OCR line are kept, as their line, from this confidence. */
  loneFirst: number;
  /** A PP-OCR line holding no tesseract word is kept from this confidence. */
  loneSecond: number;
  /** Below this tesseract confidence a line with letters PP-OCR cannot spell is still replaced. */
  keepSpelling: number;
}

/** Tuned on recorded readings of both engines of the bench corpus (see docs/architecture.md). */
export const FUSION_RULE: FusionRule = {
  doubtfulMean: 0.88,
  doubtfulWord: 0.6,
  doubtfulShare: 0.1,
  secondScale: 1,
  loneFirst: 0.9,
  loneSecond: 0.6,
  keepSpelling: 0.45,
};

/** Characters weigh a word's confidence: a long word misread costs more than a stray mark. */
function wordsConfidence(words: readonly TextWord[]): number {
  const characters = words.reduce((sum, word) => sum + word.text.length, 0);
  return characters ? words.reduce((sum, word) => sum + word.text.length * word.confidence, 0) / characters : 0;
}

export function meanWordConfidence(lines: readonly TextLine[]): number {
  return wordsConfidence(lines.flatMap((line) => line.words));
}

function doubtfulShare(lines: readonly TextLine[], below: number): number {
  const words = lines.flatMap((line) => line.words);
  const characters = words.reduce((sum, word) => sum + word.text.length, 0);
  const doubtful = words.filter((word) => word.confidence < below).reduce((sum, word) => sum + word.text.length, 0);
  return characters ? doubtful / characters : 0;
}

/**
 * Whether a page needs the second engine: preparation found it hard, or tesseract read it with
 * doubt (low mean confidence, or many doubtful words). Clean pages read near 0.95 and skip it.
 */
export function needsSecondEngine(reading: TextReading, hard: boolean, rule: FusionRule = FUSION_RULE): boolean {
  if (hard) return true;
  if (reading.lines.length === 0) return false;
  return meanWordConfidence(reading.lines) < rule.doubtfulMean || doubtfulShare(reading.lines, rule.doubtfulWord) > rule.doubtfulShare;
}

/** Latin letters with diacritics, and other letters outside PP-OCR's English and Chinese set. */
const UNSPELLABLE = /[À-ÖØ-öø-ɏ]/u;


/**
 * The PP-OCR line each tesseract word belongs to (the one holding the word's centre; of several,
 * the one whose middle is nearest), or -1.
 */
function assignWords(words: readonly TextWord[], lines: readonly TextLine[]): number[] {
  return words.map((word) => {
    const [x, y] = centreOf(word.box);
    let best = -1;
    let distance = Infinity;
    lines.forEach((line, index) => {
      if (!quadContains(line.box, x, y)) return;
      const [, cy] = centreOf(line.box);
      const away = Math.abs(cy - y) / heightOf(line.box);
      if (away < distance) [best, distance] = [index, away];
    });
    return best;
  });
}

/** Tesseract's words of one PP-OCR line, read along the line, on its box. */
function firstOnLine(line: TextLine, words: TextWord[]): TextLine {
  const ordered = [...words].sort((a, b) => alongLine(line.box, ...centreOf(a.box)) - alongLine(line.box, ...centreOf(b.box)));
  return { text: ordered.map((word) => word.text).join(' '), confidence: wordsConfidence(ordered), box: line.box, words: ordered };
}

/**
 * Tesseract's text of a line with only its real word spaces: on receipts it splits tokens
 * ("3 .30", "PERI NDUSTR IAN") with next to no gap, and those are not lent to PP-OCR.
 */
function spacedText(line: TextLine): string {
  const minimumGap = SPACE_GAP * heightOf(line.box);
  let text = '';
  line.words.forEach((word, index) => {
    const previous = line.words[index - 1];
    if (previous) {
      const gap = alongLine(line.box, word.box[0], word.box[1]) - alongLine(line.box, previous.box[2], previous.box[3]);
      if (gap >= minimumGap) text += ' ';
    }
    text += word.text;
  });
  return text;
}

/** A word space is at least this share of the line's height (measured: 0.3 read receipts best). */
const SPACE_GAP = 0.3;

/** Which engine's reading of one line to keep. */
function choose(first: TextLine | null, second: TextLine, language: string, rule: FusionRule): 'first' | 'second' | 'none' {
  const secondConfidence = second.confidence * rule.secondScale;
  if (!first) return secondConfidence >= rule.loneSecond ? 'second' : 'none';
  if (language !== 'en' && UNSPELLABLE.test(first.text) && first.confidence >= rule.keepSpelling) return 'first';
  return secondConfidence > first.confidence ? 'second' : 'first';
}

/** Tesseract's lines without the words fusion placed on PP-OCR lines; the rest kept when sure. */
function loneFirstLines(first: TextReading, placed: ReadonlySet<TextWord>, rule: FusionRule): TextLine[] {
  const lines: TextLine[] = [];
  for (const line of first.lines) {
    const words = line.words.filter((word) => !placed.has(word));
    if (words.length === 0 || wordsConfidence(words) < rule.loneFirst) continue;
    const whole = words.length === line.words.length;
    lines.push(whole ? line : { ...line, text: words.map((word) => word.text).join(' '), words });
  }
  return lines;
}

export function fuseReadings(
  first: TextReading,
  second: TextReading,
  language: string,
  rule: FusionRule = FUSION_RULE,
): { reading: TextReading; stats: FusionStats } {
  const firstWords = first.lines.flatMap((line) => line.words);
  const owners = assignWords(firstWords, second.lines);
  const onLine = second.lines.map((): TextWord[] => []);
  const placed = new Set<TextWord>();
  owners.forEach((owner, index) => {
    if (owner < 0) return;
    onLine[owner]!.push(firstWords[index]!);
    placed.add(firstWords[index]!);
  });
  const lines: TextLine[] = [];
  let linesFromSecond = 0;
  second.lines.forEach((line, index) => {
    const words = onLine[index]!;
    const firstLine = words.length > 0 ? firstOnLine(line, words) : null;
    const side = choose(firstLine, line, language, rule);
    if (side === 'first' && firstLine) lines.push(firstLine);
    if (side === 'second') {
      lines.push(firstLine ? respace(line, spacedText(firstLine)) : line);
      linesFromSecond += 1;
    }
  });
  lines.push(...loneFirstLines(first, placed, rule));
  return { reading: { lines: orderInRows(lines) }, stats: { secondEngine: true, linesFromSecond, lines: lines.length } };
}
