import { describe, expect, it } from 'vitest';
import { parseCharset } from '../../../../../src/engine/ocr/ppocr/charset';
import { PpocrReader, type PpocrModels } from '../../../../../src/engine/ocr/ppocr/ppocr-reader';
import type { ModelRunner, TensorData } from '../../../../../src/engine/ocr/ppocr/tensor';

const charset = parseCharset('h\ni\ny\no\n');

/** A white page with dark bars where the text is. */
function page(width: number, height: number, bars: [number, number, number, number][]) {
  const pixels = new Uint8Array(width * height).fill(255);
  for (const [x0, y0, x1, y1] of bars) for (let y = y0; y < y1; y += 1) pixels.fill(0, y * width + x0, y * width + x1);
  return { width, height, pixels };
}

/** A detector that calls dark pixels text: probability = darkness of the first channel. */
const darkIsText: ModelRunner = {
  async run({ x }) {
    const [, , h = 0, w = 0] = x!.dims;
    const data = new Float32Array(h * w);
    for (let i = 0; i < data.length; i += 1) data[i] = 1 - (x!.data[i]! * 0.229 + 0.485);
    return { data, dims: [1, 1, h, w] };
  },
};

/** A recogniser that reads "hi yo" from every strip, one class per 8 px step. */
function sayHiYo(calls: number[][]): ModelRunner {
  return {
    async run({ x }) {
      const [n = 0, , , w = 0] = x!.dims;
      calls.push([...x!.dims]);
      const steps = Math.floor(w / 8);
      const classes = charset.length;
      const data = new Float32Array(n * steps * classes);
      // h at step 1, i at 2, space at 3, y at 4, o at 5; blank elsewhere.
      const script = [0, 1, 2, 5, 3, 4];
      for (let k = 0; k < n; k += 1) {
        for (let t = 0; t < steps; t += 1) data[(k * steps + t) * classes + (script[t] ?? 0)] = 0.95;
      }
      return { data, dims: [n, steps, classes] };
    },
  };
}

const classifier = (turn: boolean[]): ModelRunner => ({
  async run({ x }) {
    const n = x!.dims[0] ?? 0;
    const data = new Float32Array(n * 2);
    for (let k = 0; k < n; k += 1) data.set(turn[k] ? [0.01, 0.99] : [0.99, 0.01], k * 2);
    return { data, dims: [n, 2] };
  },
});

describe('PpocrReader', () => {
  it('reads each detected line, top to bottom, with words placed along it', async () => {
    const image = page(640, 320, [[40, 200, 600, 230], [40, 60, 600, 90]]);
    const calls: number[][] = [];
    const reader = new PpocrReader({ det: darkIsText, rec: sayHiYo(calls) }, charset, { recMinWidth: 1 });
    const { lines } = await reader.read(image, new AbortController().signal);
    expect(lines.map((l) => l.text)).toEqual(['hi yo', 'hi yo']);
    const [top] = lines;
    expect(top!.box[1]).toBeLessThan(60);
    expect(top!.box[5]).toBeGreaterThan(90);
    expect(top!.box[0]).toBeLessThan(40);
    expect(top!.words.map((w) => w.text)).toEqual(['hi', 'yo']);
    const [hi, yo] = top!.words;
    expect(hi!.box[0]).toBeLessThan(yo!.box[0]);
    expect(hi!.box[2]).toBeLessThanOrEqual(yo!.box[0]);
    expect(top!.confidence).toBeCloseTo(0.95);
    // Both strips went through the recogniser in one batch of height 48.
    expect(calls).toHaveLength(1);
    expect(calls[0]!.slice(0, 3)).toEqual([2, 3, 48]);
  });

  it('reads an upside-down line turned, its box starting at the text top-left', async () => {
    const image = page(640, 160, [[40, 60, 600, 90]]);
    const models: PpocrModels = { det: darkIsText, cls: classifier([true]), rec: sayHiYo([]) };
    const { lines } = await new PpocrReader(models, charset).read(image, new AbortController().signal);
    const [line] = lines;
    // The text's top-left is the page's bottom-right of the box.
    expect(line!.box[0]).toBeGreaterThan(600);
    expect(line!.box[1]).toBeGreaterThan(90);
    // The first word sits at the right end on the page.
    expect(line!.words[0]!.box[0]).toBeGreaterThan(line!.words[1]!.box[0]);
  });

  it('answers no lines for a blank page', async () => {
    const reader = new PpocrReader({ det: darkIsText, rec: sayHiYo([]) }, charset);
    expect((await reader.read(page(100, 100, []), new AbortController().signal)).lines).toEqual([]);
  });

  it('rejects with the reason of an aborted signal and stops calling the models', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    const calls: number[][] = [];
    const det: ModelRunner = {
      async run(feeds): Promise<TensorData> {
        controller.abort(reason);
        return darkIsText.run(feeds);
      },
    };
    const reader = new PpocrReader({ det, rec: sayHiYo(calls) }, charset);
    await expect(reader.read(page(200, 100, [[20, 20, 180, 40]]), controller.signal)).rejects.toBe(reason);
    expect(calls).toEqual([]);
  });
});
