/**
 * The engine's one result, Read 3.2's `AnalyzeResult`, in Image Analysis's shape: one block
 * holding every line of the image ("at the moment only one block is returned, containing all the
 * text"), boxes of eight numbers as four integer points on the image, confidences as they are.
 */
import type { AnalyzeResult, BoundingBox, Line, ReadResult, Word } from '../types';
import type { BoundingPolygon, DetectedTextLine, DetectedTextWord, ImageAnalysisResult, ImagePoint } from './types';
import { IMAGE_ANALYSIS_MODEL_VERSION } from './types';

/** A coordinate as a pixel of the image: an integer from 0 to the last pixel (ImagePoint is int32 >= 0). */
function pixel(value: number, size: number): number {
  return Math.min(Math.max(Math.round(value), 0), Math.max(size - 1, 0));
}

function polygonOf(box: BoundingBox, page: ReadResult): BoundingPolygon {
  const point = (i: number): ImagePoint => ({ x: pixel(box[i]!, page.width), y: pixel(box[i + 1]!, page.height) });
  return [point(0), point(2), point(4), point(6)];
}

function wordOf(word: Word, page: ReadResult): DetectedTextWord {
  return {
    text: word.text,
    boundingPolygon: polygonOf(word.boundingBox, page),
    confidence: Math.min(Math.max(word.confidence, 0), 1),
  };
}

/** A line as the spec wants it (non-empty text, at least one word), or null when nothing is left. */
function lineOf(line: Line, page: ReadResult): DetectedTextLine | null {
  const words = line.words.filter((word) => word.text.trim() !== '').map((word) => wordOf(word, page));
  const text = line.text.trim();
  if (words.length === 0 || text === '') return null;
  return { text, boundingPolygon: polygonOf(line.boundingBox, page), words };
}

/**
 * The 200 body for `features=read`. The image is the first page of the result (an Image Analysis
 * job reads one page; a multi-page TIFF its first). With no text the block list is empty, as the
 * SDK's own `blocks.length > 0` check expects, although the spec's `minItems: 1` has no way to
 * say "no text" (CONTRACT.md A2).
 */
export function toImageAnalysisResult(result: AnalyzeResult, modelVersion = 'latest'): ImageAnalysisResult {
  const page = result.readResults[0];
  if (!page) throw new Error('The engine returned no page for the image.');
  const lines = page.lines.map((line) => lineOf(line, page)).filter((line): line is DetectedTextLine => line !== null);
  return {
    modelVersion: modelVersion === 'latest' ? IMAGE_ANALYSIS_MODEL_VERSION : modelVersion,
    metadata: { width: Math.max(1, Math.round(page.width)), height: Math.max(1, Math.round(page.height)) },
    readResult: { blocks: lines.length > 0 ? [{ lines }] : [] },
  };
}
