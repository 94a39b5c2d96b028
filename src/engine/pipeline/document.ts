/**
 * A decoded document, page by page. Each format has a source that opens the bytes and loads one
 * page at a time, so a long document never holds more than the pages in flight in memory.
 */
import type { Line } from '../../read-api/types';
import type { QuarterTurns } from './page-transform';
import type { RasterPage } from './raster';

export interface PageContent {
  /** Page size as Azure reports it: pixels of the stored image, or inches for PDF. */
  width: number;
  height: number;
  unit: 'pixel' | 'inch';
  /** Multiplies raster pixels into `unit` (1 for images, 1/dpi for rendered PDF pages). */
  scale: number;
  /** Pixels to recognise; absent when the page's text is already known. */
  raster?: RasterPage;
  /** Clockwise quarter turns that the file says make the raster upright (a JPEG's EXIF orientation). */
  turns?: QuarterTurns;
  /** Lines read without OCR (the text layer of a born-digital PDF page), in `unit`. */
  lines?: Line[];
}

export interface DocumentSource {
  /** Number of pages in the document (1 for single images). */
  readonly pageCount: number;
  /** Loads one page, 1-based. */
  loadPage(pageNumber: number): Promise<PageContent>;
  /**
   * The page's content when it is known without decoding any pixels (a PDF page's text layer),
   * else null: then `loadPage` decodes it. Holds no pixels, so it needs no page slot, and many
   * such pages may be in flight at once.
   */
  readText?(pageNumber: number): Promise<PageContent | null>;
  /** Frees whatever the source holds (decoder state, worker ports). */
  close(): void;
}
