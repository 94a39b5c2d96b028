/**
 * Tesseract's page layout -> Azure's `ReadResult`: lines with their words, axis-aligned boxes as
 * Azure's 8-number quadrilaterals, confidences from 0..100 to 0..1.
 */
import type { BoundingBox, Line, ReadResult, Word } from '../../read-api/types';

/** The part of tesseract.js's `Page` we read (structurally compatible with it). */
export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export interface OcrWord {
  text: string;
  confidence: number;
  bbox: OcrBox;
}
export interface OcrLine {
  words: OcrWord[];
  confidence: number;
  bbox: OcrBox;
}
export interface OcrPage {
  blocks: Array<{ paragraphs: Array<{ lines: OcrLine[] }> }> | null;
}

/** Where a page's pixels sit on the page Azure describes: size and unit of the reported page. */
export interface PageFrame {
  page: number;
  width: number;
  height: number;
  unit: 'pixel' | 'inch';
  /** Multiplies engine pixels into the page's unit (1 for images; 1/dpi for PDF). */
  scale: number;
  angle: number;
}

/** Top-left, top-right, bottom-right, bottom-left of an axis-aligned box, scaled. */
export function toBoundingBox({ x0, y0, x1, y1 }: OcrBox, scale = 1): BoundingBox {
  const [left, top, right, bottom] = [x0, y0, x1, y1].map((value) => round(value * scale)) as [
    number,
    number,
    number,
    number,
  ];
  return [left, top, right, top, right, bottom, left, bottom];
}

/** Pixel values stay integers; inches keep four decimals (1/10000 in is far below a pixel). */
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** 0..100 -> 0..1, clamped (tesseract reports -1 or slightly over 100 at times). */
export function toConfidence(tesseractConfidence: number): number {
  const value = Math.min(Math.max(tesseractConfidence / 100, 0), 1);
  return Math.round(value * 1000) / 1000;
}

function toWord(word: OcrWord, scale: number): Word {
  return {
    boundingBox: toBoundingBox(word.bbox, scale),
    text: word.text.trim(),
    confidence: toConfidence(word.confidence),
  };
}

function toLine(line: OcrLine, scale: number): Line | null {
  const words = line.words.filter((word) => word.text.trim() !== '').map((w) => toWord(w, scale));
  if (words.length === 0) return null;
  return {
    boundingBox: toBoundingBox(line.bbox, scale),
    // Tesseract's models read print only: every line is "other" (not handwriting). We give the
    // line's recognition confidence as the style confidence, the closest measure we have.
    appearance: { style: { name: 'other', confidence: toConfidence(line.confidence) } },
    text: words.map((word) => word.text).join(' '),
    words,
  };
}

/** Lines of a recognised page, in the engine's order, as a `ReadResult`. */
export function toReadResult(ocr: OcrPage, frame: PageFrame, language?: string): ReadResult {
  const lines = (ocr.blocks ?? [])
    .flatMap((block) => block.paragraphs)
    .flatMap((paragraph) => paragraph.lines)
    .map((line) => toLine(line, frame.scale))
    .filter((line): line is Line => line !== null);
  const result: ReadResult = {
    page: frame.page,
    angle: frame.angle,
    width: frame.width,
    height: frame.height,
    unit: frame.unit,
    lines,
  };
  if (language) result.language = language;
  return result;
}
