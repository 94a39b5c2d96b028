/**
 * Removes long horizontal and vertical rules (form underlines, boxes, table lines): tesseract
 * takes a line under a field for part of its text, or reads a box edge as "|" or "l". A rule is a
 * run of ink much longer than a letter is wide; its pixels are painted paper, except where ink
 * continues on both sides of the rule's thickness, where a letter crosses it (the stem of a
 * "p" through an underline), so letters that touch or cross a rule keep their strokes.
 */
import { sauvolaMask } from './binarise';
import type { GreyImage } from '../grey-image';

export interface RemoveRulesOptions {
  /** The text height on the page (page-features), px: a rule is many times longer. */
  textHeight: number;
  /** How many text heights long a run of ink must be to be a rule. */
  minimumLength?: number;
}

/** `image` without its long rules; returns the number of pixels painted over as well. */
export function removeRules(image: GreyImage, { textHeight, minimumLength = 6 }: RemoveRulesOptions): { image: GreyImage; removed: number } {
  const { width: w, height: h, pixels } = image;
  // Ink by a local threshold: with one global threshold a shadow across a photographed page is
  // all "ink", its rows all "rules", and the text under it was erased with them.
  const ink = sauvolaMask(image, { window: Math.max(15, Math.round(3 * textHeight)) });
  const length = Math.max(30, Math.round(minimumLength * textHeight));
  const gap = Math.max(1, Math.round(textHeight / 8));
  const horizontal = markRuns(ink, w, h, length, gap, true);
  const vertical = markRuns(ink, w, h, length, gap, false);
  const out = pixels.slice();
  const removed = erase(out, ink, horizontal, w, h, true) + erase(out, ink, vertical, w, h, false);
  return { image: { width: w, height: h, pixels: out }, removed };
}

/**
 * Marks runs of ink at least `length` long along rows (`horizontal`) or columns; gaps up to
 * `gap` px inside a run are bridged (a scanned rule breaks up) but not marked.
 */
function markRuns(ink: Uint8Array, w: number, h: number, length: number, gap: number, horizontal: boolean): Uint8Array {
  const marks = new Uint8Array(w * h);
  const [lines, size, step, stride] = horizontal ? [h, w, 1, w] : [w, h, w, 1];
  for (let line = 0; line < lines; line += 1) {
    const base = line * stride;
    let [start, last] = [-1, -1];
    for (let i = 0; i <= size; i += 1) {
      const set = i < size && ink[base + i * step] === 1;
      if (set && start >= 0 && i - last - 1 > gap) {
        if (last - start + 1 >= length) markRange(ink, marks, base, step, start, last);
        start = i;
      } else if (set && start < 0) start = i;
      if (set) last = i;
      if (i === size && start >= 0 && last - start + 1 >= length) markRange(ink, marks, base, step, start, last);
    }
  }
  return marks;
}

function markRange(ink: Uint8Array, marks: Uint8Array, base: number, step: number, from: number, to: number): void {
  for (let i = from; i <= to; i += 1) if (ink[base + i * step]) marks[base + i * step] = 1;
}

/**
 * Paints the marked rule pixels with the paper beside them, one cross-section at a time: along
 * each column (for a horizontal rule) a run of marked pixels is the rule's thickness there; it is
 * kept when ink that is not rule continues just beyond both ends (a letter crossing it). A
 * greyish fringe pixel on either side of an erased section goes too, so no ghost of the rule is
 * left. The paper is the grey just beyond the fringe, so shading stays as it was.
 */
function erase(out: Uint8Array, ink: Uint8Array, marks: Uint8Array, w: number, h: number, horizontal: boolean): number {
  const [lines, size, step, stride] = horizontal ? [w, h, w, 1] : [h, w, 1, w];
  let removed = 0;
  for (let line = 0; line < lines; line += 1) {
    const base = line * stride;
    for (let i = 0; i < size; i += 1) {
      if (!marks[base + i * step]) continue;
      let end = i;
      while (end + 1 < size && marks[base + (end + 1) * step]) end += 1;
      const before = i > 0 && ink[base + (i - 1) * step] === 1;
      const after = end + 1 < size && ink[base + (end + 1) * step] === 1;
      if (!(before && after)) {
        const from = before ? i : Math.max(0, i - 1);
        const to = after ? end : Math.min(size - 1, end + 1);
        const paper = paperBeside(out, base, step, size, from, to);
        for (let k = from; k <= to; k += 1) {
          const p = base + k * step;
          if (marks[p] || !ink[p]) out[p] = paper;
        }
        removed += end - i + 1;
      }
      i = end;
    }
  }
  return removed;
}

/** The brighter of the two pixels just outside a cross-section (the paper on either side). */
function paperBeside(pixels: Uint8Array, base: number, step: number, size: number, from: number, to: number): number {
  const outside = (k: number) => (k >= 0 && k < size ? pixels[base + k * step]! : 0);
  return Math.max(outside(from - 1), outside(to + 1), outside(from - 2), outside(to + 2));
}
