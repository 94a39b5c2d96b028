/**
 * One page, from its content to Azure's `ReadResult`: prepare the pixels, recognise them
 * (orientation, language, engines), then assemble the lines on the page as given, in the order
 * asked for. A page with a text layer needs none of it.
 */
import { ReadApiError } from '../../read-api/errors';
import type { AnalyzeParams } from '../../read-api/params';
import type { ReadResult } from '../../read-api/types';
import type { PageContent } from './document';
import { pageTransform } from './page-transform';
import { isLowResolution, withAssumedDpi } from './raster';
import { preparePage, type PrepareStep } from './prepare/prepare-page';
import { probesFirst } from './orient';
import { probePage, recognise, type PageRecognition, type Readers } from './recognise';
import { naturalOrder } from './reading-order';
import { toReadResult } from './to-read-result';

/** What reading a page took, for the benchmark (never part of the API's answer). */
export interface PageReport {
  steps: PrepareStep[];
  engines: PageRecognition['engines'];
}

export interface ReadPageOptions {
  /** Preparation steps not to take (the benchmark measures each step's effect this way). */
  skipSteps?: readonly PrepareStep[] | undefined;
  report?: ((page: number, what: PageReport) => void) | undefined;
}

/** Resolves after the tasks queued now have run (messages posted by pending promises among them). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function readPage(
  pageNumber: number,
  content: PageContent,
  params: AnalyzeParams,
  readers: Readers,
  signal: AbortSignal,
  { skipSteps, report }: ReadPageOptions = {},
): Promise<ReadResult> {
  const { width, height, unit, raster } = content;
  if (content.lines) return { page: pageNumber, angle: 0, width, height, unit, lines: content.lines };
  if (!raster) throw new ReadApiError('FailedToProcess', `Page ${pageNumber} has neither text nor pixels.`);
  const declared = content.turns ? { turns: content.turns } : {};
  const deskew = !isLowResolution(raster.width, raster.height);
  // A large page's probe is read while the engine measures the page for preparation, as it would
  // be read after it when preparation leaves the page as it is (every scan but photos and
  // low-resolution forms): the measurement then costs the page no time. A page preparation
  // changes is probed again, as prepared.
  const early = probesFirst(raster) ? probePage(raster, params.language, readers, signal, { ...declared, deskew, hard: false }) : undefined;
  if (early) {
    early.catch(() => undefined); // Awaited only when used: the page's own reading reports a failure.
    await nextTask(); // The probe's images are posted to the workers before the measurement holds this thread.
  }
  const prepared = preparePage(raster, skipSteps ? { skip: skipSteps } : {});
  // An enlarged small page is declared 300 dpi (tesseract's own estimate read enlarged forms with
  // twice the errors); a page that has a resolution keeps it, scaled with the page.
  const pixels = prepared.raster === raster || prepared.raster.dpi ? prepared.raster : withAssumedDpi(prepared.raster);
  const unchanged = prepared.steps.length === 0;
  // Most large pages are read as they stand (upright, level): their parts are laid out while the
  // workers still read the probe. A page the probe turns or straightens is laid out again.
  if (early && unchanged) readers.planParts?.(raster);
  const hints = {
    ...declared,
    hard: !unchanged,
    deskew,
    enlarged: prepared.steps.includes('upscale-2x'),
    ...(early && unchanged ? { probed: early } : {}),
  };
  const recognition = await recognise(pixels, params.language, readers, signal, hints);
  report?.(pageNumber, { steps: prepared.steps, engines: recognition.engines });
  const transform = pageTransform({
    width: pixels.width,
    height: pixels.height,
    turns: recognition.turns,
    skewRadians: recognition.skewRadians,
    scale: content.scale,
    toSource: prepared.toSource,
  });
  const frame = { page: pageNumber, width, height, unit, angle: transform.angle, toPage: transform.toPage };
  const result = toReadResult(recognition.reading, frame, recognition.language);
  if (params.readingOrder === 'natural') result.lines = naturalOrder(result.lines, result.angle);
  return result;
}
