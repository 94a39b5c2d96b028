// Makes a screenshot small: decodes an 8-bit RGB(A) PNG, reduces it to at most 256 colours
// (exact when it has no more; else median cut, weighted by how often each colour occurs) and
// writes it as an indexed PNG. UI pictures are flat colours and anti-aliased text, which a
// palette keeps faithfully at a fraction of the size.
import { crc32, deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Undoes one row's PNG filter (https://www.w3.org/TR/png/#9Filters) in place. */
function unfilterRow(type, row, previous, bpp) {
  for (let i = 0; i < row.length; i++) {
    const left = i >= bpp ? row[i - bpp] : 0;
    const up = previous ? previous[i] : 0;
    const upLeft = previous && i >= bpp ? previous[i - bpp] : 0;
    let predictor = 0;
    if (type === 1) predictor = left;
    else if (type === 2) predictor = up;
    else if (type === 3) predictor = (left + up) >> 1;
    else if (type === 4) {
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    row[i] = (row[i] + predictor) & 0xff;
  }
}

/** The pixels of a non-interlaced 8-bit RGB or RGBA PNG, as packed 0xRRGGBB numbers (alpha dropped). */
export function decodePng(png) {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let width = 0, height = 0, channels = 0;
  const data = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colourType, , , interlace] = body.subarray(8);
      channels = { 2: 3, 6: 4 }[colourType] ?? 0;
      if (depth !== 8 || channels === 0 || interlace !== 0) throw new Error('only 8-bit RGB(A), non-interlaced PNGs are read');
    } else if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = new Uint32Array(width * height);
  let previous = null;
  for (let y = 0; y < height; y++) {
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    unfilterRow(raw[y * (stride + 1)], row, previous, channels);
    for (let x = 0; x < width; x++) pixels[y * width + x] = (row[x * channels] << 16) | (row[x * channels + 1] << 8) | row[x * channels + 2];
    previous = row;
  }
  return { width, height, pixels };
}

const channel = (colour, c) => (colour >> (16 - 8 * c)) & 0xff;

/** Splits the box with the widest channel range at its weighted median until there are `size` boxes. */
function medianCut(histogram, size) {
  const boxes = [[...histogram.keys()]];
  while (boxes.length < size) {
    let best = -1, bestRange = 0, bestChannel = 0;
    boxes.forEach((box, index) => {
      if (box.length < 2) return;
      for (let c = 0; c < 3; c++) {
        let low = 255, high = 0;
        for (const colour of box) {
          const value = channel(colour, c);
          if (value < low) low = value;
          if (value > high) high = value;
        }
        if (high - low > bestRange) [best, bestRange, bestChannel] = [index, high - low, c];
      }
    });
    if (best < 0) break;
    const box = boxes[best].sort((a, b) => channel(a, bestChannel) - channel(b, bestChannel));
    const total = box.reduce((sum, colour) => sum + histogram.get(colour), 0);
    let seen = 0, cut = 1;
    for (; cut < box.length - 1 && (seen += histogram.get(box[cut - 1])) < total / 2; cut++);
    boxes.splice(best, 1, box.slice(0, cut), box.slice(cut));
  }
  return boxes.map((box) => {
    const sums = [0, 0, 0];
    let weight = 0;
    for (const colour of box) {
      const count = histogram.get(colour);
      for (let c = 0; c < 3; c++) sums[c] += channel(colour, c) * count;
      weight += count;
    }
    return sums.reduce((colour, sum) => (colour << 8) | Math.round(sum / weight), 0);
  });
}

function nearest(palette, colour) {
  let best = 0, bestDistance = Infinity;
  palette.forEach((entry, index) => {
    let distance = 0;
    for (let c = 0; c < 3; c++) distance += (channel(entry, c) - channel(colour, c)) ** 2;
    if (distance < bestDistance) [best, bestDistance] = [index, distance];
  });
  return best;
}

function chunk(type, body) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** An indexed PNG of `image` ({width, height, pixels} as decodePng gives) with at most `colours` colours. */
export function encodePalettePng({ width, height, pixels }, colours = 256) {
  const histogram = new Map();
  for (const colour of pixels) histogram.set(colour, (histogram.get(colour) ?? 0) + 1);
  const palette = histogram.size <= colours ? [...histogram.keys()] : medianCut(histogram, colours);
  const indexOf = new Map();
  if (histogram.size <= colours) palette.forEach((colour, index) => indexOf.set(colour, index));
  else for (const colour of histogram.keys()) indexOf.set(colour, nearest(palette, colour));

  const rows = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = indexOf.get(pixels[y * width + x]);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8);
  const plte = Buffer.alloc(palette.length * 3);
  palette.forEach((colour, index) => plte.set([channel(colour, 0), channel(colour, 1), channel(colour, 2)], index * 3));
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('PLTE', plte), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}
