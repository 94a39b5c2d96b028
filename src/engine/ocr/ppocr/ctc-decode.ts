/**
 * CTC greedy decoding (Graves et al., 2006) of the recogniser's output, keeping for each
 * character the time step it was read at: steps run left to right across the strip at a fixed
 * stride, which is what places words on the page.
 */
import type { TensorData } from './tensor';

export interface DecodedChar {
  char: string;
  /** The time step the character was emitted at. */
  step: number;
  probability: number;
}

export interface DecodedLine {
  text: string;
  /** Mean probability of the kept steps; 0 for an empty line. */
  confidence: number;
  chars: DecodedChar[];
  /** Time steps across the whole (padded) input. */
  steps: number;
}

/**
 * Decodes item `index` of a [N, T, C] probability tensor with the classes `charset` (0 = blank,
 * the last class a space). PP-OCR's Chinese-trained recogniser often lets a space between Latin
 * words lose to the blank by a little; with `spaceThreshold`, a space is put back between two
 * characters when some step between them gave the space class at least that probability.
 */
export function ctcGreedy(output: TensorData, index: number, charset: readonly string[], spaceThreshold = Infinity): DecodedLine {
  const [, steps = 0, classes = 0] = output.dims;
  const space = charset.length - 1;
  const chars: DecodedChar[] = [];
  let previous = -1;
  let gapSpace = { step: -1, probability: 0 };
  // Confidence is the model's: spaces put back do not count.
  let sum = 0;
  let kept = 0;
  for (let t = 0; t < steps; t += 1) {
    const base = (index * steps + t) * classes;
    let best = 0;
    let bestP = -Infinity;
    for (let c = 0; c < classes; c += 1) {
      const p = output.data[base + c]!;
      if (p > bestP) { bestP = p; best = c; }
    }
    if (best !== 0 && best !== previous) {
      const last = chars[chars.length - 1];
      if (last && best !== space && last.char !== ' ' && gapSpace.probability >= spaceThreshold) {
        chars.push({ char: ' ', step: gapSpace.step, probability: gapSpace.probability });
      }
      chars.push({ char: charset[best] ?? '', step: t, probability: bestP });
      sum += bestP;
      kept += 1;
      gapSpace = { step: -1, probability: 0 };
    } else if (best === 0) {
      const p = output.data[base + space] ?? 0;
      if (p > gapSpace.probability) gapSpace = { step: t, probability: p };
    }
    previous = best;
  }
  return { text: chars.map((c) => c.char).join(''), confidence: kept ? sum / kept : 0, chars, steps };
}

export interface WordSpan {
  text: string;
  confidence: number;
  /** Where the word starts and ends across the strip, as fractions of the strip's width. */
  start: number;
  end: number;
}

/**
 * The line split at spaces into words, each with the part of the strip it was read from. The
 * tensor may be wider than this strip (a batch is padded to its widest): a step covers
 * `tensorWidth / steps` pixels from the strip's left edge.
 */
export function wordSpans(line: DecodedLine, stripWidth: number, tensorWidth: number): WordSpan[] {
  const stride = line.steps ? tensorWidth / line.steps : 0;
  const words: WordSpan[] = [];
  let current: DecodedChar[] = [];
  const flush = () => {
    if (!current.length) return;
    const first = current[0]!;
    const last = current[current.length - 1]!;
    const clamp = (x: number) => Math.min(1, Math.max(0, x / stripWidth));
    words.push({
      text: current.map((c) => c.char).join(''),
      confidence: current.reduce((sum, c) => sum + c.probability, 0) / current.length,
      start: clamp(first.step * stride),
      end: clamp((last.step + 1) * stride),
    });
    current = [];
  };
  for (const c of line.chars) {
    if (c.char.trim() === '') flush();
    else current.push(c);
  }
  flush();
  return words;
}
