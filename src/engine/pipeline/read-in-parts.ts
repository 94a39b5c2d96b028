/**
 * One page on every free worker: when workers are idle, a page is cut into parts (page-parts.ts)
 * that are read at the same time and joined into one reading, in the order of the parts. A page
 * waits for its slowest part, so the largest parts are asked for first. When no worker is spare
 * (the pool is busy with other pages), pages are read whole: cutting would only add calls.
 */
import { fromRaster } from './grey-image';
import { MIN_PIXELS, pagePartsOf, type PagePart } from './page-parts';
import type { RasterPage } from './raster';
import type { RecognizeOptions } from './orient';
import { cropRaster } from './raster-scale';
import { glyphImage, layoutPartsOf } from './layout-parts';
import { wordsOf, type OcrBox, type OcrPage, type OcrPart } from '../ocr/tesseract-page';
import type { ReadWithTesseract } from './recognise';

/** White around each part, so that no line touches its image's edge. */
const PART_MARGIN = 8;
/**
 * A probe (orient.ts) is cut down to this size: it waits in front of the page's reading, which
 * cannot start before it ends, and only its words' direction and language are kept. The small
 * probe of an A4 page at 300 dpi (about 200,000 pixels) is cut in two.
 */
const PROBE_MIN_PIXELS = 100_000;

function moved(box: OcrBox, dx: number, dy: number): OcrBox {
  return { x0: box.x0 + dx, y0: box.y0 + dy, x1: box.x1 + dx, y1: box.y1 + dy };
}

/** The parts' blocks, moved onto the page; the deskew of the part with the most words. */
export function joinParts(parts: OcrPart[]): OcrPage {
  const blocks = parts.flatMap(({ ocr, left, top }) =>
    (ocr.blocks ?? []).map((block) => ({
      ...block,
      paragraphs: block.paragraphs.map((paragraph) => ({
        ...paragraph,
        lines: paragraph.lines.map((line) => ({
          ...line,
          bbox: moved(line.bbox, left, top),
          words: line.words.map((word) => ({ ...word, bbox: moved(word.bbox, left, top) })),
        })),
      })),
    })),
  );
  const main = [...parts].sort((a, b) => wordsOf(b.ocr).length - wordsOf(a.ocr).length)[0];
  return { blocks, rotateRadians: main?.ocr.rotateRadians ?? null, parts };
}

/**
 * A tesseract reader that cuts pages into parts; `plan` lays out a page's parts before it is read
 * (readPage does it while the workers read the page's probe, on the engine's thread that would
 * otherwise wait for them): the reading then finds them laid out, when it gets the same page for
 * as many workers.
 */
export type PartsReader = ReadWithTesseract & { plan(raster: RasterPage, workers: number): void };

interface PartsPlan {
  workers: number;
  boxes: PagePart[];
}

/** `read`, cutting a page into parts for the workers that `spareWorkers` says are free. */
export function readingInParts(read: ReadWithTesseract, spareWorkers: () => number): PartsReader {
  // Keyed by the page itself: a plan is used only for the very pixels it was made on.
  const plans = new WeakMap<RasterPage, PartsPlan>();
  const partsOf = (raster: RasterPage, workers: number, minPixels: number) => pagePartsOf(fromRaster(raster), workers, minPixels);
  /** Reads the parts' images at once, largest first (a page waits for its slowest part), and joins them in their order. */
  const readParts = async (parts: Array<{ box: PagePart; image: RasterPage }>, model: string, options: RecognizeOptions, signal: AbortSignal) => {
    const largestFirst = parts.map((_, index) => index).sort((a, b) => parts[b]!.box.width * parts[b]!.box.height - parts[a]!.box.width * parts[a]!.box.height);
    const readings = new Array<Promise<OcrPart>>(parts.length);
    for (const index of largestFirst) {
      const { box, image } = parts[index]!;
      readings[index] = read(image, model, options, signal).then((ocr) => ({
        ocr,
        left: box.left - PART_MARGIN,
        top: box.top - PART_MARGIN,
        width: image.width,
        height: image.height,
      }));
    }
    return joinParts(await Promise.all(readings));
  };
  const reader = async (raster: RasterPage, model: string, options: RecognizeOptions, signal: AbortSignal): Promise<OcrPage> => {
    const workers = spareWorkers();
    const plan = options.probe ? undefined : plans.get(raster);
    if (plan) plans.delete(raster);
    const boxes = workers < 2 ? [] : plan?.workers === workers ? plan.boxes : partsOf(raster, workers, options.probe ? PROBE_MIN_PIXELS : MIN_PIXELS);
    const { cutByLayout, ...partOptions } = options;
    if (boxes.length >= 2) return readParts(boxes.map((box) => ({ box, image: cropRaster(raster, box, PART_MARGIN) })), model, partOptions, signal);
    if (cutByLayout && workers >= 2 && raster.width * raster.height >= MIN_PIXELS) {
      const layout = await read(raster, model, { deskew: false, layoutOnly: true }, signal);
      const parts = layoutPartsOf(layout, workers, raster.width, raster.height);
      if (parts.length >= 2) return readParts(parts.map((part) => ({ box: part.box, image: glyphImage(raster, part, PART_MARGIN) })), model, partOptions, signal);
    }
    return read(raster, model, partOptions, signal);
  };
  return Object.assign(reader, {
    plan(raster: RasterPage, workers: number): void {
      if (workers > 1) plans.set(raster, { workers, boxes: partsOf(raster, workers, MIN_PIXELS) });
    },
  });
}
