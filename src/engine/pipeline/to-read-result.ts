/**
 * The last step of a page: a reading (in the frame the engines read) -> Azure's `ReadResult`, every
 * quad mapped onto the page as given, in its unit.
 */
import type { BoundingBox, Line, ReadResult } from '../../read-api/types';
import type { Quad, TextReading } from '../ocr/text-reading';

/** Maps a point of the frame the engines read into the page's own coordinates and unit. */
export type ToPage = (x: number, y: number) => [number, number];

/** The page Azure describes: its number, size, unit and angle, and where the engines' pixels sit on it. */
export interface PageFrame {
  page: number;
  width: number;
  height: number;
  unit: 'pixel' | 'inch';
  angle: number;
  toPage: ToPage;
}

/** Four decimals: far below a pixel, and enough for inches (1/10000 in). */
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** A quad of the reading frame mapped onto the page: its first point stays the text's top-left. */
export function toBoundingBox(quad: Quad, toPage: ToPage): BoundingBox {
  const box: number[] = [];
  for (let i = 0; i < 8; i += 2) box.push(...toPage(quad[i]!, quad[i + 1]!).map(round));
  return box as BoundingBox;
}

/** Three decimals of a 0..1 confidence. */
function roundConfidence(confidence: number): number {
  return Math.round(Math.min(Math.max(confidence, 0), 1) * 1000) / 1000;
}

/** Lines of a reading, in its order, as a `ReadResult`. */
export function toReadResult(reading: TextReading, frame: PageFrame, language?: string): ReadResult {
  const lines: Line[] = reading.lines.map((line) => ({
    boundingBox: toBoundingBox(line.box, frame.toPage),
    // The models read print only: every line is "other" (not handwriting). The line's
    // recognition confidence stands in for the style confidence, the closest measure there is.
    appearance: { style: { name: 'other', confidence: roundConfidence(line.confidence) } },
    text: line.text,
    words: line.words.map((word) => ({
      boundingBox: toBoundingBox(word.box, frame.toPage),
      text: word.text,
      confidence: roundConfidence(word.confidence),
    })),
  }));
  const result: ReadResult = { page: frame.page, angle: frame.angle, width: frame.width, height: frame.height, unit: frame.unit, lines };
  if (language) result.language = language;
  return result;
}
