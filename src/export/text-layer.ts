/**
 * The invisible text of one page: every word written in text render mode 3 (neither filled nor
 * stroked) in the frame of its box, its font size set so the font's ascent-to-descent spans the
 * box's height and its horizontal scaling (Tz) so its advance spans the box's width. Viewers
 * select and search text by those glyph extents, so selection lands on the printed word.
 */
import {
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSqueeze,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
  type PDFFont,
  type PDFName,
  type PDFOperator,
} from 'pdf-lib';
import type { ReadResult } from '../read-api/types';
import type { Affine } from './page-frame';
import { wordFrame, type WordFrame } from './word-placement';

/** A font's vertical metrics per point of size, and the characters it can draw. */
export interface LayerFont {
  font: PDFFont;
  /** Ascent and descent (positive) per point of size. */
  ascent: number;
  descent: number;
  drawable: ReadonlySet<number>;
}

/**
 * The metrics of an embedded font, measured once per document from the font file's own
 * (fontkit's) ascent and descent, in units per em. pdf-lib's `heightAtSize` without the
 * descender subtracts the descent unscaled, so it is not used.
 */
export function layerFont(font: PDFFont, metrics: { ascent: number; descent: number; unitsPerEm: number }): LayerFont {
  return {
    font,
    ascent: metrics.ascent / metrics.unitsPerEm,
    descent: Math.abs(metrics.descent) / metrics.unitsPerEm,
    drawable: new Set(font.getCharacterSet()),
  };
}

/**
 * The text as the font can draw it: a character the font lacks becomes a space, which keeps the
 * word's length and never fails the export (its glyph would be .notdef, which maps to no text).
 */
export function drawableText(text: string, drawable: ReadonlySet<number>): string {
  return Array.from(text, (char) => (drawable.has(char.codePointAt(0)!) ? char : ' ')).join('');
}

function wordOperators(text: string, frame: WordFrame, layer: LayerFont, key: PDFName, trailingSpace: boolean): PDFOperator[] {
  const size = frame.height / (layer.ascent + layer.descent);
  const advance = layer.font.widthOfTextAtSize(text, size);
  if (!(advance > 0)) return [];
  // The baseline sits the descent above the box's bottom edge.
  const lift = layer.descent * size;
  const origin = [frame.corner[0] + frame.up[0] * lift, frame.corner[1] + frame.up[1] * lift];
  // A space after each word but the last of a line: copied text keeps its word breaks in every
  // viewer, not only in those that guess spaces from gaps.
  const shown = trailingSpace ? `${text} ` : text;
  return [
    setTextMatrix(frame.along[0], frame.along[1], frame.up[0], frame.up[1], origin[0]!, origin[1]!),
    setFontAndSize(key, size),
    setCharacterSqueeze((100 * frame.width) / advance),
    showText(layer.font.encodeText(shown)),
  ];
}

/**
 * The operators that write `page`'s words, placed through `toUser`, in the font the page's
 * resources name `key`; empty when it has none.
 */
export function textLayerOperators(page: ReadResult, toUser: Affine, layer: LayerFont, key: PDFName): PDFOperator[] {
  const words: PDFOperator[] = [];
  for (const line of page.lines) {
    line.words.forEach((word, index) => {
      const text = drawableText(word.text, layer.drawable);
      const frame = wordFrame(word.boundingBox, toUser);
      if (!frame || text.trim() === '') return;
      words.push(...wordOperators(text, frame, layer, key, index < line.words.length - 1));
    });
  }
  if (words.length === 0) return [];
  return [pushGraphicsState(), beginText(), setTextRenderingMode(TextRenderingMode.Invisible), ...words, endText(), popGraphicsState()];
}
