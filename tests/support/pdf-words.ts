/**
 * Reads a PDF's text back with pdf.js in Node, as a viewer's text layer does: each text item
 * with where its baseline starts and ends on the page as shown (the viewport at scale 1: points,
 * y down, the crop box turned by /Rotate). Tests compare these with the boxes they wrote.
 */

import { fileURLToPath } from 'node:url';

/**
 * pdf.js 6 calls Promise.withResolvers, which Node has from 22 only (the project supports 20.19):
 * lend it before pdf.js loads.
 */
function lendWithResolvers(): void {
  const promise = Promise as unknown as { withResolvers?: unknown };
  if (promise.withResolvers) return;
  promise.withResolvers = <T>() => {
    let resolve!: (value: T) => void;
    let reject!: (reason: unknown) => void;
    const settled = new Promise<T>((yes, no) => {
      resolve = yes;
      reject = no;
    });
    return { promise: settled, resolve, reject };
  };
}

async function pdfjs() {
  lendWithResolvers();
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}

/** pdf.js in Node reads its standard fonts (for a PDF's unembedded Helvetica) from this folder. */
const STANDARD_FONTS = fileURLToPath(new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url));

export interface PdfWord {
  text: string;
  /** Start and end of the baseline, in points of the page as shown. */
  start: [number, number];
  end: [number, number];
  /** The font size as placed (points), i.e. the text's height square to its baseline. */
  size: number;
}

export interface PdfPageText {
  /** Page size as shown, in points. */
  width: number;
  height: number;
  words: PdfWord[];
}

interface Item {
  str: string;
  transform: number[];
  width: number;
}

export async function pdfWords(bytes: Uint8Array): Promise<PdfPageText[]> {
  const { getDocument } = await pdfjs();
  const task = getDocument({ data: bytes.slice(), useSystemFonts: false, standardFontDataUrl: STANDARD_FONTS });
  const document = await task.promise;
  try {
    const pages: PdfPageText[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const words: PdfWord[] = [];
      for (const item of content.items as Item[]) {
        if (typeof item.str !== 'string' || item.str.trim() === '') continue;
        const [a, b, c, d, e, f] = item.transform as [number, number, number, number, number, number];
        const run = Math.hypot(a, b);
        // item.width is the advance along the baseline, in user space.
        const endUser = [e + (a / run) * item.width, f + (b / run) * item.width];
        const start = viewport.convertToViewportPoint(e, f) as [number, number];
        const end = viewport.convertToViewportPoint(endUser[0]!, endUser[1]!) as [number, number];
        words.push({ text: item.str.trim(), start, end, size: Math.hypot(c, d) });
      }
      pages.push({ width: viewport.width, height: viewport.height, words });
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}
