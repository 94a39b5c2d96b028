/**
 * Detections to lines in reading order. DB finds a line as one box unless a gap splits it: small
 * gaps (wide word spacing, a break in the print) are mended here, wide ones are kept, because
 * that is how a receipt's item and price or a form's cells stand apart (Azure reports each as a
 * line of its own), and merging across a wide gap would run two columns together.
 */
import type { Quad, TextLine, TextWord } from '../text-reading';
import { rectOfQuad } from '../line-geometry';

export interface LineOptions {
  /** Boxes merge when the gap between them is at most this many line heights. */
  maxGap: number;
  /** Boxes on one row overlap vertically by at least this share of the shorter one. */
  minOverlap: number;
  /** Boxes whose heights differ by more than this factor are not one line (a heading beside body text). */
  maxHeightRatio: number;
}

/**
 * Tuned on the corpus: a gap of 0.6 line heights gave the best line F1 on receipts (0.977;
 * 1.0: 0.941, 1.5: 0.877) and forms (0.797; 1.0: 0.766), whose truth splits a row at gaps
 * shorter than a text height; CER barely moves (only order counts, not splits).
 */
export const LINE_DEFAULTS: LineOptions = { maxGap: 0.6, minOverlap: 0.5, maxHeightRatio: 2 };

interface Extent {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

interface Pending {
  parts: TextLine[];
  extent: Extent;
  last: Extent;
}

/** A quad's axis-aligned extent (one helper for both engines' lines: line-geometry.ts). */
export const extentOf: (quad: Quad) => Extent = rectOfQuad;

const heightOf = (e: Extent) => e.bottom - e.top;

/** Whether `next` continues the row that ends with `last`, and how far it is from it (or -1). */
function gapTo(last: Extent, next: Extent, o: LineOptions): number {
  const [h1, h2] = [heightOf(last), heightOf(next)];
  const overlap = Math.min(last.bottom, next.bottom) - Math.max(last.top, next.top);
  if (overlap < o.minOverlap * Math.min(h1, h2)) return -1;
  if (Math.max(h1, h2) > o.maxHeightRatio * Math.min(h1, h2)) return -1;
  const gap = next.left - last.right;
  const height = Math.max(h1, h2);
  // A little overlap is normal (unclipped boxes of touching words); a lot means another row's box.
  return gap <= o.maxGap * height && gap >= -0.5 * height ? Math.max(gap, 0) : -1;
}

/** Merges pieces of one line (left to right, close together) and orders lines top to bottom. */
export function mergeLines(pieces: readonly TextLine[], options: Partial<LineOptions> = {}): TextLine[] {
  const o = { ...LINE_DEFAULTS, ...options };
  const sorted = pieces.map((line) => ({ line, extent: extentOf(line.box) })).sort((a, b) => a.extent.left - b.extent.left);
  const pending: Pending[] = [];
  for (const { line, extent } of sorted) {
    let best: Pending | undefined;
    let bestGap = Infinity;
    for (const candidate of pending) {
      const gap = gapTo(candidate.last, extent, o);
      if (gap >= 0 && gap < bestGap) { best = candidate; bestGap = gap; }
    }
    if (best) {
      best.parts.push(line);
      best.last = extent;
      best.extent = union(best.extent, extent);
    } else {
      pending.push({ parts: [line], extent, last: extent });
    }
  }
  return orderRows(pending.map((p) => ({ line: joinParts(p.parts), extent: p.extent })), o.minOverlap);
}

function union(a: Extent, b: Extent): Extent {
  return { left: Math.min(a.left, b.left), right: Math.max(a.right, b.right), top: Math.min(a.top, b.top), bottom: Math.max(a.bottom, b.bottom) };
}

/** One line of several pieces: their words in order, the box from the first's left edge to the last's right edge. */
function joinParts(parts: readonly TextLine[]): TextLine {
  if (parts.length === 1) return parts[0]!;
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const words: TextWord[] = parts.flatMap((p) => p.words);
  const weight = (p: TextLine) => Math.max(1, p.text.length);
  const total = parts.reduce((sum, p) => sum + weight(p), 0);
  return {
    text: parts.map((p) => p.text).join(' '),
    confidence: parts.reduce((sum, p) => sum + p.confidence * weight(p), 0) / total,
    box: [first.box[0], first.box[1], last.box[2], last.box[3], last.box[4], last.box[5], first.box[6], first.box[7]],
    words,
  };
}

/**
 * Lines top to bottom; lines that share a row (overlapping vertically by `minOverlap` of the
 * shorter) left to right, so that a receipt reads item, then price.
 */
function orderRows(lines: { line: TextLine; extent: Extent }[], minOverlap: number): TextLine[] {
  const byTop = [...lines].sort((a, b) => (a.extent.top + a.extent.bottom) - (b.extent.top + b.extent.bottom));
  const rows: { members: typeof lines }[] = [];
  for (const item of byTop) {
    const row = rows[rows.length - 1];
    const h = heightOf(item.extent);
    if (row) {
      const anchor = row.members[0]!.extent;
      const overlap = Math.min(anchor.bottom, item.extent.bottom) - Math.max(anchor.top, item.extent.top);
      if (overlap >= minOverlap * Math.min(h, heightOf(anchor))) { row.members.push(item); continue; }
    }
    rows.push({ members: [item] });
  }
  return rows.flatMap((row) => row.members.sort((a, b) => a.extent.left - b.extent.left).map((m) => m.line));
}
