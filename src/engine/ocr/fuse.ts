/**
 * Fusion of two readings of one page, line by line. Lines of the two engines that cover the same
 * text are grouped (their boxes overlap); each group is taken whole from the engine that read it
 * better: the one whose confidence is higher once each engine's confidence is put on a common
 * scale, except where one engine cannot spell the text (PP-OCR has no accented Latin letters, so
 * a tesseract line with accents stays tesseract's unless tesseract is lost on it). Lines only one
 * engine found are kept when that engine is sure enough of them: tesseract's lone lines on hard
 * pages are mostly rules and specks read as text; PP-OCR's are mostly text that touched a rule.
 */
import { quadSpan } from './ppocr/crop';
import type { TextLine, TextReading, TextWord } from './text-reading';

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
  /** A tesseract line no PP-OCR line overlaps is kept from this confidence. */
  loneFirst: number;
  /** A PP-OCR line no tesseract line overlaps is kept from this confidence. */
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
  loneFirst: 0.5,
  loneSecond: 0.6,
  keepSpelling: 0.45,
};

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function rectOf(line: TextLine): Rect {
  const xs = [line.box[0], line.box[2], line.box[4], line.box[6]];
  const ys = [line.box[1], line.box[3], line.box[5], line.box[7]];
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}

/** Same text: they share most of the lower line's height, and a fair part of the narrower's width. */
function sameText(a: Rect, b: Rect): boolean {
  const vertical = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  const horizontal = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const height = Math.min(a.bottom - a.top, b.bottom - b.top);
  const width = Math.min(a.right - a.left, b.right - b.left);
  return vertical > 0.5 * height && horizontal > 0.3 * width;
}

/** Characters weigh a word's confidence: a long word misread costs more than a stray mark. */
export function meanWordConfidence(lines: readonly TextLine[]): number {
  let characters = 0;
  let weighted = 0;
  for (const word of lines.flatMap((line) => line.words)) {
    characters += word.text.length;
    weighted += word.text.length * word.confidence;
  }
  return characters ? weighted / characters : 0;
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

interface Group {
  first: TextLine[];
  second: TextLine[];
}

/** Connected groups of overlapping lines of the two readings (a union-find over both). */
function groupLines(first: readonly TextLine[], second: readonly TextLine[]): Group[] {
  const parent = Array.from({ length: first.length + second.length }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const firstRects = first.map(rectOf);
  const secondRects = second.map(rectOf);
  firstRects.forEach((a, i) => {
    secondRects.forEach((b, j) => {
      if (sameText(a, b)) parent[find(i)] = find(first.length + j);
    });
  });
  const groups = new Map<number, Group>();
  const groupOf = (i: number) => {
    const root = find(i);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { first: [], second: [] }));
    return group;
  };
  first.forEach((line, i) => groupOf(i).first.push(line));
  second.forEach((line, j) => groupOf(first.length + j).second.push(line));
  return [...groups.values()];
}

function lineConfidence(lines: readonly TextLine[]): number {
  const characters = lines.reduce((sum, line) => sum + line.text.length, 0);
  return characters ? lines.reduce((sum, line) => sum + line.text.length * line.confidence, 0) / characters : 0;
}

/** Which side of a group to keep. */
function choose(group: Group, language: string, rule: FusionRule): 'first' | 'second' | 'none' {
  const firstConfidence = meanWordConfidence(group.first);
  const secondConfidence = lineConfidence(group.second) * rule.secondScale;
  if (group.second.length === 0) return firstConfidence >= rule.loneFirst ? 'first' : 'none';
  if (group.first.length === 0) return secondConfidence >= rule.loneSecond ? 'second' : 'none';
  const unspellable = language !== 'en' && group.first.some((line) => UNSPELLABLE.test(line.text));
  if (unspellable && firstConfidence >= rule.keepSpelling) return 'first';
  return secondConfidence > firstConfidence ? 'second' : 'first';
}

/**
 * Lines in rows, top to bottom, each row left to right: a line joins the row whose vertical
 * extent it shares for the most part. Hard pages (forms, receipts) are read row by row: measured
 * on the corpus, tesseract's block order (a form's labels column, then its values column) costs
 * a tenth of the characters on forms against this order.
 */
export function orderInRows(lines: readonly TextLine[]): TextLine[] {
  const items = lines.map((line) => ({ line, rect: rectOf(line) })).sort((a, b) => a.rect.top + a.rect.bottom - (b.rect.top + b.rect.bottom));
  const rows: Array<{ top: number; bottom: number; members: typeof items }> = [];
  for (const item of items) {
    const row = rows.at(-1);
    const height = item.rect.bottom - item.rect.top;
    const shared = row ? Math.min(row.bottom, item.rect.bottom) - Math.max(row.top, item.rect.top) : 0;
    if (row && shared > 0.5 * Math.min(height, row.bottom - row.top)) {
      row.members.push(item);
      row.top = Math.min(row.top, item.rect.top);
      row.bottom = Math.max(row.bottom, item.rect.bottom);
    } else {
      rows.push({ top: item.rect.top, bottom: item.rect.bottom, members: [item] });
    }
  }
  return rows.flatMap((row) => row.members.sort((a, b) => a.rect.left - b.rect.left).map((item) => item.line));
}

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

export function fuseReadings(
  first: TextReading,
  second: TextReading,
  language: string,
  rule: FusionRule = FUSION_RULE,
): { reading: TextReading; stats: FusionStats } {
  const lines: TextLine[] = [];
  let linesFromSecond = 0;
  for (const group of groupLines(first.lines, second.lines)) {
    const side = choose(group, language, rule);
    if (side === 'first') lines.push(...group.first);
    if (side === 'second') {
      const guide = group.first.length > 0 ? orderInRows(group.first) : [];
      for (const line of group.second) {
        const overlapping = guide.filter((other) => sameText(rectOf(other), rectOf(line)));
        lines.push(overlapping.length > 0 ? respace(line, overlapping.map((other) => other.text).join(' ')) : line);
      }
      linesFromSecond += group.second.length;
    }
  }
  return { reading: { lines: orderInRows(lines) }, stats: { secondEngine: true, linesFromSecond, lines: lines.length } };
}
