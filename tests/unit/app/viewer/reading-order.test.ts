import { describe, expect, it } from 'vitest';
import { pageText, stepWord, textOfWords, wordKey, wordsInOrder } from '../../../../src/app/viewer/reading-order';
import { page } from './fixtures';

const sample = page(1, [
  [['The', 0.9], ['quick', 0.9], ['fox', 0.9]],
  [['jumps', 0.9], ['over', 0.9]],
]);

describe('reading order', () => {
  it('lists the words line by line', () => {
    expect(wordsInOrder(sample).map(wordKey)).toEqual(['0.0', '0.1', '0.2', '1.0', '1.1']);
  });

  it('gives the page text a line per line', () => {
    expect(pageText(sample)).toBe('The quick fox\njumps over');
  });

  it('gives chosen words in reading order whatever order they come in', () => {
    expect(textOfWords(sample, ['1.1', '0.2', '1.0', '0.1'])).toBe('quick fox\njumps over');
    expect(textOfWords(sample, [])).toBe('');
  });

  it('steps through the words, clamped to the page', () => {
    expect(stepWord(sample, null, 1)).toEqual({ line: 0, word: 0 });
    expect(stepWord(sample, { line: 0, word: 2 }, 1)).toEqual({ line: 1, word: 0 });
    expect(stepWord(sample, { line: 1, word: 0 }, -1)).toEqual({ line: 0, word: 2 });
    expect(stepWord(sample, { line: 0, word: 1 }, 1e9)).toEqual({ line: 1, word: 1 });
    expect(stepWord(sample, { line: 0, word: 1 }, -1e9)).toEqual({ line: 0, word: 0 });
    expect(stepWord(page(1, []), null, 1)).toBeNull();
  });
});
