/**
 * Offsets in the unit a caller asked for (`stringIndexType`). Content is built in JavaScript's
 * UTF-16 indices; one map per content turns them into grapheme clusters (`textElements`, the
 * default, as `Intl.Segmenter` counts them) or code points. Spans start and end at word, line or
 * paragraph boundaries, never inside a cluster.
 */
import type { DocumentSpan, StringIndexType } from './types';

/** A span in UTF-16 code units, as the builder records it. */
export interface Utf16Span {
  start: number;
  end: number;
}

/** Maps UTF-16 offsets of `content` to offsets in `unit`. */
export function offsetMapper(content: string, unit: StringIndexType): (utf16: number) => number {
  if (unit === 'utf16CodeUnit') return (utf16) => utf16;
  const map = new Int32Array(content.length + 1);
  let count = 0;
  const mark = (start: number, length: number) => {
    map.fill(count, start, start + length);
    count += 1;
  };
  if (unit === 'textElements') {
    for (const { index, segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(content)) mark(index, segment.length);
  } else {
    let index = 0;
    for (const codePoint of content) {
      mark(index, codePoint.length);
      index += codePoint.length;
    }
  }
  map[content.length] = count;
  return (utf16) => map[utf16]!;
}

/** A `DocumentSpan` of a UTF-16 span, through `toUnit`. */
export function toDocumentSpan({ start, end }: Utf16Span, toUnit: (utf16: number) => number): DocumentSpan {
  const offset = toUnit(start);
  return { offset, length: toUnit(end) - offset };
}
