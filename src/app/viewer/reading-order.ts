/**
 * A page's words and text in reading order: the order of the result's lines (the reader already
 * ordered them, `readingOrder=natural` included), and of each line's words. Pure.
 */
import type { ReadResult } from '../../read-api/types';

/** A word of a page: its line and its place in that line. */
export interface WordRef {
  line: number;
  word: number;
}

/** A stable key for a word of one page ("3.2"). */
export function wordKey(ref: WordRef): string {
  return `${ref.line}.${ref.word}`;
}

/** Every word of the page in reading order. */
export function wordsInOrder(page: ReadResult): WordRef[] {
  return page.lines.flatMap((line, lineIndex) => line.words.map((_, wordIndex) => ({ line: lineIndex, word: wordIndex })));
}

/** The page's text, a line of text per line of the result. */
export function pageText(page: ReadResult): string {
  return page.lines.map((line) => line.text).join('\n');
}

/**
 * The text of the chosen words in reading order: the words of one line joined by spaces, lines by
 * newlines, whatever order they were chosen or laid out in.
 */
export function textOfWords(page: ReadResult, keys: Iterable<string>): string {
  const chosen = new Set(keys);
  return page.lines
    .map((line, lineIndex) => line.words.filter((_, wordIndex) => chosen.has(wordKey({ line: lineIndex, word: wordIndex }))).map((word) => word.text))
    .filter((words) => words.length > 0)
    .map((words) => words.join(' '))
    .join('\n');
}

/** The word `step` places after (or before, when negative) `current` in reading order, clamped to the page. */
export function stepWord(page: ReadResult, current: WordRef | null, step: number): WordRef | null {
  const order = wordsInOrder(page);
  if (order.length === 0) return null;
  const at = current ? order.findIndex((ref) => ref.line === current.line && ref.word === current.word) : -1;
  const next = at < 0 ? (step >= 0 ? 0 : order.length - 1) : Math.min(order.length - 1, Math.max(0, at + step));
  return order[next]!;
}
