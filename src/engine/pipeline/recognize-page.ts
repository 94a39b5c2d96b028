/**
 * Reads a page in its language: the one the caller gave, or (when none was given) English first
 * and, when the words say another shipped language, again with that language's model.
 */
import { ReadApiError } from '../../read-api/errors';
import { SHIPPED_LANGUAGES } from '../../read-api/params';
import { detectLanguage } from './detect-language';
import { rotateRaster, type QuarterTurns } from './page-transform';
import { isLowResolution, type RasterPage } from './raster';
import { recognizeUpright, type RecognizeOptions, type UprightReading } from './recognize-upright';
import type { OcrPage } from './to-read-result';

export type RecognizeWithModel = (raster: RasterPage, model: string, options: RecognizeOptions) => Promise<OcrPage>;

export interface PageReading extends UprightReading {
  /** The page's language, when given or detected. */
  language?: string;
}

const FIRST_LANGUAGE = 'en';

function modelOf(language: string): string {
  const model = SHIPPED_LANGUAGES[language];
  if (!model) throw new ReadApiError('NotSupportedLanguage', `Language '${language}' is not supported.`);
  return model;
}

function wordsOf(ocr: OcrPage): string[] {
  return (ocr.blocks ?? [])
    .flatMap((block) => block.paragraphs)
    .flatMap((paragraph) => paragraph.lines)
    .flatMap((line) => line.words.map((word) => word.text));
}

export async function recognizePage(
  raster: RasterPage,
  language: string | undefined,
  recognize: RecognizeWithModel,
  hint: QuarterTurns = 0,
): Promise<PageReading> {
  const model = modelOf(language ?? FIRST_LANGUAGE);
  const reading = await recognizeUpright(raster, (r, options) => recognize(r, model, options), hint);
  if (language) return { ...reading, language };
  const detected = detectLanguage(wordsOf(reading.ocr));
  if (!detected) return reading;
  if (detected === FIRST_LANGUAGE) return { ...reading, language: detected };
  const deskew = !isLowResolution(raster.width, raster.height);
  const ocr = await recognize(rotateRaster(raster, reading.turns), modelOf(detected), { deskew });
  return { ocr, turns: reading.turns, skewRadians: ocr.rotateRadians ?? 0, language: detected };
}
