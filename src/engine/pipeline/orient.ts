/**
 * Which way up a page is. Two ways, by page size:
 * - A large page (both sides at least PROBE_FIRST_FROM px: scans at 300 dpi, photos) is judged
 *   before it is read, from probes of its centre at half size (cut into parts for idle workers).
 *   A small probe comes first (the central 0.3 each way: a fortieth of the page's pixels); it
 *   decides alone when it reads a few lines of words that tell the page's language, as it does
 *   on most pages of text. Otherwise a larger probe (the central half: a sixteenth) decides. A
 *   probe is read as the file says it stands; a confident upright or sideways reading tells the
 *   turn at once, otherwise it is tried upside down, then a quarter turn each way. The page is
 *   then read once, the right way up; the probe's words also tell its language, and the upright
 *   probe's skew straightens it (recognise.ts).
 * - A small page (a low-resolution scan, a cropped image), where a probe would cost a third of a
 *   reading, is read first and kept when that reading is confidently upright (nearly every page);
 *   only a page that is not is probed and read again.
 */
import { bestTurn, longWordsOf, looksUpright, mostlyVertical, orientationScore, turnsForSidewaysReading } from './orientation';
import { rotateRaster, type QuarterTurns } from './page-transform';
import { isLowResolution, type RasterPage } from './raster';
import { cropCentre, halveRaster } from './raster-scale';
import { wordsOf, type OcrPage } from '../ocr/tesseract-page';

export interface RecognizeOptions {
  /** Let tesseract find and undo a small skew (it reports the angle as `rotateRadians`). */
  deskew: boolean;
  /**
   * The skew, measured already (by a first reading of the same image): tesseract turns the image
   * by it instead of measuring it. Measuring finds the text lines, and when the image is then
   * turned, the reading finds them all again: on a skewed A4 page a quarter of its reading's time.
   */
  skewRadians?: number;
  /**
   * The image is a probe, read only for its orientation and language: it may be cut into parts
   * far smaller than a page's (what a part loses at its edges does not change either).
   */
  probe?: boolean;
  /**
   * Only the image's layout: its blocks, lines, words and their glyphs' boxes, without text (a
   * sixth of a reading's time on a magazine spread). Deskew is not measured for it.
   */
  layoutOnly?: boolean;
  /**
   * A page with no safe cut in its ink may be cut along tesseract's own layout (layout-parts.ts)
   * when workers are idle. Not for a page preparation found hard: the second engine reads it too.
   */
  cutByLayout?: boolean;
}

export type Recognize = (raster: RasterPage, options: RecognizeOptions) => Promise<OcrPage>;

export interface OrientedReading {
  ocr: OcrPage;
  /** Clockwise quarter turns applied to the page before the reading. */
  turns: QuarterTurns;
  /** The deskew tesseract applied after those turns. */
  skewRadians: number;
}

/** Probes run at half size when the page stays legible at half size (about 150 dpi for A4 scans). */
const HALVE_PROBES_FROM = 1600;
/** From this size on (both sides), the probe costs a fraction of a reading: it comes first. */
const PROBE_FIRST_FROM = HALVE_PROBES_FROM;

/**
 * Probes read the central part of the page: enough words to judge, a fraction of the work. The
 * whole page's reading waits for the probe: on A4 pages at 300 dpi a central 0.6 cost 40 % of a
 * reading (120 to 135 words of three letters or more), 0.45 about a fifth (40 to 75 words);
 * 0.5 lies between (syn-table 36 words, syn-mixed-fonts 28, both read confidently upright).
 */
const PROBE_CROP = 0.5;
/**
 * The small probe that comes first: on the corpus's pages of running text, 30 to 110 words in
 * a third to a half of the larger probe's time (syn-serif-11pt 250 ms against 440, the magazine
 * spread 400 against 950); sparse pages (a table, mixed headings) read 13 to 16 words there.
 */
const QUICK_PROBE_CROP = 0.3;
/**
 * Words (of three letters or more) the small probe must read to decide alone: a few lines. Fewer
 * say too little of the page, and the larger probe is read.
 */
const QUICK_PROBE_MIN_WORDS = 20;
/** Probes cut words at their edges, which lowers confidence: the bar is a little lower. */
const PROBE_CONFIDENCE = 55;

/**
 * A small page's probes are read as they stand (a small skew does not change which way up a page
 * is, and its reading measures the skew itself). A large page's probes also measure the skew,
 * for the page to be straightened before its reading (orientByProbe, recognise.ts).
 */
const PROBE_READING: RecognizeOptions = { deskew: false, probe: true };

/** Quarter turns to try: a page read as vertical words lies on its side, otherwise most likely upside down. */
function probeOrder(first: OcrPage): Array<1 | 2 | 3> {
  return mostlyVertical(first) ? [1, 3, 2] : [2, 1, 3];
}

/** A probe of a page: its central part, at half size when it stays legible so (cut out first: a quarter of the work). */
function probeOf(raster: RasterPage, crop: number): RasterPage {
  const centre = cropCentre(raster, crop);
  return Math.min(raster.width, raster.height) >= HALVE_PROBES_FROM ? halveRaster(centre) : centre;
}

interface ProbedTurn {
  turn: QuarterTurns;
  /** The probe read that way up (its words tell the page's language). */
  reading: OcrPage;
  /** The probe read confidently upright that way, rather than only best among the four. */
  confident: boolean;
}

