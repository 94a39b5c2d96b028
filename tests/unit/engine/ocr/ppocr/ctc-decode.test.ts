import { describe, expect, it } from 'vitest';
import { ctcGreedy, wordSpans } from '../../../../../src/engine/ocr/ppocr/ctc-decode';
import { parseCharset } from '../../../../../src/engine/ocr/ppocr/charset';

const charset = parseCharset('a\nb\nc\n');

/** A [1, T, C] output whose step t is sure of class `classes[t]` (with probability `p`). */
function output(classes: number[], p = 0.9) {
  const c = charset.length;
  const data = new Float32Array(classes.length * c).fill((1 - p) / (c - 1));
  classes.forEach((k, t) => (data[t * c + k] = p));
  return { data, dims: [1, classes.length, c] };
}

describe('parseCharset', () => {
  it('puts the blank first and a space last', () => {
    expect(charset).toEqual(['', 'a', 'b', 'c', ' ']);
    expect(parseCharset('x\r\ny')).toEqual(['', 'x', 'y', ' ']);
  });

  it('reads full-width ASCII forms as ASCII unless told not to', () => {
    expect(parseCharset('\uff1a\n\uff08\n\u4e2d\n')).toEqual(['', ':', '(', '\u4e2d', ' ']);
    expect(parseCharset('\uff1a\n', false)).toEqual(['', '\uff1a', ' ']);
  });
});

describe('ctcGreedy', () => {
  it('collapses repeats and drops blanks', () => {
    expect(ctcGreedy(output([1, 1, 0, 2, 2, 2, 0, 0, 3]), 0, charset).text).toBe('abc');
  });

  it('keeps a doubled letter separated by a blank', () => {
    expect(ctcGreedy(output([1, 0, 1, 1]), 0, charset).text).toBe('aa');
  });

  it('records the step of each character and the mean probability of the kept steps', () => {
    const decoded = ctcGreedy(output([0, 1, 1, 0, 3], 0.8), 0, charset);
    expect(decoded.chars.map((c) => c.step)).toEqual([1, 4]);
    expect(decoded.confidence).toBeCloseTo(0.8);
    expect(decoded.steps).toBe(5);
  });

  it('puts back a space the blank won by a little, when asked to', () => {
    const out = output([1, 0, 0, 2]);
    const c = charset.length;
    out.data[2 * c + 4] = 0.3;
    expect(ctcGreedy(out, 0, charset).text).toBe('ab');
    const decoded = ctcGreedy(out, 0, charset, 0.2);
    expect(decoded.text).toBe('a b');
    expect(decoded.chars[1]).toMatchObject({ char: ' ', step: 2 });
    expect(decoded.confidence).toBeCloseTo(0.9);
    expect(ctcGreedy(out, 0, charset, 0.5).text).toBe('ab');
  });

  it('decodes the n-th item of a batch', () => {
    const first = output([1, 0, 0, 0]);
    const second = output([0, 0, 3, 2]);
    const batch = { data: Float32Array.from([...first.data, ...second.data]), dims: [2, 4, charset.length] };
    expect(ctcGreedy(batch, 1, charset).text).toBe('cb');
  });

  it('reads nothing from an all-blank output', () => {
    const decoded = ctcGreedy(output([0, 0, 0]), 0, charset);
    expect(decoded).toMatchObject({ text: '', confidence: 0 });
  });
});

describe('wordSpans', () => {
  it('splits at spaces and places each word by its steps', () => {
    // 10 steps over an 80 px tensor: 8 px a step; the strip itself is 64 px wide.
    const decoded = ctcGreedy(output([1, 0, 2, 0, 4, 0, 3, 3, 0, 0]), 0, charset);
    const words = wordSpans(decoded, 64, 80);
    expect(words.map((w) => w.text)).toEqual(['ab', 'c']);
    expect(words[0]).toMatchObject({ start: 0, end: 24 / 64 });
    expect(words[1]).toMatchObject({ start: 48 / 64, end: 56 / 64 });
  });

  it('clamps a word that runs into the padding to the strip', () => {
    const decoded = ctcGreedy(output([0, 0, 0, 1]), 0, charset);
    expect(wordSpans(decoded, 16, 32)[0]).toMatchObject({ start: 1, end: 1 });
  });
});
