/**
 * Which way up a page is, judged from readings of it. Tesseract's LSTM models read upright text,
 * and often text turned a quarter turn clockwise (as vertical lines); a page upside down or turned
 * counter-clockwise reads as low-confidence noise.
 */
import type { QuarterTurns } from './page-transform';
import { linesOf, type OcrPage, type OcrWord } from '../ocr/tesseract-page';

/**
 * Mean word confidence (0..100) above which a horizontal reading is trusted as upright. Hard but
 * upright pages (100 dpi forms, receipts) read near 70; upside-down text near 45.
 */
const UPRIGHT_CONFIDENCE = 60;
/** Words this short say little about direction. */
const MIN_WORD_LENGTH = 3;

/** A reading's words of MIN_WORD_LENGTH letters or more: those that say which way is up. */
export function longWordsOf(ocr: OcrPage): OcrWord[] {
  return linesOf(ocr)
    .flatMap((line) => line.words)
    .filter((word) => word.text.trim().length >= MIN_WORD_LENGTH);
}

function isHorizontal(word: OcrWord): boolean {
  return word.bbox.x1 - word.bbox.x0 > word.bbox.y1 - word.bbox.y0;
}

/**
 * Confident characters in horizontal words: the evidence that a reading is right way up.
 * Vertical words (a page a quarter turn off, which tesseract may still read) do not count.
 */
export function orientationScore(ocr: OcrPage): number {
  return longWordsOf(ocr)
    .filter(isHorizontal)
    .reduce((sum, word) => sum + (word.text.trim().length * Math.max(0, word.confidence - 50)) / 50, 0);
}

/** Mean confidence of words, weighted by their length. */
function meanConfidence(list: OcrWord[]): number {
  const characters = list.reduce((sum, word) => sum + word.text.length, 0);
  return list.reduce((sum, word) => sum + word.confidence * word.text.length, 0) / characters;
}

/** True when a reading is mostly horizontal, confident text, or when there is no text at all. */
export function looksUpright(ocr: OcrPage, minConfidence = UPRIGHT_CONFIDENCE): boolean {
  const all = longWordsOf(ocr);
  if (all.length === 0) return true;
  const horizontal = all.filter(isHorizontal);
  return horizontal.length >= all.length / 2 && meanConfidence(horizontal) >= minConfidence;
}

/** True when most of a reading's words stand taller than wide: the page lies on its side. */
export function mostlyVertical(ocr: OcrPage): boolean {
  const all = longWordsOf(ocr);
  return all.length > 0 && all.filter((word) => !isHorizontal(word)).length > all.length / 2;
}

/**
 * For a reading of mostly vertical, confident words (tesseract read a page lying on its side),
 * the quarter turns that make it upright: words running down the page mean the text was turned
 * clockwise (3 more clockwise turns right it); running up, counter-clockwise (1 turn). Null
 * when the reading is not of that kind.
 */
export function turnsForSidewaysReading(ocr: OcrPage): QuarterTurns | null {
  const all = longWordsOf(ocr);
  const vertical = all.filter((word) => !isHorizontal(word));
  if (all.length === 0 || vertical.length < all.length / 2 || meanConfidence(vertical) < UPRIGHT_CONFIDENCE) return null;
  let down = 0;
  for (const line of linesOf(ocr)) {
    for (let i = 1; i < line.words.length; i += 1) {
      down += Math.sign(line.words[i]!.bbox.y0 - line.words[i - 1]!.bbox.y0);
    }
  }
  return down >= 0 ? 3 : 1;
}

/** The quarter turn whose reading scored best (ties keep the page as given). */
export function bestTurn(scores: readonly number[]): QuarterTurns {
  let best = 0;
  scores.forEach((score, turn) => {
    if (score > scores[best]!) best = turn;
  });
  return best as QuarterTurns;
}
