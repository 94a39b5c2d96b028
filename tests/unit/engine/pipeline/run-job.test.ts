import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobAbandoned } from '../../../../src/engine/abort';
import { MAX_PAGES, pageDeadlineMs, runJob, selectPages, type JobInput, type PipelineDeps } from '../../../../src/engine/pipeline/run-job';
import type { OcrPage } from '../../../../src/engine/ocr/tesseract-page';
import { parseAnalyzeParams, parsePages, type AnalyzeParams } from '../../../../src/read-api/params';
import { API_VERSION, LATEST_MODEL_VERSION } from '../../../../src/read-api/types';
import { assertReadOperationResult } from '../../../support/ocr-schema';
import { stubImageDecoding } from '../../helpers/canvas-stub';
import { pngHeader } from '../../helpers/fixtures';
import { Slots } from '../../../../src/engine/slots';

const params = (query = ''): AnalyzeParams => parseAnalyzeParams(new URLSearchParams(query));

describe('selectPages', () => {
  it('selects every page when no range is given', () => {
    expect(selectPages(4, params())).toEqual([1, 2, 3, 4]);
  });

  it('selects the pages in the ranges, in page order', () => {
    expect(selectPages(9, params('pages=-2,5,7-'))).toEqual([1, 2, 5, 7, 8, 9]);
  });

  it('ignores the part of a range beyond the last page', () => {
    expect(selectPages(3, params('pages=2-10'))).toEqual([2, 3]);
  });

  it('rejects with InvalidPageRange when no page of the document is selected', () => {
    expect(() => selectPages(3, params('pages=4-'))).toThrow(expect.objectContaining({ code: 'InvalidPageRange' }));
  });

  it(`reads up to ${MAX_PAGES} pages of a longer document when the range allows it`, () => {
    expect(selectPages(MAX_PAGES + 500, { ...params(), pages: parsePages(`1-${MAX_PAGES}`) })).toHaveLength(MAX_PAGES);
  });

  it(`rejects a selection of more than ${MAX_PAGES} pages with InvalidImageFormat, saying why`, () => {
    expect(() => selectPages(MAX_PAGES + 1, params())).toThrow(
      expect.objectContaining({ name: 'ReadApiError', code: 'InvalidImageFormat', message: `The document has more than ${MAX_PAGES} pages to read.` }),
    );
  });
});

