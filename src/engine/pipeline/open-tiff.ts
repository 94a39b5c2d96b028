/**
 * TIFF: one page per image (IFD), decoded by utif2 (none, LZW, PackBits, Deflate, CCITT G3/G4,
 * JPEG) one page at a time in loadPage, so that a long fax holds a single page's pixels at once.
 * Pixels are composited onto white and turned grey; pages are reported in pixels, like images.
 */
import * as utifModule from 'utif2';
import type { IFD } from 'utif2';
import { ReadApiError } from '../../read-api/errors';
import { assertImageDimensions } from '../../read-api/formats';
import type { DocumentSource } from './document';
import { rgbaToPgm, withAssumedDpi } from './raster';
import { decodeGreyJpeg, type JpegDecoder, type JpegLayout } from './tiff-grey-jpeg';
import { checkTiffStructure, invalidTiff } from './tiff-structure';

type Utif = typeof utifModule;
/** utif2 is CommonJS that fills its exports at run time: bundlers expose them on the namespace, Node only as `default`. */
const UTIF: Utif = (utifModule as { default?: Utif }).default ?? utifModule;
/** `decode` takes options its declarations omit: MakerNote parsing follows unchecked offsets, so it stays off. */
const decodeIfds = UTIF.decode as (buffer: ArrayBuffer, options: { parseMN: boolean; debug: boolean }) => IFD[];
const createJpegDecoder = () => new (UTIF as unknown as { JpegDecoder: new () => JpegDecoder }).JpegDecoder();

const TAG = {
  subfileType: 254, width: 256, height: 257, bitsPerSample: 258, compression: 259, photometric: 262,
  stripOffsets: 273, samplesPerPixel: 277, rowsPerStrip: 278, stripByteCounts: 279,
  tileWidth: 322, tileLength: 323, tileOffsets: 324, tileByteCounts: 325, jpegTables: 347,
} as const;
const JPEG = 7;
const CMYK = 5;
/** Photometric values of lossless JPEG (camera raw), which utif2 decodes correctly. */
const LOSSLESS_JPEG = new Set([32803, 34892]);

function numbers(ifd: IFD, tag: number): number[] {
  const value = ifd[`t${tag}`];
  return Array.isArray(value) ? value.filter((item): item is number => typeof item === 'number') : [];
}

function first(ifd: IFD, tag: number): number | undefined {
  return numbers(ifd, tag)[0];
}

/** An image worth reading: it has a size, and is not a reduced-resolution copy (a thumbnail). */
function isPage(ifd: IFD): boolean {
  const reduced = ((first(ifd, TAG.subfileType) ?? 0) & 1) === 1;
  return first(ifd, TAG.width) !== undefined && first(ifd, TAG.height) !== undefined && !reduced;
}

function readPages(buffer: ArrayBuffer, file: Uint8Array): IFD[] {
  checkTiffStructure(file);
  let ifds: IFD[];
  try {
    ifds = decodeIfds(buffer, { parseMN: false, debug: false });
  } catch (error) {
    throw invalidTiff(error instanceof Error ? error.message : 'its directory could not be read');
  }
  const pages = ifds.filter(isPage);
  if (pages.length === 0) throw invalidTiff('it holds no image');
  return pages;
}

/** Cuts each strip's or tile's byte count to the file's end: decoders loop over the declared count. */
function clampPieces(ifd: IFD, fileLength: number): void {
  for (const [offsetsTag, countsTag] of [[TAG.stripOffsets, TAG.stripByteCounts], [TAG.tileOffsets, TAG.tileByteCounts]] as const) {
    const offsets = numbers(ifd, offsetsTag);
    const counts = numbers(ifd, countsTag);
    if (counts.length === 0) continue;
    ifd[`t${countsTag}`] = counts.map((count, i) => Math.max(0, Math.min(count, fileLength - (offsets[i] ?? fileLength))));
  }
}

function isGreyJpeg(ifd: IFD): boolean {
  return (
    first(ifd, TAG.compression) === JPEG &&
    (first(ifd, TAG.samplesPerPixel) ?? 1) === 1 &&
    !LOSSLESS_JPEG.has(first(ifd, TAG.photometric) ?? 1)
  );
}

function jpegLayout(ifd: IFD, width: number, height: number): JpegLayout {
  const tables = ifd[`t${TAG.jpegTables}`];
  const tiled = first(ifd, TAG.tileWidth) !== undefined;
  return {
    width,
    height,
    offsets: numbers(ifd, tiled ? TAG.tileOffsets : TAG.stripOffsets),
    counts: numbers(ifd, tiled ? TAG.tileByteCounts : TAG.stripByteCounts),
    pieceWidth: tiled ? (first(ifd, TAG.tileWidth) ?? width) : width,
    pieceHeight: (tiled ? first(ifd, TAG.tileLength) : first(ifd, TAG.rowsPerStrip)) ?? height,
    tables: tables instanceof Uint8Array ? tables : undefined,
  };
}

