/** Finding a query in a result's words, across pages. Pure. */
import type { ReadResult } from '../../read-api/types';
import { wordKey } from './reading-order';

/** One match: the words it covers, all in one line of one page. */
export interface SearchMatch {
  /** Index into the result's pages (not the page number). */
  pageIndex: number;
  line: number;
  /** The first and last word of the match in that line. */
  firstWord: number;
  lastWord: number;
}

/** Case and accents ignored: "Über" finds "uber". */
export function normalise(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** The query's words, normalised; none for a blank query. */
export function queryTerms(query: string): string[] {
  return normalise(query).split(/\s+/).filter((term) => term.length > 0);
}

/**
 * Whether the words from `start` match the terms: one term may fall anywhere in one word; several
 * must run across consecutive words, the first ending one word, the last starting another, and
 * those between equal.
 */
function matchesAt(words: readonly string[], start: number, terms: readonly string[]): boolean {
  if (terms.length === 1) return words[start]!.includes(terms[0]!);
  if (start + terms.length > words.length) return false;
  return terms.every((term, i) => {
    const word = words[start + i]!;
    if (i === 0) return word.endsWith(term);
    if (i === terms.length - 1) return word.startsWith(term);
    return word === term;
  });
}

/** Every match of `query` in reading order, page by page. */
export function findMatches(pages: readonly ReadResult[], query: string): SearchMatch[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const matches: SearchMatch[] = [];
  pages.forEach((page, pageIndex) => {
    page.lines.forEach((line, lineIndex) => {
      const words = line.words.map((word) => normalise(word.text));
      for (let start = 0; start < words.length; start += 1) {
        if (matchesAt(words, start, terms)) {
          matches.push({ pageIndex, line: lineIndex, firstWord: start, lastWord: start + terms.length - 1 });
        }
      }
    });
  });
  return matches;
}

/** The keys (see wordKey) of the words that matches cover on one page. */
export function matchedWordKeys(matches: readonly SearchMatch[], pageIndex: number): Set<string> {
  const keys = new Set<string>();
  for (const match of matches) {
    if (match.pageIndex !== pageIndex) continue;
    for (let word = match.firstWord; word <= match.lastWord; word += 1) keys.add(wordKey({ line: match.line, word }));
  }
  return keys;
}

/** "3 matches on 2 pages", "1 match on 1 page", "No matches". */
export function matchSummary(matches: readonly SearchMatch[]): string {
  if (matches.length === 0) return 'No matches';
  const pages = new Set(matches.map((match) => match.pageIndex)).size;
  const count = matches.length === 1 ? '1 match' : `${matches.length} matches`;
  return `${count} on ${pages === 1 ? '1 page' : `${pages} pages`}`;
}

/** The match after (`step` 1) or before (-1) `current`, wrapping around; -1 when there is none. */
export function stepMatch(count: number, current: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}
