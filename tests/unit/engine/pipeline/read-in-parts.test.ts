import { describe, expect, it, vi } from 'vitest';
import { readingInParts } from '../../../../src/engine/pipeline/read-in-parts';
import { recognise, type ReadWithTesseract } from '../../../../src/engine/pipeline/recognise';
import { allocatePgm, type RasterPage } from '../../../../src/engine/pipeline/raster';
import { cropRaster } from '../../../../src/engine/pipeline/raster-scale';
import type { OcrPage } from '../../../../src/engine/ocr/tesseract-page';

const [WIDTH, HEIGHT] = [1250, 1400];
const signal = new AbortController().signal;

/** Two columns of bar "lines", 30 lines each: the page cuts at its gutter. */
function twoColumnPage(): RasterPage {
  const { pgm, pixels } = allocatePgm(WIDTH, HEIGHT);
  pixels.fill(255);
  for (const left of [60, 540]) {
    for (let line = 0; line < 30; line += 1) {
      for (let y = 100 + line * 36; y < 124 + line * 36; y += 1) {
        for (let x = left; x < left + 400; x += 1) if ((x - left) % 70 < 60) pixels[y * WIDTH + x] = 20;
      }
    }
  }
  return { width: WIDTH, height: HEIGHT, pgm, dpi: 300 };
}

/** Each image read as one confident word at (20, 30)-(120, 60) of that image, named by its width. */
const readImage = () =>
  vi.fn<ReadWithTesseract>(async (raster): Promise<OcrPage> => {
    const bbox = { x0: 20, y0: 30, x1: 120, y1: 60 };
    const word = { text: `w${raster.width}`, confidence: 95, bbox };
    return { blocks: [{ paragraphs: [{ lines: [{ words: [word], confidence: 95, bbox }] }] }], rotateRadians: 0 };
  });

/** The two columns inside a frame of ink: no blank row or column runs across it. */
function framedPage(): RasterPage {
  const page = twoColumnPage();
  const pixels = page.pgm.subarray(page.pgm.length - WIDTH * HEIGHT);
  for (let y = 0; y < HEIGHT; y += 1) {
    for (let x = 0; x < WIDTH; x += 1) if (x < 10 || x >= WIDTH - 10 || y < 10 || y >= HEIGHT - 10) pixels[y * WIDTH + x] = 0;
  }
  return page;
}

/** A layout-only reading of `blocks`, each a column of `lines` lines of one glyph-boxed word. */
function layoutOf(columns: number[], lines: number): OcrPage {
  const block = (left: number) => ({
    paragraphs: [
      {
        lines: Array.from({ length: lines }, (_, i) => {
          const bbox = { x0: left, y0: 100 + i * 36, x1: left + 400, y1: 124 + i * 36 };
          return { bbox, confidence: 0, words: [{ text: '', confidence: 0, bbox, symbols: [{ bbox }] }] };
        }),
      },
    ],
  });
  return { blocks: columns.map(block) };
}

/** `readImage`, but a layout-only call gets `layout`. */
const readWithLayout = (layout: OcrPage) => {
  const read = readImage();
  const image = read.getMockImplementation()!;
  read.mockImplementation(async (raster, model, options, given) => (options.layoutOnly ? layout : image(raster, model, options, given)));
  return read;
};

