/**
 * Recognises an upright page in its language, with the engines it needs. Tesseract reads every
 * page, in the language the caller gave or (when none) in English first and again in the
 * language its words say. A page that tesseract reads with doubt, or that preparation found hard
 * (rules, a photo), is also read by the second engine (PP-OCR), and the two readings are fused
 * line by line. The reading comes back in the upright frame: the raster turned by `turns`, not
 * deskewed.
 */
import { ReadApiError } from '../../read-api/errors';
import { SHIPPED_LANGUAGES } from '../../read-api/params';
import { detectLanguage } from './detect-language';
import { orient, orientByProbe, probesFirst, type ProbedOrientation, type RecognizeOptions } from './orient';
import { rotateRaster, straighten, unskew, type QuarterTurns } from './page-transform';
import { isLowResolution, type RasterPage } from './raster';
import { textReadingOf, wordsOf, type OcrPage } from '../ocr/tesseract-page';
import { mapQuad, type Quad, type TextReading } from '../ocr/text-reading';
import { halveRaster } from './raster-scale';
import { fuseReadings, needsSecondEngine, type FusionStats } from '../ocr/fuse';

/** Tesseract with a model (e.g. `eng`); stops when `signal` aborts. */
export type ReadWithTesseract = (raster: RasterPage, model: string, options: RecognizeOptions, signal: AbortSignal) => Promise<OcrPage>;
/** The second engine on an upright raster; stops when `signal` aborts. */
export type ReadWithSecondEngine = (raster: RasterPage, signal: AbortSignal) => Promise<TextReading>;

export interface Readers {
  tesseract: ReadWithTesseract;
  /** Absent when the second engine is switched off. */
  secondEngine?: ReadWithSecondEngine | undefined;
  /**
   * Lays out the parts of a page tesseract will read (read-in-parts.ts), ahead of the reading;
   * absent, or doing nothing, where pages are not cut or the workers are busy with other pages.
   */
  planParts?: ((raster: RasterPage) => void) | undefined;
}

export interface PageRecognition {
  reading: TextReading;
  /** Clockwise quarter turns applied to the raster before it was read. */
  turns: QuarterTurns;
  /** The text's small angle after the turns: what the page was straightened by, and tesseract's deskew after that. */
  skewRadians: number;
  /** The page's language, when given or detected. */
  language?: string;
  /** Which engines read the page, and what fusion took from each. */
  engines: FusionStats;
}

export interface RecognitionHints {
  /** A turn the file declares (EXIF): tried first. */
  turns?: QuarterTurns;
  /** Preparation found the page hard (rules removed, a photo flattened or rectified). */
  hard?: boolean;
  /**
   * Whether tesseract may deskew, decided on the page as given: an enlarged 100 dpi form is
   * still a low-resolution scan, whose field underlines mislead the skew measurement.
   */
  deskew?: boolean;
  /**
   * The page was enlarged 2x for tesseract: the second engine reads it at its size as given (its
   * detector and recogniser scale text themselves; the enlarged page only costs it time).
   */
  enlarged?: boolean;
  /**
   * The page's probe, already under way (`probePage` with the same raster and hints): readPage
   * starts it before preparation, so that the two run at once.
   */
  probed?: Promise<ProbedOrientation>;
}

const FIRST_LANGUAGE = 'en';

function modelOf(language: string): string {
  const model = SHIPPED_LANGUAGES[language];
  if (!model) throw new ReadApiError('NotSupportedLanguage', `Language '${language}' is not supported.`);
  return model;
}

/** A reading with every box mapped by `map`. */
function mapReading(reading: TextReading, map: (box: Quad) => Quad): TextReading {
  return { lines: reading.lines.map((line) => ({ ...line, box: map(line.box), words: line.words.map((word) => ({ ...word, box: map(word.box) })) })) };
}

/** A reading with every box scaled by `factor`. */
function scaleReading(reading: TextReading, factor: number): TextReading {
  return mapReading(reading, (box) => box.map((value) => value * factor) as Quad);
}

/** A reading with every box moved by (dx, dy). */
function movedReading(reading: TextReading, dx: number, dy: number): TextReading {
  return mapReading(reading, (box) => box.map((value, i) => value + (i % 2 === 0 ? dx : dy)) as Quad);
}

/** A reading of a page straightened by `radians` (`straighten`), brought back onto the page. */
function unskewedReading(reading: TextReading, radians: number, width: number, height: number): TextReading {
  const map = unskew(radians, width, height);
  return mapReading(reading, (box) => mapQuad(box, map));
}

/** Tesseract's reading, in the upright frame of a `width` x `height` raster (each part in its own). */
function uprightReading(ocr: OcrPage, width: number, height: number): TextReading {
  if (ocr.parts) return { lines: ocr.parts.flatMap((part) => movedReading(uprightReading(part.ocr, part.width, part.height), part.left, part.top).lines) };
  const skew = ocr.rotateRadians ?? 0;
  return textReadingOf(ocr, skew ? unskew(skew, width, height) : undefined);
}

