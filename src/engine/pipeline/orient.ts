/**
 * Reads a page whichever way up it is. A first reading, deskewed by tesseract, is kept when it is
 * confidently upright (nearly every page: read once). A confident sideways reading tells its turn
 * at once. Otherwise small probes (a central crop at half size) try upside down, then a quarter
 * turn each way, stopping at the first that reads upright; if none does, the best-scoring turn
 * wins. The page is then read again, the right way up.
 */
import { bestTurn, looksUpright, mostlyVertical, orientationScore, turnsForSidewaysReading } from './orientation';
import { rotateRaster, type QuarterTurns } from './page-transform';
import { isLowResolution, type RasterPage } from './raster';
import { cropCentre, halveRaster } from './raster-scale';
import type { OcrPage } from '../ocr/tesseract-page';

export interface RecognizeOptions {
  /** Let tesseract find and undo a small skew (it reports the angle as `rotateRadians`). */
  deskew: boolean;
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

/** Probes read the central part of the page: enough words to judge, a fraction of the work. */
const PROBE_CROP = 0.6;
/** Probes cut words at their edges, which lowers confidence: the bar is a little lower. */
const PROBE_CONFIDENCE = 55;

/** Quarter turns to try: a page read as vertical words lies on its side, otherwise most likely upside down. */
function probeOrder(first: OcrPage): Array<1 | 2 | 3> {
  return mostlyVertical(first) ? [1, 3, 2] : [2, 1, 3];
}

async function probeTurns(raster: RasterPage, first: OcrPage, recognize: Recognize): Promise<QuarterTurns> {
  const halved = Math.min(raster.width, raster.height) >= HALVE_PROBES_FROM ? halveRaster(raster) : raster;
  const probe = cropCentre(halved, PROBE_CROP);
  const scores = [0, 0, 0, 0];
  for (const turn of probeOrder(first)) {
    const reading = await recognize(rotateRaster(probe, turn), { deskew: false });
    if (looksUpright(reading, PROBE_CONFIDENCE) && orientationScore(reading) > 0) return turn;
    scores[turn] = orientationScore(reading);
  }
  scores[0] = orientationScore(await recognize(probe, { deskew: false }));
  return bestTurn(scores);
}

/**
 * Reads `raster` the right way up. `hint` is a turn the file itself declares (EXIF): tried first,
 * and the starting point of any probing.
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
  const extra = turnsForSidewaysReading(first) ?? (await probeTurns(base, first, recognize));
  if (extra === 0) return asGiven;
  const turns = ((hint + extra) % 4) as QuarterTurns;
  const ocr = await recognize(rotateRaster(raster, turns), { deskew });
  return { ocr, turns, skewRadians: ocr.rotateRadians ?? 0 };
}
