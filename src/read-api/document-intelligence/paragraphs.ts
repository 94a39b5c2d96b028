/**
 * Paragraphs from the lines' layout: consecutive lines (in reading order) of one block, that is
 * close in height, stacked at line spacing and overlapping horizontally, in the text's own frame
 * (the page's angle taken out). For `prebuilt-layout` also the roles that the geometry shows
 * honestly: a page header or footer in the page's top or bottom band, a page number there, and a
 * title (clearly larger text opening the first page).
 */
import type { Line, ReadResult } from '../types';
import type { ParagraphRole, Polygon } from './types';

/** A line's extent in the text's frame (rotated by minus the page angle). */
interface Extent {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface LineGroup {
  /** Indices into the page's lines, in order. */
  lines: number[];
  role?: ParagraphRole;
  polygon: Polygon;
}

/** Lines further apart than this many line heights start a new paragraph. */
const MAX_GAP = 0.7;
/** Lines whose heights differ by more than this ratio are not one paragraph. */
const MAX_HEIGHT_RATIO = 1.4;
/** The page's top and bottom bands where headers, footers and page numbers live. */
const MARGIN_BAND = 0.08;
/** A title's text is at least this much taller than the page's median line. */
const TITLE_RATIO = 1.5;
const PAGE_NUMBER = /^(page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(\s*(of|\/)\s*\d{1,4})?$/i;

function rotate(angle: number): (x: number, y: number) => [number, number] {
  const radians = (angle * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  return (x, y) => [x * cos - y * sin, x * sin + y * cos];
}

function extentOf(box: readonly number[], toText: (x: number, y: number) => [number, number]): Extent {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < box.length; i += 2) {
    const [x, y] = toText(box[i]!, box[i + 1]!);
    xs.push(x);
    ys.push(y);
  }
  return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
}

const heightOf = (extent: Extent) => extent.bottom - extent.top;

function continues(previous: Extent, next: Extent): boolean {
  const [low, high] = [heightOf(previous), heightOf(next)].sort((a, b) => a - b) as [number, number];
  if (low <= 0 || high / low > MAX_HEIGHT_RATIO) return false;
  const gap = next.top - previous.bottom;
  const overlap = Math.min(previous.right, next.right) - Math.max(previous.left, next.left);
  return gap > -0.5 * low && gap <= MAX_GAP * low && overlap > 0;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The group's rectangle in the text's frame, as a page polygon clockwise from its top-left. */
function union(extents: Extent[]): Extent {
  return {
    left: Math.min(...extents.map((e) => e.left)),
    right: Math.max(...extents.map((e) => e.right)),
    top: Math.min(...extents.map((e) => e.top)),
    bottom: Math.max(...extents.map((e) => e.bottom)),
  };
}

function polygonOf({ left, right, top, bottom }: Extent, toPage: (x: number, y: number) => [number, number]): Polygon {
  const corners: Array<[number, number]> = [[left, top], [right, top], [right, bottom], [left, bottom]];
  return corners.flatMap(([x, y]) => toPage(x, y).map((value) => Math.round(value * 10_000) / 10_000));
}

/** The role of a group by where it sits on the page (`top` and `bottom` as fractions of its height). */
function roleOf(top: number, bottom: number, text: string): ParagraphRole | undefined {
  const inHeader = bottom <= MARGIN_BAND;
  const inFooter = top >= 1 - MARGIN_BAND;
  if ((inHeader || inFooter) && PAGE_NUMBER.test(text.trim())) return 'pageNumber';
  if (inHeader) return 'pageHeader';
  if (inFooter) return 'pageFooter';
  return undefined;
}

/**
 * Groups a page's lines into paragraphs; `withRoles` (prebuilt-layout) also names the roles found.
 * Only upright-ish bands count for headers and footers: the frame is the text's, so a page read
 * at 90 degrees has its bands along the text's top and bottom as well.
 */
export function groupParagraphs(page: ReadResult, withRoles: boolean): LineGroup[] {
  const toText = rotate(-page.angle);
  const toPage = rotate(page.angle);
  const extents = page.lines.map((line: Line) => extentOf(line.boundingBox, toText));
  const groups: number[][] = [];
  extents.forEach((extent, index) => {
    const current = groups.at(-1);
    if (current && continues(extents[current.at(-1)!]!, extent)) current.push(index);
    else groups.push([index]);
  });
  // The page's own extent in the text frame, for the header and footer bands.
  const pageExtent = extentOf([0, 0, page.width, 0, page.width, page.height, 0, page.height], toText);
  const pageHeight = heightOf(pageExtent);
  const typical = median(extents.map(heightOf));
  let titleFound = !withRoles || page.page !== 1;
  return groups.map((lines) => {
    const own = lines.map((index) => extents[index]!);
    const extent = union(own);
    const group: LineGroup = { lines, polygon: polygonOf(extent, toPage) };
    // A page of one or two blocks has no header or footer to tell apart from its body.
    if (!withRoles || pageHeight <= 0 || groups.length < 3) return group;
    const text = lines.map((index) => page.lines[index]!.text).join(' ');
    const role = roleOf((extent.top - pageExtent.top) / pageHeight, (extent.bottom - pageExtent.top) / pageHeight, text);
    if (role) group.role = role;
    else if (!titleFound) {
      // Only the first body paragraph can be the title: a large heading further down is a section's.
      titleFound = true;
      if (lines.length <= 3 && median(own.map(heightOf)) >= TITLE_RATIO * typical) group.role = 'title';
    }
    return group;
  });
}
