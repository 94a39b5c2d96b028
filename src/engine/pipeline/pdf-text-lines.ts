/**
 * The text layer of a born-digital PDF page -> Azure lines and words, without OCR. pdf.js gives
 * runs of text, each with the matrix that places the start of its baseline in PDF space (origin at
 * the bottom left, y up). We map them onto the page (origin top left, y down), join runs that
 * continue one another on a baseline into lines, and split lines into words at spaces and gaps.
 * Rotated text keeps its angle: its boxes are rotated quadrilaterals, as Azure gives them.
 */
import type { BoundingBox, Line, Word } from '../../read-api/types';

/** A 2-D affine matrix [a, b, c, d, e, f], as PDF and pdf.js write them. */
export type Matrix = readonly number[];

/** The part of pdf.js's `TextItem` we read. */
export interface PdfTextItem {
  str: string;
  transform: Matrix;
  /** Advance of the run along its baseline, in PDF user space. */
  width: number;
  height: number;
  fontName: string;
}

/** The part of pdf.js's `TextStyle` we read: ascent and descent as fractions of the font size. */
export interface PdfTextStyle {
  ascent: number;
  descent: number;
  vertical: boolean;
}

/** Where a PDF page's text layer is placed: its viewport and the unit boxes are reported in. */
export interface PdfViewport {
  /** pdf.js's viewport transform at scale 1: PDF user space -> page points, top-left origin. */
  viewportTransform: Matrix;
  /** Page size in points, after the page's rotation. */
  width: number;
  height: number;
  /** Multiplies points into the reported unit (1/72 for inches). */
  scale: number;
}

/** A run placed on the page: baseline start (x, y) in points, y down; angle clockwise in radians. */
interface Run {
  text: string;
  x: number;
  y: number;
  angle: number;
  length: number;
  size: number;
  ascent: number;
  descent: number;
}

interface LineDraft {
  angle: number;
  baseline: number;
  end: number;
  size: number;
  runs: Run[];
}

/** A box in a line's own frame: `from`..`to` along the baseline, `top`..`bottom` across it. */
interface FrameBox {
  from: number;
  to: number;
  top: number;
  bottom: number;
}

/** Runs this close in angle (radians, about 1 degree) can share a line. */
const ANGLE_TOLERANCE = 0.02;
/** Baselines closer than this (times the font size) are one line: superscripts stay in theirs. */
const BASELINE_TOLERANCE = 0.5;
/** A gap wider than this (times the font size) on one baseline starts a new line: columns, cells. */
const MAX_GAP = 1.0;
/** A gap wider than this between runs breaks a word even without a space character. */
const WORD_GAP = 0.15;
/** Used when the font gives no usable metrics (pdf.js's TextLayer falls back to 0.8 too). */
const DEFAULT_ASCENT = 0.8;
const DEFAULT_DESCENT = 0.2;

/** m1 x m2, as pdf.js's `Util.transform`: apply m2 first, then m1. */
export function multiply(m1: Matrix, m2: Matrix): number[] {
  const [a1 = 1, b1 = 0, c1 = 0, d1 = 1, e1 = 0, f1 = 0] = m1;
  const [a2 = 1, b2 = 0, c2 = 0, d2 = 1, e2 = 0, f2 = 0] = m2;
  return [a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2, a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1];
}

function toRun(item: PdfTextItem, style: PdfTextStyle | undefined, frame: PdfViewport): Run | null {
  const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = multiply(frame.viewportTransform, item.transform);
  const size = Math.hypot(c, d);
  if (item.str === '' || size === 0) return null;
  // Widths are in user space; the viewport's own scale (its UserUnit) applies to them too.
  const userScale = Math.hypot(frame.viewportTransform[0] ?? 1, frame.viewportTransform[1] ?? 0);
  const vertical = style?.vertical === true;
  const ascent = style && style.ascent > 0 && style.ascent <= 1.5 ? style.ascent : DEFAULT_ASCENT;
  const descent = style && style.descent < 0 && style.descent >= -1 ? -style.descent : DEFAULT_DESCENT;
  return {
    text: item.str,
    x,
    y,
    angle: Math.atan2(b, a) + (vertical ? Math.PI / 2 : 0),
    length: (vertical ? item.height : item.width) * userScale,
    size,
    ascent: ascent * size,
    descent: descent * size,
  };
}

/** Distance along (`along`) and across (`across`, downwards) the baseline direction `angle`. */
function project(run: Run, angle: number): { along: number; across: number } {
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  return { along: run.x * cos + run.y * sin, across: -run.x * sin + run.y * cos };
}

function angleBetween(a: number, b: number): number {
  const difference = Math.abs(a - b) % (2 * Math.PI);
  return Math.min(difference, 2 * Math.PI - difference);
}

