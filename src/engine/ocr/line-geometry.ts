/**
 * Where lines and words lie, for fusion: a line's quad gives its direction (text on a photo or a
 * curved page runs at a slant), which words fall inside it, and the order of lines in rows.
 */
import { median } from '../pipeline/stats';
import type { Quad, TextLine } from './text-reading';

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function rectOfQuad(quad: Quad): Rect {
  const xs = [quad[0], quad[2], quad[4], quad[6]];
  const ys = [quad[1], quad[3], quad[5], quad[7]];
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}

export function centreOf(quad: Quad): [number, number] {
  return [(quad[0] + quad[2] + quad[4] + quad[6]) / 4, (quad[1] + quad[3] + quad[5] + quad[7]) / 4];
}

/** The slope (dy/dx) of a line's top and bottom edges, averaged. */
export function slopeOf(quad: Quad): number {
  const top = (quad[3] - quad[1]) / Math.max(1e-6, quad[2] - quad[0]);
  const bottom = (quad[5] - quad[7]) / Math.max(1e-6, quad[4] - quad[6]);
  return (top + bottom) / 2;
}

/** The height of a line across its direction (the mean of its left and right edges). */
export function heightOf(quad: Quad): number {
  return (Math.hypot(quad[6] - quad[0], quad[7] - quad[1]) + Math.hypot(quad[4] - quad[2], quad[5] - quad[3])) / 2;
}

/** Whether a point lies inside a convex quad (its corners in order, either way round). */
export function quadContains(quad: Quad, x: number, y: number): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i += 1) {
    const [ax, ay] = [quad[2 * i]!, quad[2 * i + 1]!];
    const [bx, by] = [quad[(2 * i + 2) % 8]!, quad[(2 * i + 3) % 8]!];
    const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    if (cross === 0) continue;
    if (sign === 0) sign = Math.sign(cross);
    else if (Math.sign(cross) !== sign) return false;
  }
  return true;
}

/** How far along a line's direction a point lies (for ordering its words left to right). */
export function alongLine(quad: Quad, x: number, y: number): number {
  const [dx, dy] = [quad[2] - quad[0], quad[3] - quad[1]];
  const length = Math.hypot(dx, dy) || 1;
  return ((x - quad[0]) * dx + (y - quad[1]) * dy) / length;
}

/**
 * Lines in rows, top to bottom, each row left to right. The page's slant (the median slope of
 * its lines) is taken out first, so the lines of a photographed page, which run at an angle, do
 * not interleave: each line is placed by where its centre would lie on an unslanted page. A
 * line joins the row whose extent it shares for the most part. Hard pages (forms, receipts)
 * are read row by row: measured on the corpus, tesseract's block order (a form's labels column,
 * then its values column) costs a tenth of the characters on forms against this order.
 */
export function orderInRows(lines: readonly TextLine[]): TextLine[] {
  const slope = median(lines.filter((line) => line.text.length >= 3).map((line) => slopeOf(line.box)));
  const items = lines.map((line) => {
    const [x, y] = centreOf(line.box);
    const level = y - slope * x;
    const half = heightOf(line.box) / 2;
    return { line, top: level - half, bottom: level + half, left: rectOfQuad(line.box).left };
  });
  items.sort((a, b) => a.top + a.bottom - (b.top + b.bottom));
  const rows: Array<{ top: number; bottom: number; members: typeof items }> = [];
  for (const item of items) {
    const row = rows.at(-1);
    const shared = row ? Math.min(row.bottom, item.bottom) - Math.max(row.top, item.top) : 0;
    if (row && shared > 0.5 * Math.min(item.bottom - item.top, row.bottom - row.top)) {
      row.members.push(item);
      row.top = Math.min(row.top, item.top);
      row.bottom = Math.max(row.bottom, item.bottom);
    } else {
      rows.push({ top: item.top, bottom: item.bottom, members: [item] });
    }
  }
  return rows.flatMap((row) => row.members.sort((a, b) => a.left - b.left).map((item) => item.line));
}