/** Decodes the page's pixels into `ifd.data` (utif2's convention, read by toRGBA8). */
function decodePixels(buffer: ArrayBuffer, file: Uint8Array, ifd: IFD, width: number, height: number): void {
  clampPieces(ifd, file.length);
  // utif2 converts CMYK through a page-only global (window.UDOC) that a worker does not have.
  if (first(ifd, TAG.photometric) === CMYK) throw invalidTiff('CMYK colour is not supported');
  if (!isGreyJpeg(ifd)) {
    UTIF.decodeImage(buffer, ifd);
    return;
  }
  if ((first(ifd, TAG.bitsPerSample) ?? 8) !== 8) throw invalidTiff('only 8-bit JPEG compression is supported');
  ifd.data = decodeGreyJpeg(file, jpegLayout(ifd, width, height), createJpegDecoder);
  ifd.width = width;
  ifd.height = height;
}

/** Blends translucent pixels onto white in place (a transparent page is white paper, not black). */
function compositeOnWhite(rgba: Uint8Array): void {
  for (let i = 3; i < rgba.length; i += 4) {
    const alpha = rgba[i]!;
    if (alpha === 255) continue;
    for (let channel = i - 3; channel < i; channel += 1) {
      rgba[channel] = Math.round((rgba[channel]! * alpha + 255 * (255 - alpha)) / 255);
    }
    rgba[i] = 255;
  }
}

/** A decoded page in colour: RGBA, composited on white. */
export interface RgbaPage {
  width: number;
  height: number;
  rgba: Uint8ClampedArray<ArrayBuffer>;
}

function decodeRgba(buffer: ArrayBuffer, file: Uint8Array, ifd: IFD): RgbaPage {
  const width = first(ifd, TAG.width)!;
  const height = first(ifd, TAG.height)!;
  assertImageDimensions({ width, height });
  try {
    decodePixels(buffer, file, ifd, width, height);
    const rgba = UTIF.toRGBA8(ifd);
    if (rgba.length !== width * height * 4) throw invalidTiff('its pixel data is incomplete or of an unsupported kind');
    compositeOnWhite(rgba);
    return { width, height, rgba: new Uint8ClampedArray(rgba.buffer as ArrayBuffer, rgba.byteOffset, rgba.length) };
  } catch (error) {
    if (error instanceof ReadApiError) throw error;
    throw invalidTiff(error instanceof Error ? error.message : 'its pixels could not be decoded');
  } finally {
    // utif2 keeps decoded pixels on the IFD; drop them so that only pages in flight use memory.
    Reflect.deleteProperty(ifd, 'data');
  }
}

/** The pages of a TIFF file, decoded one at a time in colour. */
export interface TiffPages {
  readonly pageCount: number;
  /** Decodes page `pageNumber` (1-based); throws InvalidPageRange past the last page. */
  decode(pageNumber: number): RgbaPage;
  close(): void;
}

/** Opens a TIFF file's pages; throws InvalidImageFormat when its structure is broken or it holds no image. */
export function openTiffPages(bytes: Uint8Array<ArrayBuffer>): TiffPages {
  // utif2 reads its buffer from offset 0.
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const buffer = whole ? bytes.buffer : bytes.slice().buffer;
  const file = new Uint8Array(buffer);
  const pages = readPages(buffer, file);
  return {
    pageCount: pages.length,
    decode(pageNumber) {
      const ifd = pages[pageNumber - 1];
      if (!ifd) throw new ReadApiError('InvalidPageRange', `The TIFF file has no page ${pageNumber}.`);
      return decodeRgba(buffer, file, ifd);
    },
    close() {
      pages.length = 0;
    },
  };
}

/** Opens a TIFF file for reading, its pages in grey; throws as openTiffPages does. */
export function openTiff(bytes: Uint8Array<ArrayBuffer>): DocumentSource {
  const pages = openTiffPages(bytes);
  return {
    pageCount: pages.pageCount,
    async loadPage(pageNumber) {
      const { width, height, rgba } = pages.decode(pageNumber);
      const raster = withAssumedDpi(rgbaToPgm(rgba, width, height));
      return { width, height, unit: 'pixel', scale: 1, raster };
    },
    close: () => pages.close(),
  };
}

/** Opens a TIFF file for its pages in colour (exports draw them as they are); throws as openTiffPages does. */
export function openTiffColour(bytes: Uint8Array<ArrayBuffer>): { pageCount: number; loadPage(pageNumber: number): Promise<RgbaPage>; close(): void } {
  const pages = openTiffPages(bytes);
  return { pageCount: pages.pageCount, loadPage: async (pageNumber) => pages.decode(pageNumber), close: () => pages.close() };
}
