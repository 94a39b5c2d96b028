/**
 * The camera's pages as one PDF, so several shots are read as one document with one result.
 * Each page holds its JPEG as it is (pdf-lib embeds the JPEG bytes, no re-encoding), sized so
 * that the reader, which renders scanned PDF pages at 300 dpi, draws it at exactly its pixels.
 */
export interface PdfPage {
  jpeg: Uint8Array;
  width: number;
  height: number;
}

/** The resolution the page size declares; the engine renders PDF pages without text at 300 dpi. */
export const PAGE_DPI = 300;
const POINTS_PER_INCH = 72;

/** One PDF with a page per JPEG, in order. */
export async function buildPagesPdf(pages: readonly PdfPage[], title = 'Camera pages'): Promise<Uint8Array<ArrayBuffer>> {
  if (pages.length === 0) throw new RangeError('A document needs at least one page.');
  // Loaded on first use: most visits never open the camera.
  const { PDFDocument } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setProducer('localread');
  const points = (pixels: number) => (pixels * POINTS_PER_INCH) / PAGE_DPI;
  for (const page of pages) {
    const image = await pdf.embedJpg(page.jpeg);
    const [width, height] = [points(page.width), points(page.height)];
    pdf.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
  }
  return new Uint8Array(await pdf.save());
}

/** The document's file name, from when it was made (UTC): "Camera 2026-12-01 23-41-46.pdf". */
export function cameraDocumentName(at: number): string {
  return `Camera ${new Date(at).toISOString().slice(0, 19).replace('T', ' ').replaceAll(':', '-')}.pdf`;
}