describe('runJob', () => {
  const ocrPage: OcrPage = {
    blocks: [
      {
        paragraphs: [
          {
            lines: [
              {
                confidence: 91,
                bbox: { x0: 2, y0: 3, x1: 40, y1: 12 },
                words: [{ text: 'Total', confidence: 91, bbox: { x0: 2, y0: 3, x1: 40, y1: 12 } }],
              },
            ],
          },
        ],
      },
    ],
  };

  type Tesseract = PipelineDeps['readers']['tesseract'];

  function deps(recognize: Tesseract = async () => ocrPage) {
    const progress: Array<[number, number]> = [];
    const pipeline: PipelineDeps = {
      baseUrl: 'https://localread.test/',
      readers: { tesseract: vi.fn(recognize) },
      onProgress: async (done, total) => {
        progress.push([done, total]);
      },
      parallelPages: 2,
    };
    return { pipeline, progress };
  }

  const input = (query = ''): JobInput => ({ format: 'png', params: params(query), bytes: pngHeader(64, 52) });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads an image into one pixel page with the recognised lines', async () => {
    stubImageDecoding(64, 52, [255, 255, 255, 255]);
    const { pipeline } = deps();
    const result = await runJob(input('language=en'), pipeline);
    expect(result.version).toBe(API_VERSION);
    expect(result.readResults).toHaveLength(1);
    expect(result.readResults[0]).toMatchObject({ page: 1, width: 64, height: 52, unit: 'pixel', angle: 0, language: 'en' });
    expect(result.readResults[0]?.lines.map((line) => line.text)).toEqual(['Total']);
    expect(pipeline.readers.tesseract).toHaveBeenCalledTimes(1);
  });

  it('reports latest as the latest GA model and keeps a dated model version', async () => {
    stubImageDecoding(64, 52, [255, 255, 255, 255]);
    expect((await runJob(input(), deps().pipeline)).modelVersion).toBe(LATEST_MODEL_VERSION);
    expect((await runJob(input('model-version=2021-04-12'), deps().pipeline)).modelVersion).toBe('2021-04-12');
  });

  it('reports progress from zero to all pages', async () => {
    stubImageDecoding(64, 52, [255, 255, 255, 255]);
    const { pipeline, progress } = deps();
    await runJob(input(), pipeline);
    expect(progress).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });

  it('produces an analyzeResult that matches the Azure spec', async () => {
    stubImageDecoding(64, 52, [255, 255, 255, 255]);
    const analyzeResult = await runJob(input(), deps().pipeline);
    assertReadOperationResult({
      status: 'succeeded',
      createdDateTime: new Date(0).toISOString(),
      lastUpdatedDateTime: new Date(1).toISOString(),
      analyzeResult,
    });
  });

  it('rejects with InvalidPageRange when the range misses the only page of an image', async () => {
    stubImageDecoding(64, 52, [255, 255, 255, 255]);
    const { pipeline } = deps();
    await expect(runJob(input('pages=2-'), pipeline)).rejects.toMatchObject({ code: 'InvalidPageRange' });
    expect(pipeline.readers.tesseract).not.toHaveBeenCalled();
  });

  it('rejects with the error of a failing recognition', async () => {
    stubImageDecoding(64, 52, [255, 255, 255, 255]);
    const failure = new Error('OCR worker died');
    await expect(runJob(input(), deps(async () => Promise.reject(failure)).pipeline)).rejects.toBe(failure);
  });

  it('abandons the attempt when a page overruns its deadline, aborting the hung call', async () => {
    stubImageDecoding(64, 52, [255, 255, 255, 255]);
    const seen: AbortSignal[] = [];
    const hang: Tesseract = (_page, _model, _options, signal) => {
      seen.push(signal);
      return new Promise<OcrPage>(() => undefined);
    };
    const { pipeline } = deps(hang);
    // A deadline of a few milliseconds: the scale shrinks the minute-long default.
    pipeline.deadlineScale = 1e-4;
    await expect(runJob(input(), pipeline)).rejects.toMatchObject({ name: 'JobAbandoned', why: 'deadline' });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.aborted).toBe(true);
  });

  it('stops reading when the job is no longer ours, with the reason it was given', async () => {
    stubImageDecoding(64, 52, [255, 255, 255, 255]);
    const owner = new AbortController();
    const lost = new JobAbandoned('lost', 'deleted');
    const { pipeline } = deps((_page, _model, _options, signal) => {
      owner.abort(lost);
      expect(signal.aborted).toBe(true);
      return new Promise<OcrPage>(() => undefined);
    });
    await expect(runJob(input(), pipeline, owner.signal)).rejects.toBe(lost);
  });

  it('writes progress for the first and the last page, and not for every page of a fast document', async () => {
    stubImageDecoding(64, 52, [255, 255, 255, 255]);
    const { pipeline, progress } = deps();
    const pages = 40;
    const source = { pageCount: pages, loadPage: async () => ({ width: 1, height: 1, unit: 'inch' as const, scale: 1, lines: [] }), close: () => undefined };
    vi.doMock('../../../../src/engine/pipeline/open-pdf', () => ({ openPdf: async () => source }));
    const { runJob: run } = await import('../../../../src/engine/pipeline/run-job');
    await run({ format: 'pdf', params: params(), bytes: new Uint8Array(8) }, pipeline);
    vi.doUnmock('../../../../src/engine/pipeline/open-pdf');
    expect(progress[0]).toEqual([0, pages]);
    expect(progress.at(-1)).toEqual([pages, pages]);
    expect(progress.length).toBeLessThan(pages / 4);
  });

  it('decodes a page only once it holds a slot of the budget shared by all jobs', async () => {
    stubImageDecoding(64, 52, [255, 255, 255, 255]);
    let decoded = 0;
    let most = 0;
    const slots = new Slots(1);
    const job = () => {
      const { pipeline } = deps(async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        decoded -= 1;
        return ocrPage;
      });
      pipeline.pageSlots = slots;
      pipeline.onPageStart = () => {
        decoded += 1;
        most = Math.max(most, decoded);
      };
      return runJob(input(), pipeline);
    };
    const results = await Promise.all([job(), job(), job()]);
    expect(results.map((result) => result.readResults[0]?.lines[0]?.text)).toEqual(['Total', 'Total', 'Total']);
    expect(most).toBe(1);
    expect(slots.taken).toBe(0);
  });

  it('reads pages with a text layer without a slot, several at once, in page order', async () => {
    const { pipeline } = deps();
    const slots = new Slots(1);
    const held = await slots.acquire();
    pipeline.pageSlots = slots;
    let inFlight = 0;
    let most = 0;
    const pages = 20;
    const source = {
      pageCount: pages,
      readText: async (page: number) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight -= 1;
        return { width: 1, height: 1, unit: 'inch' as const, scale: 1, lines: [{ boundingBox: [0, 0, 1, 0, 1, 1, 0, 1], text: `page ${page}`, words: [] }] };
      },
      loadPage: () => Promise.reject(new Error('a page with text is never decoded')),
      close: () => undefined,
    };
    vi.doMock('../../../../src/engine/pipeline/open-pdf', () => ({ openPdf: async () => source }));
    const { runJob: run } = await import('../../../../src/engine/pipeline/run-job');
    const result = await run({ format: 'pdf', params: params(), bytes: new Uint8Array(8) }, pipeline);
    vi.doUnmock('../../../../src/engine/pipeline/open-pdf');
    held();
    expect(result.readResults.map((page) => page.lines[0]?.text)).toEqual(Array.from({ length: pages }, (_, i) => `page ${i + 1}`));
    expect(most).toBeGreaterThan(pipeline.parallelPages);
  });

  it('gives a page a deadline that grows with its size', () => {
    expect(pageDeadlineMs(0)).toBe(60_000);
    expect(pageDeadlineMs(8_700_000)).toBeGreaterThan(4 * 60_000);
    expect(pageDeadlineMs(8_700_000, 0.5)).toBe(Math.round(pageDeadlineMs(8_700_000) / 2));
  });
});
