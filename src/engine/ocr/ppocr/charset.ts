/**
 * The recogniser's classes: 0 is the CTC blank, 1..n the lines of the key file
 * (`ppocr_keys_v1.txt`), and n + 1 a space, which the model was trained with (PaddleOCR's
 * `use_space_char`). The model's class count must be n + 2.
 *
 * The key file holds the full-width forms of ASCII (U+FF01..U+FF5E) beside ASCII itself, and the
 * model often reads a Latin colon or bracket as its full-width twin; with `asciiForms` (the
 * default) those classes read as ASCII, as a Latin-script reader expects. Chinese text then
 * reads with ASCII punctuation.
 */
export function parseCharset(keys: string, asciiForms = true): string[] {
  const lines = keys.replace(/\r/g, '').split('\n');
  // A final newline ends the last key; it does not start an empty one.
  if (lines[lines.length - 1] === '') lines.pop();
  const classes = asciiForms ? lines.map(toAsciiForm) : lines;
  return ['', ...classes, ' '];
}

const FULLWIDTH_FIRST = 0xff01;
const FULLWIDTH_LAST = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = '\u3000';

function toAsciiForm(key: string): string {
  if (key === IDEOGRAPHIC_SPACE) return ' ';
  const code = key.length === 1 ? key.charCodeAt(0) : 0;
  return code >= FULLWIDTH_FIRST && code <= FULLWIDTH_LAST ? String.fromCharCode(code - FULLWIDTH_OFFSET) : key;
}
