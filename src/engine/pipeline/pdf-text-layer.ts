/**
 * A PDF page's text layer read with pdf.js, as the page's content: its size in inches (as Azure
 * reports a PDF's pages) and its lines, or null when it has no text (a scan, to be rendered).
 * Shared by the text parsers (pdf-text/) and the engine's own document (open-pdf.ts).
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import type { PageContent } from './document';
import { POINTS_PER_INCH } from './pdf-render';
import { textItemsToLines } from './pdf-text-lines';

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return 'str' in item;
}

/** Four decimals of an inch, as Azure reports page sizes (595 pt -> 8.2639). */
function inches(points: number): number {
  return Math.round((points / POINTS_PER_INCH) * 10_000) / 10_000;
}

/** The page's viewport at scale 1 (points) and its size as reported (inches). */
export function pdfPageSize(page: PDFPageProxy) {
  const viewport = page.getViewport({ scale: 1 });
  return { viewport, size: { width: inches(viewport.width), height: inches(viewport.height), unit: 'inch' as const } };
}

/** The page's text layer as lines, or null when it has none. */
export async function readTextLayer(document: PDFDocumentProxy, pageNumber: number): Promise<PageContent | null> {
  const page = await document.getPage(pageNumber);
  try {
    const { viewport, size } = pdfPageSize(page);
    const { items, styles } = await page.getTextContent();
    const frame = { viewportTransform: viewport.transform, width: viewport.width, height: viewport.height, scale: 1 / POINTS_PER_INCH };
    const lines = textItemsToLines(items.filter(isTextItem), styles, frame);
    return lines.length > 0 ? { ...size, scale: 1 / POINTS_PER_INCH, lines } : null;
  } finally {
    page.cleanup();
  }
}
