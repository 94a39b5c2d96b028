import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PreparedPage } from '../../../../src/engine/pipeline/prepare/prepare-page';
import type { RasterPage } from '../../../../src/engine/pipeline/raster';
import type { ReadWithTesseract } from '../../../../src/engine/pipeline/recognise';
import { numberedRaster, ocrPage, ocrWord } from '../../helpers/ocr-page';

/** What happened, in order: each tesseract call (probe or page) and the preparation. */
const events: string[] = [];
/** The page preparation gives back; the page itself (nothing done) unless a test sets one. */
let preparedAs: ((raster: RasterPage) => PreparedPage) | undefined;

vi.mock('../../../../src/engine/pipeline/prepare/prepare-page', () => ({
  preparePage: (raster: RasterPage): PreparedPage => {
    events.push('prepare');
    return preparedAs?.(raster) ?? { raster, steps: [], toSource: (x, y) => [x, y], features: {} as PreparedPage['features'] };
  },
}));

const { readPage } = await import('../../../../src/engine/pipeline/read-page');

/** A confident English reading: enough words for the small probe to decide alone and measure a skew. */
const SENTENCE = 'The total of the invoice is due to the office and the bank by the end of the month that follows the date of the order and its delivery';
const ENGLISH = ocrPage(SENTENCE.split(' ').map((text) => ocrWord(text, 92)));
const PARAMS = { readingOrder: 'basic', modelVersion: 'latest' } as const;
const signal = new AbortController().signal;

function reader() {
  return vi.fn<ReadWithTesseract>(async (_raster, _model, options) => {
    events.push(options.probe ? 'probe' : 'read');
    return ENGLISH;
  });
}

function content(raster: RasterPage) {
  return { width: raster.width, height: raster.height, unit: 'pixel' as const, scale: 1, raster };
}

describe('readPage', () => {
  beforeEach(() => {
    events.length = 0;
    preparedAs = undefined;
  });

  it('reads a large page\'s probe while the page is measured for preparation, and probes it only once', async () => {
    const page = numberedRaster(1700, 1800);
    const read = reader();
    const result = await readPage(1, content(page), PARAMS, { tesseract: read }, signal);
    expect(events).toEqual(['probe', 'prepare', 'read']);
    expect(read.mock.calls.map(([, , options]) => options)).toEqual([{ deskew: true, probe: true }, { deskew: true, cutByLayout: true }]);
    expect(result.lines[0]?.text).toBe(SENTENCE);
  });

  it('probes a large page again, as prepared, when preparation changed it, and does not straighten it', async () => {
    const page = numberedRaster(1700, 1800);
    const cleaned = numberedRaster(1700, 1800);
    preparedAs = () => ({ raster: cleaned, steps: ['remove-rules'], toSource: (x, y) => [x, y], features: {} as PreparedPage['features'] });
    const read = reader();
    await readPage(1, content(page), PARAMS, { tesseract: read }, signal);
    expect(events).toEqual(['probe', 'prepare', 'probe', 'read']);
    // The second probe is of the prepared page, read as a hard page's is: not to straighten it.
    expect(read.mock.calls.map(([, , options]) => options)).toEqual([
      { deskew: true, probe: true },
      { deskew: false, probe: true },
      { deskew: true, cutByLayout: false },
    ]);
    expect(read.mock.calls[2]?.[0].pgm).toBe(cleaned.pgm);
  });

  it('prepares a small page before it reads it: it has no probe', async () => {
    const read = reader();
    await readPage(1, content(numberedRaster(1200, 900)), PARAMS, { tesseract: read }, signal);
    expect(events).toEqual(['prepare', 'read']);
  });

  it('has a large page laid out in parts while its probe is read, when preparation leaves it as it is', async () => {
    const page = numberedRaster(1700, 1800);
    const read = reader();
    const planParts = vi.fn((_raster: RasterPage) => events.push('plan'));
    await readPage(1, content(page), PARAMS, { tesseract: read, planParts }, signal);
    expect(events).toEqual(['probe', 'prepare', 'plan', 'read']);
    expect(planParts).toHaveBeenCalledWith(page);
  });

  it('has no page laid out ahead that preparation changed, nor a small one', async () => {
    const planParts = vi.fn();
    const cleaned = numberedRaster(1700, 1800);
    preparedAs = () => ({ raster: cleaned, steps: ['remove-rules'], toSource: (x, y) => [x, y], features: {} as PreparedPage['features'] });
    await readPage(1, content(numberedRaster(1700, 1800)), PARAMS, { tesseract: reader(), planParts }, signal);
    preparedAs = undefined;
    await readPage(1, content(numberedRaster(1200, 900)), PARAMS, { tesseract: reader(), planParts }, signal);
    expect(planParts).not.toHaveBeenCalled();
  });
});
