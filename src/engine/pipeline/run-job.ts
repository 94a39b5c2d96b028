/**
 * One job through the pipeline: decode the input to pages, recognise each page on the pool,
 * map to Azure's result. Progress is reported after each page.
 */
import { ReadApiError } from '../../read-api/errors';
import type { InputFormat } from '../../read-api/formats';
import type { AnalyzeParams } from '../../read-api/params';
import { API_VERSION, LATEST_MODEL_VERSION, type AnalyzeResult, type ReadResult } from '../../read-api/types';
import { decodeImage } from './decode-image';
import type { RasterPage } from './raster';
import { toReadResult, type OcrPage } from './to-read-result';

export interface JobInput {
  format: InputFormat;
  params: AnalyzeParams;
  bytes: Uint8Array<ArrayBuffer>;
}

export interface PipelineDeps {
  recognize(page: RasterPage, params: AnalyzeParams): Promise<OcrPage>;
  onProgress(pagesDone: number, pagesTotal: number): Promise<void>;
}

async function decodePages({ format, bytes }: JobInput): Promise<RasterPage[]> {
  switch (format) {
    case 'png':
    case 'jpeg':
    case 'bmp':
      return [await decodeImage(bytes)];
    default:
      throw new ReadApiError('InvalidImageFormat', `${format.toUpperCase()} input is not supported yet.`);
  }
}

export async function runJob(input: JobInput, deps: PipelineDeps): Promise<AnalyzeResult> {
  const pages = await decodePages(input);
  await deps.onProgress(0, pages.length);
  const readResults: ReadResult[] = [];
  for (const [index, page] of pages.entries()) {
    const ocr = await deps.recognize(page, input.params);
    const frame = { page: index + 1, width: page.width, height: page.height, unit: 'pixel' as const, scale: 1, angle: 0 };
    readResults.push(toReadResult(ocr, frame, input.params.language));
    await deps.onProgress(index + 1, pages.length);
  }
  const modelVersion = input.params.modelVersion === 'latest' ? LATEST_MODEL_VERSION : input.params.modelVersion;
  return { version: API_VERSION, modelVersion, readResults };
}
