/**
 * A page whose ink has no safe cut (page-parts.ts: a magazine spread with a dark border, columns
 * under a headline across them) is cut along tesseract's own layout instead: one worker finds
 * the page's blocks and text lines without reading them (a sixth of a reading's time on the
 * magazine spread), and runs of a block's lines are read on every worker at once.
 *
 * A part's image holds only its own glyphs: the boxes of the blobs tesseract put in its lines,
 * on white. A block's box can hold another's lines (a drop cap's line reaches down over the
 * first lines of the column beside it), and its plain crop read those lines twice.
 *
 * The parts come in tesseract's order (blocks, then lines), so joined they read as the whole page.
 */
import type { OcrBox, OcrLine, OcrPage } from '../ocr/tesseract-page';
import type { PagePart } from './page-parts';
import { allocatePgm, pixelsOf, type RasterPage } from './raster';

export interface GlyphPart {
  /** The part's glyphs together, on the page. */
  box: PagePart;
  /** Each glyph's box, padded, on the page. */
  glyphs: OcrBox[];
}

/** At most this many parts per worker, as for cuts in the ink: each part costs a call. */
const PARTS_PER_WORKER = 2;
/** Pixels kept around each glyph's box: antialiased edges, and dots tesseract measured apart. */
const GLYPH_PAD = 2;

/** About how many characters a line holds: its length in line heights (the LSTM's steps). */
function lineWeight({ bbox }: OcrLine): number {
  return (bbox.x1 - bbox.x0) / Math.max(1, bbox.y1 - bbox.y0);
}

/** The boxes of a line's glyphs (a word without them: the word's box). */
function glyphsOf(line: OcrLine): OcrBox[] {
  return line.words.flatMap((word) => (word.symbols?.length ? word.symbols.map((symbol) => symbol.bbox) : [word.bbox]));
}

/** `lines` in `count` runs of about equal weight, in their order. */
function runsOf(lines: OcrLine[], count: number): OcrLine[][] {
  const total = lines.reduce((sum, line) => sum + lineWeight(line), 0);
  const runs: OcrLine[][] = [[]];
  let before = 0;
  for (const line of lines) {
    // A run ends where the next line's middle lies past its even share.
    if (runs.at(-1)!.length > 0 && (before + lineWeight(line) / 2) * count > total * runs.length) runs.push([]);
    runs.at(-1)!.push(line);
    before += lineWeight(line);
  }
  return runs;
}

/** A run of lines as a part: its glyphs' boxes, padded within the page. */
function partOf(lines: OcrLine[], width: number, height: number): GlyphPart {
  const glyphs = lines.flatMap(glyphsOf).map(({ x0, y0, x1, y1 }) => ({
    x0: Math.max(0, x0 - GLYPH_PAD),
    y0: Math.max(0, y0 - GLYPH_PAD),
    x1: Math.min(width, x1 + 1 + GLYPH_PAD),
    y1: Math.min(height, y1 + 1 + GLYPH_PAD),
  }));
  const left = Math.min(...glyphs.map((glyph) => glyph.x0));
  const top = Math.min(...glyphs.map((glyph) => glyph.y0));
  const right = Math.max(...glyphs.map((glyph) => glyph.x1));
  const bottom = Math.max(...glyphs.map((glyph) => glyph.y1));
  return { box: { left, top, width: right - left, height: bottom - top }, glyphs };
}

/**
 * The parts of a `width` x `height` page to read on `workers` workers, from its `layout` (a
 * layout-only reading: boxes, no text): each block's lines, in runs of about an even share of the
 * page's weight when the block is larger. One part or none: nothing to gain from the layout.
 */
export function layoutPartsOf(layout: OcrPage, workers: number, width: number, height: number): GlyphPart[] {
  const blocks = (layout.blocks ?? [])
    .map((block) => block.paragraphs.flatMap((paragraph) => paragraph.lines).filter((line) => glyphsOf(line).length > 0))
    .filter((lines) => lines.length > 0);
  const total = blocks.flat().reduce((sum, line) => sum + lineWeight(line), 0);
  const share = total / (workers * PARTS_PER_WORKER);
  return blocks.flatMap((lines) => {
    const weight = lines.reduce((sum, line) => sum + lineWeight(line), 0);
    const count = Math.min(lines.length, Math.max(1, Math.round(weight / share)));
    return runsOf(lines, count).map((run) => partOf(run, width, height));
  });
}

/** The part's image: its glyphs where they are, white elsewhere, with `margin` of white around. */
export function glyphImage(raster: RasterPage, part: GlyphPart, margin: number): RasterPage {
  const source = pixelsOf(raster);
  const { box } = part;
  const [width, height] = [box.width + 2 * margin, box.height + 2 * margin];
  const { pgm, pixels } = allocatePgm(width, height);
  pixels.fill(255);
  for (const { x0, y0, x1, y1 } of part.glyphs) {
    for (let y = y0; y < y1; y += 1) {
      const start = y * raster.width;
      pixels.set(source.subarray(start + x0, start + x1), (y - box.top + margin) * width + x0 - box.left + margin);
    }
  }
  return { width, height, pgm, ...(raster.dpi ? { dpi: raster.dpi } : {}) };
}