/**
 * A skew the probe measured is undone before the reading: the page's lines are then level, so it
 * can be cut between them into parts for every worker (a page 2 degrees off has no blank row
 * across it). Tesseract still measures what is left on each part, which turns a part only when
 * it is off by more than 0.3 degrees. Not on a page preparation found hard: a photo's skew
 * varies over it (perspective left over, curved paper), and its centre does not stand for the
 * rest (on the corpus's photos, CER 0.062 became 0.085).
 */
function straightens(deskew: boolean, hints: RecognitionHints): boolean {
  return deskew && !hints.hard;
}

/**
 * The probe of a large page (`probesFirst`): its turn, the words that tell its language, and the
 * skew it is straightened by; `recognise` reads the page once after it.
 */
export async function probePage(
  raster: RasterPage,
  language: string | undefined,
  readers: Readers,
  signal: AbortSignal,
  hints: RecognitionHints = {},
): Promise<ProbedOrientation> {
  const model = modelOf(language ?? FIRST_LANGUAGE);
  const deskew = hints.deskew ?? !isLowResolution(raster.width, raster.height);
  const read = (r: RasterPage, options: RecognizeOptions) => readers.tesseract(r, model, options, signal);
  // Without a language given, a probe that cannot tell the page's language is not enough: the
  // page would be read in English, then again in its own language.
  const tells = (probe: OcrPage) => language !== undefined || detectLanguage(wordsOf(probe).map((word) => word.text)) !== null;
  return orientByProbe(raster, read, hints.turns ?? 0, straightens(deskew, hints), tells);
}

export async function recognise(
  raster: RasterPage,
  language: string | undefined,
  readers: Readers,
  signal: AbortSignal,
  hints: RecognitionHints = {},
): Promise<PageRecognition> {
  const withModel = (model: string) => (r: RasterPage, options: RecognizeOptions) => readers.tesseract(r, model, options, signal);
  const deskew = hints.deskew ?? !isLowResolution(raster.width, raster.height);
  const firstModel = modelOf(language ?? FIRST_LANGUAGE);
  // A page's own readings (not its probes) may be cut along tesseract's layout when its ink has
  // no safe cut; a hard page is read as before, the second engine's reading fused with it.
  const cutByLayout = !hints.hard;
  let ocr: OcrPage;
  let turns: QuarterTurns;
  let found = language;
  let straightenedBy = 0;
  let straightened: RasterPage | undefined;
  if (probesFirst(raster)) {
    // Turn and language from a probe, then one reading: a rotated or non-English page is not
    // read twice.
    const probed = await (hints.probed ?? probePage(raster, language, readers, signal, { ...hints, deskew }));
    turns = probed.turns;
    found ??= detectLanguage(wordsOf(probed.probe).map((word) => word.text)) ?? undefined;
    straightenedBy = probed.skewRadians ?? 0;
    straightened = straighten(rotateRaster(raster, turns), straightenedBy);
    ocr = await readers.tesseract(straightened, modelOf(found ?? FIRST_LANGUAGE), { deskew, cutByLayout }, signal);
  } else {
    ({ ocr, turns } = await orient(raster, withModel(firstModel), hints.turns ?? 0, deskew));
  }
  // The probe's words were too few to tell (or there was no probe): the reading's words tell, and
  // a page clearly in another language is read again with its model.
  if (!found) {
    const detected = detectLanguage(wordsOf(ocr).map((word) => word.text));
    found = detected ?? undefined;
    // Given the skew the first reading measured, the second need not measure it again.
    const options = deskew ? { deskew, skewRadians: ocr.rotateRadians ?? 0, cutByLayout } : { deskew, cutByLayout };
    if (detected && detected !== FIRST_LANGUAGE) ocr = await readers.tesseract(straightened ?? rotateRaster(raster, turns), modelOf(detected), options, signal);
  }
  const skewRadians = straightenedBy + (ocr.rotateRadians ?? 0);
  const [width, height] = turns % 2 === 1 ? [raster.height, raster.width] : [raster.width, raster.height];
  const read = uprightReading(ocr, width, height);
  const first = straightenedBy ? unskewedReading(read, straightenedBy, width, height) : read;
  const recognition = { turns, skewRadians, ...(found ? { language: found } : {}) };
  if (!readers.secondEngine || !needsSecondEngine(first, hints.hard ?? false)) {
    return { ...recognition, reading: first, engines: { secondEngine: false, linesFromSecond: 0, lines: first.lines.length } };
  }
  const upright = rotateRaster(raster, turns);
  const second = hints.enlarged ? scaleReading(await readers.secondEngine(halveRaster(upright), signal), 2) : await readers.secondEngine(upright, signal);
  const fused = fuseReadings(first, second, found ?? FIRST_LANGUAGE);
  return { ...recognition, reading: fused.reading, engines: fused.stats };
}
