/**
 * A searchable PDF of a read document: each page as it was given (a PDF's own page, copied
 * whole; an image, embedded as it is) under an invisible text layer on the words' boxes. Pure:
 * bytes in, bytes out, so the page's export worker and the engine (Document Intelligence's
 * `output=pdf`) share it.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import type { AnalyzeResult, ReadResult } from '../read-api/types';
import { boxOf, imagePageSize, POINTS_PER_INCH, quarterRotation, shownPageToUserSpace, visibleBox, type Affine } from './page-frame';
import { layerFont, textLayerOperators, type LayerFont } from './text-layer';

export interface EmbeddableImage {
  bytes: Uint8Array;
  type: 'image/png' | 'image/jpeg';
}

/** The document the result was read from: the PDF itself, or one image per result page, in the order of `result.readResults`. */
export type PdfSource = { kind: 'pdf'; bytes: Uint8Array } | { kind: 'images'; pages: EmbeddableImage[] };

/** Thrown when the source does not fit the result (a page it lacks, an image count that differs). */
export class ExportSourceError extends Error {
  override readonly name = 'ExportSourceError';
}

/**
 * Images carry no resolution we trust, so an image page is sized as the reader assumed
 * (raster.ts): 300 dpi for a scan or photo, 100 dpi under 1200 px on its longer side (a fax or
 * low-resolution scan), which keeps either near its paper size in a viewer.
 */
export function imageDpi(width: number, height: number): number {
  return Math.max(width, height) < 1200 ? 100 : 300;
}

/** Ligatures off: one glyph per character keeps the text layer's ToUnicode map one to one. */
const FONT_FEATURES = { liga: false, rlig: false, clig: false, dlig: false, calt: false };

async function embedLayerFont(document: PDFDocument, font: Uint8Array): Promise<LayerFont> {
  document.registerFontkit(fontkit);
  const embedded = await document.embedFont(font, { subset: true, features: FONT_FEATURES });
  return layerFont(embedded, fontkit.create(font));
}

/** Writes the text layer on `page`, after (and outside the graphics state of) what it already shows. */
function addTextLayer(document: PDFDocument, page: PDFPage, result: ReadResult, toUser: Affine, layer: LayerFont): void {
  const key = page.node.newFontDictionary(layer.font.name, layer.font.ref);
  const operators = textLayerOperators(result, toUser, layer, key);
  if (operators.length === 0) return;
  // A copied page's content may leave its graphics state changed (an unbalanced `cm`): wrap it
  // in q/Q so the text layer starts from the page's own user space.
  const start = document.context.register(document.context.contentStream([]));
  const end = document.context.register(document.context.contentStream([]));
  page.node.wrapContentStreams(start, end);
  page.pushOperators(...operators);
}

async function fromPdf(bytes: Uint8Array, result: AnalyzeResult, output: PDFDocument, font: LayerFont): Promise<void> {
  const input = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  const count = input.getPageCount();
  const missing = result.readResults.find((page) => page.page < 1 || page.page > count);
  if (missing) throw new ExportSourceError(`The PDF has no page ${missing.page}.`);
  const copied = await output.copyPages(input, result.readResults.map((page) => page.page - 1));
  copied.forEach((page, index) => {
    const read = result.readResults[index]!;
    output.addPage(page);
    const box = visibleBox(boxOf(page.getMediaBox()), boxOf(page.getCropBox()));
    const points = read.unit === 'inch' ? POINTS_PER_INCH : shownWidthIn(box, page) / read.width;
    addTextLayer(output, page, read, shownPageToUserSpace(box, quarterRotation(page.getRotation().angle), points), font);
  });
}

/** A result of a PDF in pixels (not what the reader writes, but possible from elsewhere): scale by width. */
function shownWidthIn(box: { x0: number; x1: number; y0: number; y1: number }, page: PDFPage): number {
  const turned = quarterRotation(page.getRotation().angle) % 180 !== 0;
  return turned ? box.y1 - box.y0 : box.x1 - box.x0;
}

async function fromImages(images: EmbeddableImage[], result: AnalyzeResult, output: PDFDocument, font: LayerFont): Promise<void> {
  if (images.length !== result.readResults.length) {
    throw new ExportSourceError(`${images.length} images for ${result.readResults.length} result pages.`);
  }
  for (const [index, image] of images.entries()) {
    const read = result.readResults[index]!;
    const embedded = image.type === 'image/png' ? await output.embedPng(image.bytes) : await output.embedJpg(image.bytes);
    // The result's own size (pixels of the image as read) is the page's frame; the image fills it.
    const dpi = read.unit === 'inch' ? POINTS_PER_INCH : imageDpi(read.width, read.height);
    const size = read.unit === 'inch' ? { width: read.width * POINTS_PER_INCH, height: read.height * POINTS_PER_INCH } : imagePageSize(read.width, read.height, dpi);
    const page = output.addPage([size.width, size.height]);
    page.drawImage(embedded, { x: 0, y: 0, width: size.width, height: size.height });
    const box = { x0: 0, y0: 0, x1: size.width, y1: size.height };
    addTextLayer(output, page, read, shownPageToUserSpace(box, 0, size.width / read.width), font);
  }
}

/**
 * The searchable PDF of `result` over `source`, with `font` (a TrueType or OpenType font,
 * subset into the file) for the invisible text. Only the pages in the result are written, in
 * its order. Throws ExportSourceError when the source does not fit the result.
 */
export async function writeSearchablePdf(source: PdfSource, result: AnalyzeResult, font: Uint8Array): Promise<Uint8Array> {
  const output = await PDFDocument.create({ updateMetadata: false });
  output.setProducer('localread');
  output.setCreator('localread');
  const embedded = await embedLayerFont(output, font);
  if (source.kind === 'pdf') await fromPdf(source.bytes, result, output, embedded);
  else await fromImages(source.pages, result, output, embedded);
  return output.save();
}