describe('readingInParts', () => {
  it('reads a page whole when no other worker is free', async () => {
    const read = readImage();
    const page = twoColumnPage();
    await readingInParts(read, () => 1)(page, 'eng', { deskew: true }, signal);
    expect(read).toHaveBeenCalledTimes(1);
    expect(read.mock.calls[0]?.[0]).toBe(page);
  });

  it('reads the columns at once, with margins, and puts each word back where it is on the page', async () => {
    const read = readImage();
    const joined = await readingInParts(read, () => 2)(twoColumnPage(), 'eng', { deskew: true }, signal);
    expect(read).toHaveBeenCalledTimes(2);
    const images = read.mock.calls.map(([image]) => image);
    expect(images.map((image) => image.height)).toEqual([HEIGHT + 16, HEIGHT + 16]);
    expect(images.every((image) => image.dpi === 300)).toBe(true);
    expect(read.mock.calls.every(([, model, , given]) => model === 'eng' && given === signal)).toBe(true);
    const leftWidth = images.find((image) => joined.parts?.[0]?.width === image.width)!.width - 16;
    expect(joined.parts?.map((part) => [part.left, part.top])).toEqual([[-8, -8], [leftWidth - 8, -8]]);
    const words = joined.blocks!.flatMap((block) => block.paragraphs[0]!.lines[0]!.words);
    expect(words.map((word) => word.bbox.x0)).toEqual([12, leftWidth + 12]);
  });

  it('reads a page in the parts laid out for it ahead, and lays out a page anew for another number of workers', async () => {
    const page = twoColumnPage();
    const planned = readingInParts(readImage(), () => 2);
    planned.plan(page, 2);
    // Blanked after the plan: laid out now, it would have no ink to cut at all.
    const pixels = page.pgm.subarray(page.pgm.length - WIDTH * HEIGHT);
    pixels.fill(255);
    expect((await planned(page, 'eng', { deskew: true }, signal)).parts).toHaveLength(2);
    const other = twoColumnPage();
    const three = readingInParts(readImage(), () => 3);
    three.plan(other, 2);
    other.pgm.subarray(other.pgm.length - WIDTH * HEIGHT).fill(255);
    expect((await three(other, 'eng', { deskew: true }, signal)).parts).toBeUndefined();
  });

  it('uses a plan once, and never for a probe', async () => {
    const page = twoColumnPage();
    const reader = readingInParts(readImage(), () => 2);
    reader.plan(page, 2);
    page.pgm.subarray(page.pgm.length - WIDTH * HEIGHT).fill(255);
    expect((await reader(page, 'eng', { deskew: true, probe: true }, signal)).parts).toBeUndefined();
    expect((await reader(page, 'eng', { deskew: true }, signal)).parts).toHaveLength(2);
    expect((await reader(page, 'eng', { deskew: true }, signal)).parts).toBeUndefined();
  });

  it('cuts a probe far smaller than a page it would read whole', async () => {
    const small = cropRaster(twoColumnPage(), { left: 0, top: 0, width: 1000, height: 700 });
    const asPage = readImage();
    await readingInParts(asPage, () => 2)(small, 'eng', { deskew: false }, signal);
    expect(asPage).toHaveBeenCalledTimes(1);
    const asProbe = readImage();
    await readingInParts(asProbe, () => 2)(small, 'eng', { deskew: false, probe: true }, signal);
    expect(asProbe).toHaveBeenCalledTimes(2);
  });

  it("cuts a page whose ink has no safe cut along tesseract's layout, found first, when the page may be", async () => {
    const page = framedPage();
    const read = readWithLayout(layoutOf([60, 540], 30));
    const joined = await readingInParts(read, () => 2)(page, 'eng', { deskew: true, cutByLayout: true }, signal);
    const [layoutCall, ...partCalls] = read.mock.calls;
    expect(layoutCall?.[0]).toBe(page);
    expect(layoutCall?.[2]).toEqual({ deskew: false, layoutOnly: true });
    // Two columns of 30 lines, for two workers: each column in two runs of 15 lines.
    expect(partCalls.map(([image, , options]) => [image.height, options])).toEqual(Array(4).fill([15 * 36 - 12 + 5 + 16, { deskew: true }]));
    expect(joined.parts?.map((part) => [part.left, part.top])).toEqual([[50, 90], [50, 630], [530, 90], [530, 630]]);
  });

  it('reads such a page whole when it may not be cut along its layout, or when the layout has one part', async () => {
    const whole = readWithLayout(layoutOf([60, 540], 30));
    await readingInParts(whole, () => 2)(framedPage(), 'eng', { deskew: true }, signal);
    expect(whole.mock.calls.map(([, , options]) => options)).toEqual([{ deskew: true }]);
    const oneLine = readWithLayout(layoutOf([60], 1));
    const page = framedPage();
    await readingInParts(oneLine, () => 2)(page, 'eng', { deskew: true, cutByLayout: true }, signal);
    expect(oneLine.mock.calls.map(([image, , options]) => [image === page, options])).toEqual([
      [true, { deskew: false, layoutOnly: true }],
      [true, { deskew: true }],
    ]);
  });

  it('gives recognise one reading in the order of the parts, boxes on the page', async () => {
    const read = readImage();
    const recognition = await recognise(twoColumnPage(), 'en', { tesseract: readingInParts(read, () => 2) }, signal);
    const lines = recognition.reading.lines;
    expect(lines).toHaveLength(2);
    expect(lines[0]!.box[0]).toBe(12);
    expect(lines[0]!.box[1]).toBe(22);
    expect(lines[1]!.box[0]).toBeGreaterThan(460);
    expect(lines[1]!.box[1]).toBe(22);
  });
});
