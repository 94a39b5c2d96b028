import { describe, expect, it } from 'vitest';
import { openTiff, openTiffColour } from '../../../../src/engine/pipeline/open-tiff';
import type { RasterPage } from '../../../../src/engine/pipeline/raster';
import { readFixture } from '../../helpers/fixtures';

/** The luma bytes of a PGM page (everything after its header). */
function pixelsOf(raster: RasterPage): Uint8Array {
  return raster.pgm.subarray(raster.pgm.length - raster.width * raster.height);
}

async function firstPage(name: string) {
  const source = openTiff(readFixture(`tiff/${name}`));
  try {
    return await source.loadPage(1);
  } finally {
    source.close();
  }
}

/** Mean absolute difference of two equally sized greyscale images. */
function meanDifference(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

describe('openTiff', () => {
  it('reports a one-page file as 1 page in pixels at scale 1', async () => {
    const page = await firstPage('grey-none.tif');
    expect(page).toMatchObject({ width: 400, height: 100, unit: 'pixel', scale: 1 });
    expect([page.raster?.width, page.raster?.height]).toEqual([400, 100]);
  });

  it.each(['grey-lzw.tif', 'grey-packbits.tif', 'grey-deflate.tif', 'grey-deflate-tiled.tif'])(
    'decodes greyscale %s to exactly the uncompressed pixels',
    async (name) => {
      const expected = pixelsOf((await firstPage('grey-none.tif')).raster!);
      expect(pixelsOf((await firstPage(name)).raster!)).toEqual(expected);
    },
  );

  it.each(['bw-g3.tif', 'bw-g4.tif', 'bw-lzw.tif', 'bw-packbits.tif'])(
    'decodes bilevel %s (min-is-white) to exactly the uncompressed pixels',
    async (name) => {
      const expected = pixelsOf((await firstPage('bw-none.tif')).raster!);
      expect(pixelsOf((await firstPage(name)).raster!)).toEqual(expected);
    },
  );

  it('keeps black text black and white paper white in a bilevel page', async () => {
    const pixels = pixelsOf((await firstPage('bw-g4.tif')).raster!);
    const dark = pixels.filter((value) => value === 0).length;
    expect(pixels.every((value) => value === 0 || value === 255)).toBe(true);
    expect(dark / pixels.length).toBeGreaterThan(0.02);
    expect(dark / pixels.length).toBeLessThan(0.4);
  });

  it.each(['grey-jpeg.tif', 'grey-jpeg-tiled.tif', 'rgb-jpeg.tif'])(
    'decodes JPEG-compressed %s close to the original pixels',
    async (name) => {
      const expected = pixelsOf((await firstPage('grey-none.tif')).raster!);
      expect(meanDifference(pixelsOf((await firstPage(name)).raster!), expected)).toBeLessThan(4);
    },
  );

  it('composites transparent pixels onto white', async () => {
    // Black everywhere, with the text's darkness in the alpha channel: text on clear film.
    const expected = pixelsOf((await firstPage('grey-none.tif')).raster!);
    expect(meanDifference(pixelsOf((await firstPage('rgba-lzw.tif')).raster!), expected)).toBeLessThan(2);
  });

  it('reads every page of a multi-page file, one at a time', async () => {
    const source = openTiff(readFixture('syn-3page.tif'));
    expect(source.pageCount).toBe(3);
    const third = await source.loadPage(3);
    expect(third).toMatchObject({ width: 1240, height: 1754, unit: 'pixel' });
    source.close();
  });

  it('rejects a TIFF whose first IFD lies past the end with InvalidImageFormat', () => {
    expect(() => openTiff(readFixture('bad/corrupt.tif'))).toThrow(expect.objectContaining({ code: 'InvalidImageFormat' }));
  });

  it('rejects a page over 10000 pixels a side with InvalidImageSize', async () => {
    const bytes = readFixture('tiff/bw-g4.tif');
    // Patch ImageWidth (tag 256) to 10001 in place: the structure stays valid.
    const width = findTagValueOffset(bytes, 256);
    new DataView(bytes.buffer).setUint16(width, 10_001, true);
    const source = openTiff(bytes);
    await expect(source.loadPage(1)).rejects.toMatchObject({ code: 'InvalidImageSize' });
  });
});

/** Offset of the inline value of a SHORT or LONG tag in the first IFD of a little-endian TIFF. */
function findTagValueOffset(bytes: Uint8Array, tag: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ifd = view.getUint32(4, true);
  for (let i = 0; i < view.getUint16(ifd, true); i += 1) {
    const entry = ifd + 2 + i * 12;
    if (view.getUint16(entry, true) === tag) return entry + 8;
  }
  throw new Error(`tag ${tag} not found`);
}

describe('openTiffColour', () => {
  it('gives each page as RGBA, the same size as the page the reader reads, its grey the same', async () => {
    const colour = openTiffColour(readFixture('syn-3page.tif'));
    const grey = openTiff(readFixture('syn-3page.tif'));
    expect(colour.pageCount).toBe(3);
    const page = await colour.loadPage(2);
    const raster = (await grey.loadPage(2)).raster!;
    expect([page.width, page.height]).toEqual([raster.width, raster.height]);
    expect(page.rgba.length).toBe(page.width * page.height * 4);
    const at = Math.floor(page.width * page.height / 2);
    const [r, g, b] = page.rgba.subarray(at * 4, at * 4 + 3);
    expect(pixelsOf(raster)[at]).toBe((r! * 77 + g! * 150 + b! * 29) >> 8);
    await expect(colour.loadPage(4)).rejects.toMatchObject({ code: 'InvalidPageRange' });
    colour.close();
    grey.close();
  });
});