/**
 * Tries the other turns of `probe`, in an order told by `first` (a reading that was not
 * confidently upright), stopping at the first that reads upright; if none does, the best-scoring
 * turn wins. `asGiven` is the probe read as it stands, when already read (else it is read last).
 */
async function probeTurns(probe: RasterPage, first: OcrPage, recognize: Recognize, options: RecognizeOptions, asGiven?: OcrPage): Promise<ProbedTurn> {
  const scores = [0, 0, 0, 0];
  const readings: Array<OcrPage | undefined> = [asGiven, undefined, undefined, undefined];
  for (const turn of probeOrder(first)) {
    const reading = await recognize(rotateRaster(probe, turn), options);
    if (looksUpright(reading, PROBE_CONFIDENCE) && orientationScore(reading) > 0) return { turn, reading, confident: true };
    scores[turn] = orientationScore(reading);
    readings[turn] = reading;
  }
  readings[0] ??= await recognize(probe, options);
  scores[0] = orientationScore(readings[0]);
  const turn = bestTurn(scores);
  return { turn, reading: readings[turn]!, confident: false };
}

/** True for a page large enough that a probe costs a fraction of a reading: it is probed first. */
export function probesFirst(raster: RasterPage): boolean {
  return Math.min(raster.width, raster.height) >= PROBE_FIRST_FROM;
}

export interface ProbedOrientation {
  /** Clockwise quarter turns that make the page upright. */
  turns: QuarterTurns;
  /** The probe read upright (or as nearly upright as any turn read it). */
  probe: OcrPage;
  /**
   * The text's skew on the upright page, as the probe that read it upright measured it: given
   * when the page may be deskewed and that probe read enough words to measure it.
   */
  skewRadians?: number;
}

/** Words of the upright probe from which its skew stands for the page's (a line or two of text). */
const MIN_WORDS_FOR_SKEW = 12;

function withSkew(turns: QuarterTurns, probe: OcrPage, deskew: boolean): ProbedOrientation {
  const measured = deskew && wordsOf(probe).length >= MIN_WORDS_FOR_SKEW;
  return measured ? { turns, probe, skewRadians: probe.rotateRadians ?? 0 } : { turns, probe };
}

interface ProbeVerdict {
  orientation: ProbedOrientation;
  /** The probe read confidently upright (or on its side) some way, not only best among the four. */
  confident: boolean;
}

/** The turn of a page from one probe of it (`probe`, as the file says the page stands: `hint`). */
async function judgeProbe(probe: RasterPage, recognize: Recognize, hint: QuarterTurns, deskew: boolean): Promise<ProbeVerdict> {
  const options: RecognizeOptions = { deskew, probe: true };
  // The centre of the page turned is the centre turned: only the probe is turned.
  const turned = rotateRaster(probe, hint);
  const first = await recognize(turned, options);
  if (looksUpright(first, PROBE_CONFIDENCE)) return { orientation: withSkew(hint, first, deskew), confident: true };
  const sideways = turnsForSidewaysReading(first);
  // A probe read on its side measured no skew of the upright page: the reading measures it.
  if (sideways !== null) return { orientation: { turns: ((hint + sideways) % 4) as QuarterTurns, probe: first }, confident: true };
  const found = await probeTurns(turned, first, recognize, options, first);
  return { orientation: withSkew(((hint + found.turn) % 4) as QuarterTurns, found.reading, deskew), confident: found.confident };
}

/**
 * Decides a large page's turn from probes alone, starting from the turn its file declares: the
 * small probe when it reads confidently, enough words, and words that tell what else the page
 * needs (`tells`: its language, when the caller gave none); otherwise the larger probe. With
 * `deskew`, the probes measure the skew too.
 */
export async function orientByProbe(
  raster: RasterPage,
  recognize: Recognize,
  hint: QuarterTurns = 0,
  deskew = false,
  tells: (probe: OcrPage) => boolean = () => true,
): Promise<ProbedOrientation> {
  const quick = await judgeProbe(probeOf(raster, QUICK_PROBE_CROP), recognize, hint, deskew);
  const { probe } = quick.orientation;
  if (quick.confident && longWordsOf(probe).length >= QUICK_PROBE_MIN_WORDS && tells(probe)) return quick.orientation;
  // A turn the small probe read confidently, on too few words, is the larger probe's first try.
  const start = quick.confident ? quick.orientation.turns : hint;
  return (await judgeProbe(probeOf(raster, PROBE_CROP), recognize, start, deskew)).orientation;
}

/**
 * Reads a small page the right way up: first as the file says it stands (`hint`, a JPEG's EXIF
 * turn), kept when that reads upright; otherwise probed and read again.
 */
export async function orient(
  raster: RasterPage,
  recognize: Recognize,
  hint: QuarterTurns = 0,
  deskew = !isLowResolution(raster.width, raster.height),
): Promise<OrientedReading> {
  const base = rotateRaster(raster, hint);
  const first = await recognize(base, { deskew });
  const asGiven = { ocr: first, turns: hint, skewRadians: first.rotateRadians ?? 0 };
  if (looksUpright(first)) return asGiven;
  const extra = turnsForSidewaysReading(first) ?? (await probeTurns(probeOf(base, PROBE_CROP), first, recognize, PROBE_READING)).turn;
  if (extra === 0) return asGiven;
  const turns = ((hint + extra) % 4) as QuarterTurns;
  const ocr = await recognize(rotateRaster(raster, turns), { deskew });
  return { ocr, turns, skewRadians: ocr.rotateRadians ?? 0 };
}
