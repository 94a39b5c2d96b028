/** Test inputs: fixture files (copied into tests/fixtures/, never read from outside the repo) and hand-built headers. */
import { readFileSync } from 'node:fs';

const FIXTURES = new URL('../../fixtures/', import.meta.url);

/** The bytes of a file under tests/fixtures/. */
export function readFixture(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

/** Bytes from a mix of byte values and ASCII text. */
export function bytesOf(...parts: Array<number | string>): Uint8Array<ArrayBuffer> {
  const values = parts.flatMap((part) =>
    typeof part === 'number' ? [part] : Array.from(part, (char) => char.charCodeAt(0)),
  );
  return new Uint8Array(values);
}

function uint32be(value: number): number[] {
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

function uint16be(value: number): number[] {
  return [value >>> 8, value & 0xff];
}

function int32le(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];
}

/** A PNG signature and IHDR chunk (no pixel data): enough for sniffing and header dimensions. */
export function pngHeader(width: number, height: number): Uint8Array<ArrayBuffer> {
  return bytesOf(
    ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    ...uint32be(13),
    'IHDR',
    ...uint32be(width),
    ...uint32be(height),
    ...[8, 0, 0, 0, 0],
    ...uint32be(0),
  );
}

/** A BMP file header and BITMAPINFOHEADER; a negative height is a top-down bitmap. */
export function bmpHeader(width: number, height: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(54);
  bytes.set(bytesOf('BM', ...int32le(54), 0, 0, 0, 0, ...int32le(54), ...int32le(40), ...int32le(width), ...int32le(height)));
  return bytes;
}

/**
 * A JPEG with SOI, an APP0 segment, a DHT segment (whose marker 0xC4 is in the SOF range but
 * is not a frame), a fill byte, and a baseline SOF0 frame header.
 */
export function jpegHeader(width: number, height: number): Uint8Array<ArrayBuffer> {
  return bytesOf(
    0xff, 0xd8,
    0xff, 0xe0, ...uint16be(16), 'JFIF', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
    0xff, 0xc4, ...uint16be(4), 0x00, 0x00,
    0xff, 0xff, 0xc0, ...uint16be(17), 8, ...uint16be(height), ...uint16be(width), 3,
    1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
  );
}
