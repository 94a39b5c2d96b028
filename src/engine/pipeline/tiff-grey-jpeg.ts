/**
 * Greyscale JPEG-in-TIFF (compression 7, one sample per pixel). utif2 4.1 asks its JPEG decoder for
 * RGB even when the image has one channel, then copies three bytes per pixel into a one-byte-per-pixel
 * buffer, which garbles every greyscale JPEG TIFF (a common scanner output). We decode those strips or
 * tiles ourselves with the same decoder, asking for the single channel.
 */
import { ReadApiError } from '../../read-api/errors';

/** utif2's bundled JPEG decoder (pdf.js's old JpegImage); not in its type declarations. */
export interface JpegDecoder {
  width: number;
  height: number;
  parse(data: Uint8Array): void;
  getData(options: { width: number; height: number; forceRGB: boolean; isSourcePDF: boolean }): ArrayLike<number>;
}

/** Where the compressed pieces of an image are and how big each decoded piece is. */
export interface JpegLayout {
  width: number;
  height: number;
  /** Offsets and byte counts of the strips or tiles. */
  offsets: number[];
  counts: number[];
  /** Size of one piece: a tile, or a strip (full width, rows-per-strip high). */
  pieceWidth: number;
  pieceHeight: number;
  /** The JPEGTables tag: quantisation and Huffman tables shared by every piece. */
  tables?: Uint8Array;
}

/** Tables (minus their end marker) + piece (minus its start marker): one complete JPEG stream. */
function jpegStream(file: Uint8Array, offset: number, count: number, tables?: Uint8Array): Uint8Array {
  const piece = file.subarray(offset, Math.min(offset + count, file.length));
  if (!tables || tables.length < 4) return piece;
  const head = tables.subarray(0, tables.length - 2);
  const body = piece[0] === 0xff && piece[1] === 0xd8 ? piece.subarray(2) : piece;
  const stream = new Uint8Array(head.length + body.length);
  stream.set(head);
  stream.set(body, head.length);
  return stream;
}

/** Decodes every piece into one 8-bit grey image, width * height bytes, row by row. */
export function decodeGreyJpeg(file: Uint8Array, layout: JpegLayout, createDecoder: () => JpegDecoder): Uint8Array {
  const { width, height, pieceWidth, pieceHeight } = layout;
  const grey = new Uint8Array(width * height).fill(255);
  const across = Math.ceil(width / pieceWidth);
  layout.offsets.forEach((offset, index) => {
    const decoder = createDecoder();
    decoder.parse(jpegStream(file, offset, layout.counts[index] ?? 0, layout.tables));
    const pixels = decoder.getData({ width: decoder.width, height: decoder.height, forceRGB: false, isSourcePDF: false });
    if (pixels.length < decoder.width * decoder.height) {
      throw new ReadApiError('InvalidImageFormat', 'A JPEG strip of the TIFF image has more than one channel.');
    }
    const left = (index % across) * pieceWidth;
    const top = Math.floor(index / across) * pieceHeight;
    const columns = Math.min(decoder.width, width - left);
    const rows = Math.min(decoder.height, height - top);
    for (let row = 0; row < rows; row += 1) {
      for (let column = 0; column < columns; column += 1) {
        grey[(top + row) * width + left + column] = pixels[row * decoder.width + column]!;
      }
    }
  });
  return grey;
}
