/**
 * The searchable PDF of a job's input: the engine's side of the export writer. It turns the raw
 * input into the writer's source with the engine's own openers: a PDF goes as it is, PNG and
 * JPEG bytes pass through (PDF viewers draw a JPEG's pixels as stored, which is where its result
 * lies), and BMP and TIFF pages are decoded and encoded to PNG, in colour. Runs in any worker
 * with OffscreenCanvas (the engine's, or the page's export worker).
 */
import { writeSearchablePdf, type EmbeddableImage, type PdfSource } from '../export/searchable-pdf';
import type { InputFormat } from '../read-api/formats';
import type { AnalyzeResult } from '../read-api/types';
import { readExifOrientation, turnsForOrientation } from './pipeline/exif-orientation';
import { openTiffColour } from './pipeline/open-tiff';

/** Where the app serves the text layer's font (pdf.js's Liberation Sans, SIL OFL; build/runtime-assets.ts copies it). */
export const EXPORT_FONT_PATH = 'pdfjs/standard_fonts/LiberationSans-Regular.ttf';

/** The text layer's font, from the app's own origin. */
export async function fetchExportFont(baseUrl: string): Promise<Uint8Array> {
  const response = await fetch(new URL(EXPORT_FONT_PATH, baseUrl));
  if (!response.ok) throw new Error(`The export font could not be loaded (${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

async function canvasPng(width: number, height: number, draw: (context: OffscreenCanvasRenderingContext2D) => void): Promise<EmbeddableImage> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No canvas could be allocated for the export.');
  draw(context);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return { bytes: new Uint8Array(await blob.arrayBuffer()), type: 'image/png' };
}

/** An image as the browser shows it (its EXIF orientation applied), on white, as PNG. */
async function shownImagePng(bytes: Uint8Array<ArrayBuffer>): Promise<EmbeddableImage> {
  const bitmap = await createImageBitmap(new Blob([bytes]), { imageOrientation: 'from-image' });
  try {
    return await canvasPng(bitmap.width, bitmap.height, (context) => {
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, bitmap.width, bitmap.height);
      context.drawImage(bitmap, 0, 0);
    });
  } finally {
    bitmap.close();
  }
}

/**
 * A JPEG as it is, unless its EXIF tag mirrors it: the reader leaves a mirrored JPEG to the
 * browser and reports it as shown, so the PDF must show it that way too.
 */
async function jpegPage(bytes: Uint8Array<ArrayBuffer>): Promise<EmbeddableImage> {
  const tag = readExifOrientation(bytes);
  if (tag && turnsForOrientation(tag.value) === null) return shownImagePng(bytes);
  return { bytes, type: 'image/jpeg' };
}

async function tiffPages(bytes: Uint8Array<ArrayBuffer>, pageNumbers: number[]): Promise<EmbeddableImage[]> {
  const tiff = openTiffColour(bytes);
  try {
    const pages: EmbeddableImage[] = [];
    // One page decoded at a time: a long fax never holds more than one page's pixels.
    for (const number of pageNumbers) {
      const { width, height, rgba } = await tiff.loadPage(number);
      pages.push(await canvasPng(width, height, (context) => context.putImageData(new ImageData(rgba, width, height), 0, 0)));
    }
    return pages;
  } finally {
    tiff.close();
  }
}

/** The writer's source for `input`, one image per page of `result` for image formats. */
export async function pdfSourceOf(input: Uint8Array, format: InputFormat, result: AnalyzeResult): Promise<PdfSource> {
  // The decoders take bytes over a plain ArrayBuffer; copy only bytes over a shared one.
  const bytes = input.buffer instanceof ArrayBuffer ? (input as Uint8Array<ArrayBuffer>) : new Uint8Array(input);
  const single = async (page: Promise<EmbeddableImage>): Promise<PdfSource> => ({ kind: 'images', pages: result.readResults.length > 0 ? [await page] : [] });
  switch (format) {
    case 'pdf':
      return { kind: 'pdf', bytes: input };
    case 'png':
      return single(Promise.resolve({ bytes: input, type: 'image/png' }));
    case 'jpeg':
      return single(jpegPage(bytes));
    case 'bmp':
      return single(shownImagePng(bytes));
    case 'tiff':
      return { kind: 'images', pages: await tiffPages(bytes, result.readResults.map((page) => page.page)) };
  }
}

/** The searchable PDF of a job: its input's pages under the result's words. */
export async function searchablePdfOf(input: Uint8Array, format: InputFormat, result: AnalyzeResult, font: Uint8Array): Promise<Uint8Array> {
  return writeSearchablePdf(await pdfSourceOf(input, format, result), result, font);
}
