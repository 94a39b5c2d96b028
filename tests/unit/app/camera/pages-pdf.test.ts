import { describe, expect, it } from 'vitest';
import jpeg from 'jpeg-js';
import { PDFDocument } from 'pdf-lib';
import { buildPagesPdf, cameraDocumentName, PAGE_DPI } from '../../../../src/app/camera/pages-pdf';

function jpegOf(width: number, height: number): Uint8Array {
  const data = Buffer.alloc(width * height * 4, 200);
  return new Uint8Array(jpeg.encode({ data, width, height }, 80).data);
}

describe('buildPagesPdf', () => {
  it('makes one page per JPEG, in order, sized to render at its pixels at 300 dpi', async () => {
    const bytes = await buildPagesPdf([
      { jpeg: jpegOf(600, 900), width: 600, height: 900 },
      { jpeg: jpegOf(300, 150), width: 300, height: 150 },
    ]);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    const sizes = pdf.getPages().map((page) => page.getSize());
    expect(sizes).toHaveLength(2);
    expect((sizes[0]!.width / 72) * PAGE_DPI).toBeCloseTo(600, 6);
    expect((sizes[0]!.height / 72) * PAGE_DPI).toBeCloseTo(900, 6);
    expect((sizes[1]!.width / 72) * PAGE_DPI).toBeCloseTo(300, 6);
  });

  it('keeps each JPEG as it is', async () => {
    const image = jpegOf(64, 48);
    const bytes = await buildPagesPdf([{ jpeg: image, width: 64, height: 48 }]);
    const text = Buffer.from(bytes).toString('latin1');
    expect(text).toContain('/DCTDecode');
    expect(Buffer.from(bytes).includes(Buffer.from(image))).toBe(true);
  });

  it('refuses an empty document', async () => {
    await expect(buildPagesPdf([])).rejects.toThrow(RangeError);
  });
});

describe('cameraDocumentName', () => {
  it('names the document after when it was made, without characters file systems refuse', () => {
    expect(cameraDocumentName(Date.UTC(2026, 11, 1, 23, 41, 46))).toBe('Camera 2026-12-01 23-41-46.pdf');
  });
});