function continues(line: LineDraft, run: Run): boolean {
  if (angleBetween(line.angle, run.angle) > ANGLE_TOLERANCE) return false;
  const { along, across } = project(run, line.angle);
  const size = Math.max(line.size, run.size);
  const gap = along - line.end;
  return Math.abs(across - line.baseline) <= BASELINE_TOLERANCE * size && gap >= -0.5 * size && gap <= MAX_GAP * size;
}

/** Joins runs into lines, in the order the page draws them (which is the reading order of most PDFs). */
function groupRuns(runs: Run[]): LineDraft[] {
  const lines: LineDraft[] = [];
  for (const run of runs) {
    let line: LineDraft | undefined;
    for (let i = lines.length - 1; i >= 0 && !line; i -= 1) {
      if (continues(lines[i]!, run)) line = lines[i];
    }
    const { along, across } = project(run, line?.angle ?? run.angle);
    if (line) {
      line.runs.push(run);
      line.end = Math.max(line.end, along + run.length);
      line.size = Math.max(line.size, run.size);
    } else if (run.text.trim() !== '') {
      lines.push({ angle: run.angle, baseline: across, end: along + run.length, size: run.size, runs: [run] });
    }
  }
  return lines;
}

/** A word of a line: its text and its box in the line's frame. */
interface FrameWord {
  text: string;
  box: FrameBox;
}

/** Grows `box` (null: none yet) to cover `from`..`to` along and `top`..`bottom` across. */
function cover(box: FrameBox | null, from: number, to: number, top: number, bottom: number): FrameBox {
  if (!box) return { from, to, top, bottom };
  box.from = Math.min(box.from, from);
  box.to = Math.max(box.to, to);
  box.top = Math.min(box.top, top);
  box.bottom = Math.max(box.bottom, bottom);
  return box;
}

/**
 * Splits a line into words at whitespace and at gaps between runs. pdf.js gives no per-glyph
 * positions, so a run's advance is shared evenly among its characters: word boxes are close, not
 * exact. One pass with no object per character: a page of text has thousands of them.
 */
function wordsOf(line: LineDraft): FrameWord[] {
  const placed = line.runs.map((run) => ({ run, ...project(run, line.angle) })).sort((p, q) => p.along - q.along);
  const words: FrameWord[] = [];
  let text = '';
  let box: FrameBox | null = null;
  const flush = () => {
    if (box) words.push({ text, box });
    text = '';
    box = null;
  };
  let previousEnd = -Infinity;
  for (const { run, along, across } of placed) {
    const top = across - run.ascent;
    const bottom = across + run.descent;
    if (along - previousEnd > WORD_GAP * line.size) flush();
    const chars = Array.from(run.text);
    const advance = run.length / chars.length;
    chars.forEach((char, i) => {
      if (/\s/u.test(char)) {
        flush();
        return;
      }
      text += char;
      box = cover(box, along + i * advance, along + (i + 1) * advance, top, bottom);
    });
    previousEnd = Math.max(previousEnd, along + run.length);
  }
  flush();
  return words;
}

/** A box in a frame rotated by `angle` -> Azure's 8 numbers: top-left, top-right, bottom-right, bottom-left. */
function boundingBoxOnPage({ from, to, top, bottom }: FrameBox, angle: number, page: PdfViewport): BoundingBox {
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  // Four decimals of an inch is far below a printed dot.
  const onPage = (value: number, limit: number) => Math.round(Math.min(Math.max(value, 0), limit) * page.scale * 10_000) / 10_000;
  const corner = (along: number, across: number) => [onPage(along * cos - across * sin, page.width), onPage(along * sin + across * cos, page.height)];
  return [...corner(from, top), ...corner(to, top), ...corner(to, bottom), ...corner(from, bottom)] as BoundingBox;
}

/** Lines and words of a page's text layer, boxes in the frame's unit; empty when the page has no text. */
export function textItemsToLines(
  items: readonly PdfTextItem[],
  styles: Readonly<Record<string, PdfTextStyle>>,
  page: PdfViewport,
): Line[] {
  const runs = items.map((item) => toRun(item, styles[item.fontName], page)).filter((run): run is Run => run !== null);
  return groupRuns(runs).flatMap((line): Line[] => {
    const words = wordsOf(line);
    if (words.length === 0) return [];
    const azureWords: Word[] = words.map(({ text, box }) => ({ boundingBox: boundingBoxOnPage(box, line.angle, page), text, confidence: 1 }));
    const lineBox = words.reduce<FrameBox | null>((union, { box }) => cover(union, box.from, box.to, box.top, box.bottom), null)!;
    return [{
      boundingBox: boundingBoxOnPage(lineBox, line.angle, page),
      // The text layer is what the author typed: print, known for certain.
      appearance: { style: { name: 'other', confidence: 1 } },
      text: words.map((word) => word.text).join(' '),
      words: azureWords,
    }];
  });
}
