/**
 * hOCR (https://kba.github.io/hocr-spec/1.2/): the result as XHTML that OCR tools read, one
 * `ocr_page` per page, `ocr_line` per line and `ocrx_word` per word, each with its `bbox` (the
 * box's axis-aligned bounds, whole pixels, y down) and each word with `x_wconf` (0..100).
 * Pages measured in inches are written in pixels at `inchDpi` (300 unless told), stated as the
 * page's `scan_res`.
 */
import type { AnalyzeResult, BoundingBox, Line, ReadResult } from '../read-api/types';

export interface HocrOptions {
  /** The document's title, e.g. its file name. */
  title?: string;
  /** The file each page came from, written as the page's `image`. */
  image?: string;
  /** Pixels per inch for pages measured in inches. */
  inchDpi?: number;
}

/** One document of a combined hOCR file. */
export interface HocrDocument {
  /** The file name: the pages' `image`. */
  name: string;
  result: AnalyzeResult;
}

export const DEFAULT_INCH_DPI = 300;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in XML content and attribute values; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML cannot hold.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!);
}

/** A quoted hOCR string property value (backslash escapes, as the spec's grammar has them). */
function quoted(value: string): string {
  return `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function pixelBounds(box: BoundingBox, scale: number): PixelBox {
  const xs = [box[0], box[2], box[4], box[6]].map((x) => x * scale);
  const ys = [box[1], box[3], box[5], box[7]].map((y) => y * scale);
  return { x0: Math.floor(Math.min(...xs)), y0: Math.floor(Math.min(...ys)), x1: Math.ceil(Math.max(...xs)), y1: Math.ceil(Math.max(...ys)) };
}

const bboxOf = ({ x0, y0, x1, y1 }: PixelBox) => `bbox ${Math.max(0, x0)} ${Math.max(0, y0)} ${Math.max(0, x1)} ${Math.max(0, y1)}`;

/**
 * A line's placement: `baseline` (slope, and offset from the bbox's bottom at its left edge)
 * for text that runs mostly across the page, `textangle` (degrees anticlockwise) for text that
 * runs mostly up or down it, as tesseract writes them.
 */
function lineGeometry(line: Line, scale: number, bounds: PixelBox): string {
  const b = line.boundingBox.map((value) => value * scale);
  const [dx, dy] = [b[4]! - b[6]!, b[5]! - b[7]!];
  if (Math.abs(dx) >= Math.abs(dy)) {
    const slope = dx === 0 ? 0 : dy / dx;
    const offset = b[7]! + slope * (bounds.x0 - b[6]!) - bounds.y1;
    return `; baseline ${round(slope, 3)} ${round(offset, 0)}`;
  }
  const anticlockwise = (((-Math.atan2(dy, dx) * 180) / Math.PI) % 360 + 360) % 360;
  return `; textangle ${Math.round(anticlockwise)}`;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor || 0;
}

function confidence(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 100);
}

function lineHocr(line: Line, id: string, scale: number): string {
  const bounds = pixelBounds(line.boundingBox, scale);
  const words = line.words.map((word, index) => {
    const title = `${bboxOf(pixelBounds(word.boundingBox, scale))}; x_wconf ${confidence(word.confidence)}`;
    return `    <span class="ocrx_word" id="word_${id}_${index + 1}" title="${escapeXml(title)}">${escapeXml(word.text)}</span>`;
  });
  const title = `${bboxOf(bounds)}${lineGeometry(line, scale, bounds)}`;
  return `   <span class="ocr_line" id="line_${id}" title="${escapeXml(title)}">\n${words.join(' \n')}\n   </span>`;
}

/** One page; `id` numbers it within the file (page_1, line_1_1, word_1_1_1). */
function pageHocr(page: ReadResult, id: number, image: string | undefined, inchDpi: number): string {
  const scale = page.unit === 'inch' ? inchDpi : 1;
  const properties = [
    ...(image !== undefined ? [`image ${quoted(image)}`] : []),
    bboxOf({ x0: 0, y0: 0, x1: Math.round(page.width * scale), y1: Math.round(page.height * scale) }),
    `ppageno ${page.page - 1}`,
    ...(page.unit === 'inch' ? [`scan_res ${inchDpi} ${inchDpi}`] : []),
  ];
  const language = page.language ? ` lang="${escapeXml(page.language)}" xml:lang="${escapeXml(page.language)}"` : '';
  const lines = page.lines.map((line, index) => lineHocr(line, `${id}_${index + 1}`, scale));
  return `  <div class="ocr_page" id="page_${id}"${language} title="${escapeXml(properties.join('; '))}">\n${lines.join('\n')}\n  </div>`;
}

function documentHocr(pages: string[], title: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
    '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">',
    ' <head>',
    `  <title>${escapeXml(title)}</title>`,
    '  <meta http-equiv="Content-Type" content="text/html; charset=utf-8" />',
    '  <meta name="ocr-system" content="localread" />',
    '  <meta name="ocr-capabilities" content="ocr_page ocr_line ocrx_word ocrp_wconf ocrp_lang" />',
    ' </head>',
    ' <body>',
    ...pages,
    ' </body>',
    '</html>',
    '',
  ].join('\n');
}

/** Several documents in one hOCR file, their pages in order, each page naming its document as `image`. */
export function hocrOfDocuments(documents: HocrDocument[], options: Omit<HocrOptions, 'image'> = {}): string {
  const inchDpi = options.inchDpi ?? DEFAULT_INCH_DPI;
  const pages = documents.flatMap(({ name, result }) => result.readResults.map((page) => ({ page, name })));
  const written = pages.map(({ page, name }, index) => pageHocr(page, index + 1, name, inchDpi));
  return documentHocr(written, options.title ?? documents.map(({ name }) => name).join(', '));
}

/** The hOCR of one result. */
export function hocr(result: AnalyzeResult, options: HocrOptions = {}): string {
  const inchDpi = options.inchDpi ?? DEFAULT_INCH_DPI;
  const pages = result.readResults.map((page, index) => pageHocr(page, index + 1, options.image, inchDpi));
  return documentHocr(pages, options.title ?? options.image ?? '');
}
