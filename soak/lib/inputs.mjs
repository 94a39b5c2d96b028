// Inputs the soak makes at run time: a seeded random source, huge images and a huge PDF page, a
// small BMP, and the fixtures it reads from tests/fixtures/.
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

export const FIXTURES = new URL('../../tests/fixtures/', import.meta.url);

/** A seeded random source (mulberry32): `next()` in [0, 1), plus the helpers the scenarios use. */
export function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max) => Math.floor(next() * max);
  const pick = (items) => items[int(items.length)];
  const bytes = (length) => {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i += 1) out[i] = int(256);
    return out;
  };
  const shuffle = (items) => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = int(i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return { next, int, pick, bytes, shuffle };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * A valid 8-bit greyscale PNG of one colour (`grey`), `width` x `height`: a 10000x10000 one is
 * 100 MB of pixels and about 100 KB of file. Rows are deflated one band at a time.
 */
export function onePngColour(width, height, grey = 255) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const row = Buffer.alloc(width + 1, grey);
  row[0] = 0; // filter: none
  const raw = Buffer.alloc(row.length * height);
  for (let y = 0; y < height; y += 1) row.copy(raw, y * row.length);
  const idat = deflateSync(raw, { level: 9 });
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]));
}

/** A 24-bit BMP, `width` x `height`, of dark bars on white (something for the OCR to look at). */
export function stripedBmp(width = 320, height = 120) {
  const rowBytes = Math.ceil((width * 3) / 4) * 4;
  const pixelBytes = rowBytes * height;
  const out = Buffer.alloc(54 + pixelBytes);
  out.fill(0xff, 54);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(54 + pixelBytes, 2);
  out.writeUInt32LE(54, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(width, 18);
  out.writeInt32LE(height, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(24, 28);
  out.writeUInt32LE(pixelBytes, 34);
  for (let y = 20; y < height - 20; y += 1) {
    if (Math.floor(y / 10) % 2) continue;
    for (let x = 20; x < width - 20; x += 1) out.fill(0x20, 54 + y * rowBytes + x * 3, 54 + y * rowBytes + x * 3 + 3);
  }
  return new Uint8Array(out);
}

/**
 * A one-page PDF written by hand, `size` x `size` points (14400 pt = 200 in, the largest page
 * PDF allows), with a drawn rectangle and no text: the engine must render it, not read a layer.
 */
export function hugePagePdf(size = 14400) {
  const content = `0.2 g ${size / 10} ${size / 10} ${size / 2} ${size / 20} re f\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${size} ${size}] /Contents 4 0 R /Resources << >> >>`,
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
  ];
  let text = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

export function fixture(name) {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

/**
 * The mixed documents of the submission scenarios, each with its page count and a generous
 * estimate of its largest page's pixels (PDF pages are rendered near 300 dpi), which bound how
 * long it may stay `running`.
 */
export function mixedDocuments() {
  return [
    { name: 'real-testocr.png', bytes: fixture('real-testocr.png'), pages: 1, pixels: 2e6 },
    { name: 'real-exif-rotated.jpg', bytes: fixture('real-exif-rotated.jpg'), pages: 1, pixels: 2e6 },
    { name: 'striped.bmp', bytes: stripedBmp(), pages: 1, pixels: 1e6 },
    { name: 'syn-3page.tif', bytes: fixture('syn-3page.tif'), pages: 3, pixels: 9e6 },
    { name: 'syn-scanned-page.pdf', bytes: fixture('syn-scanned-page.pdf'), pages: 1, pixels: 9e6 },
    { name: 'syn-born-digital-3page.pdf', bytes: fixture('syn-born-digital-3page.pdf'), pages: 3, pixels: 9e6 },
  ];
}

/** The two inputs that stress a decoder: a 10000x10000 PNG and a PDF page of 14400x14400 pt. */
export function hugeDocuments() {
  return [
    { name: 'huge-10000x10000.png', bytes: onePngColour(10000, 10000), pages: 1, pixels: 1e8 },
    { name: 'huge-page-14400pt.pdf', bytes: hugePagePdf(), pages: 1, pixels: 1e8 },
  ];
}
