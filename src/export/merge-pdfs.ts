/** Several PDFs as one, their pages in order (the "all documents" export). */
import { PDFDocument } from 'pdf-lib';

export async function mergePdfs(pdfs: Uint8Array[]): Promise<Uint8Array> {
  const merged = await PDFDocument.create({ updateMetadata: false });
  merged.setProducer('localread');
  merged.setCreator('localread');
  for (const bytes of pdfs) {
    const part = await PDFDocument.load(bytes, { updateMetadata: false });
    for (const page of await merged.copyPages(part, part.getPageIndices())) merged.addPage(page);
  }
  return merged.save();
}
