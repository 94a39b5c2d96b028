import { describe, expect, it } from 'vitest';
import { findMatches, matchedWordKeys, matchSummary, normalise, stepMatch } from '../../../../src/app/viewer/search';
import { page } from './fixtures';

const pages = [
  page(1, [[['The', 1], ['quick', 1], ['brown', 1], ['fox.', 1]], [['Quickly', 1], ['done', 1]]]),
  page(2, [[['nothing', 1], ['here', 1]]]),
  page(3, [[['Über', 1], ['quick', 1], ['brown', 1]]]),
];

describe('findMatches', () => {
  it('finds a word anywhere in words, ignoring case and accents, in reading order', () => {
    expect(findMatches(pages, 'QUICK')).toEqual([
      { pageIndex: 0, line: 0, firstWord: 1, lastWord: 1 },
      { pageIndex: 0, line: 1, firstWord: 0, lastWord: 0 },
      { pageIndex: 2, line: 0, firstWord: 1, lastWord: 1 },
    ]);
    expect(findMatches(pages, 'uber')).toHaveLength(1);
    expect(normalise('Über')).toBe('uber');
  });

  it('finds a phrase across consecutive words of a line', () => {
    expect(findMatches(pages, 'brown fox')).toEqual([{ pageIndex: 0, line: 0, firstWord: 2, lastWord: 3 }]);
    expect(findMatches(pages, 'quick brown')).toHaveLength(2);
    expect(findMatches(pages, 'fox quickly')).toEqual([]);
  });

  it('finds nothing for a blank query', () => {
    expect(findMatches(pages, '   ')).toEqual([]);
  });
});

describe('matchedWordKeys', () => {
  it('holds the words of the matches on one page', () => {
    const matches = findMatches(pages, 'quick brown');
    expect([...matchedWordKeys(matches, 0)]).toEqual(['0.1', '0.2']);
    expect(matchedWordKeys(matches, 1).size).toBe(0);
  });
});

describe('matchSummary', () => {
  it('counts matches and the pages they are on', () => {
    expect(matchSummary(findMatches(pages, 'quick'))).toBe('3 matches on 2 pages');
    expect(matchSummary(findMatches(pages, 'fox'))).toBe('1 match on 1 page');
    expect(matchSummary([])).toBe('No matches');
  });
});

describe('stepMatch', () => {
  it('wraps around both ways', () => {
    expect(stepMatch(3, -1, 1)).toBe(0);
    expect(stepMatch(3, -1, -1)).toBe(2);
    expect(stepMatch(3, 2, 1)).toBe(0);
    expect(stepMatch(3, 0, -1)).toBe(2);
    expect(stepMatch(0, -1, 1)).toBe(-1);
  });
});
