import { describe, expect, it, vi } from 'vitest';
import { orient, orientByProbe, probesFirst, type Recognize } from '../../../../src/engine/pipeline/orient';
import { rotateRaster } from '../../../../src/engine/pipeline/page-transform';
import type { RasterPage } from '../../../../src/engine/pipeline/raster';
import type { OcrPage } from '../../../../src/engine/ocr/tesseract-page';
import { rgbaToPgm } from '../../../../src/engine/pipeline/raster';
import { ocrPage, ocrWord, pixelRows } from '../../helpers/ocr-page';

const UPRIGHT = ocrPage([ocrWord('Statement', 95), ocrWord('Balance', 93)], 0.02);
const NOISE = ocrPage([ocrWord('ʇuǝɯ', 30), ocrWord('ǝɔu', 25)]);

type Side = 'top' | 'right' | 'bottom' | 'left';

/** A page whose top half is black and bottom half white: which side is dark shows how it was turned. */
function halfDarkPage(width: number, height: number): RasterPage {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i += 1) {
    const value = i < (width * height) / 2 ? 0 : 255;
    rgba.set([value, value, value, 255], i * 4);
  }
  return rgbaToPgm(rgba, width, height);
}

/** The side of a page that is darkest (crops and halving keep it). */
function darkSide(raster: RasterPage): Side {
  const rows = pixelRows(raster);
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  const third = (length: number) => Math.max(1, Math.floor(length / 3));
  const sides: Record<Side, number> = {
    top: mean(rows.slice(0, third(rows.length)).flat()),
    bottom: mean(rows.slice(-third(rows.length)).flat()),
    left: mean(rows.flatMap((row) => row.slice(0, third(row.length)))),
    right: mean(rows.flatMap((row) => row.slice(-third(row.length)))),
  };
  return (Object.keys(sides) as Side[]).reduce((best, side) => (sides[side] < sides[best] ? side : best));
}

/** A recogniser that reads well only a page whose dark half lies on `side`. */
function readsWellWhenDark(side: Side | null, upright: OcrPage = UPRIGHT) {
  return vi.fn<Recognize>(async (raster) => (side !== null && darkSide(raster) === side ? upright : NOISE));
}

describe('orient', () => {
  it('reads an upright page once, deskewed, and reports the skew', async () => {
    const page = halfDarkPage(1300, 40);
    const recognize = readsWellWhenDark('top');
    expect(await orient(page, recognize)).toEqual({ ocr: UPRIGHT, turns: 0, skewRadians: 0.02 });
    expect(recognize.mock.calls).toEqual([[page, { deskew: true }]]);
  });

  it('does not deskew a low-resolution page, where turning blurs small text', async () => {
    const page = halfDarkPage(60, 40);
    const recognize = readsWellWhenDark('bottom');
    await orient(page, recognize);
    expect(recognize.mock.calls.every(([, options]) => !options.deskew)).toBe(true);
  });

  it('reports no skew when tesseract gives none', async () => {
    const reading = await orient(halfDarkPage(60, 40), async () => ocrPage([ocrWord('Total', 90)], null));
    expect(reading.skewRadians).toBe(0);
  });

  it.each([
    ['upside down', 'bottom', 2],
    ['turned a quarter counter-clockwise', 'right', 1],
    ['turned a quarter clockwise', 'left', 3],
  ] as const)('finds the turn of a page lying %s and reads it again that way up, deskewed', async (_name, side, turns) => {
    const page = halfDarkPage(1300, 40);
    const recognize = readsWellWhenDark(side);
    expect(await orient(page, recognize)).toEqual({ ocr: UPRIGHT, turns, skewRadians: 0.02 });
    const [raster, options] = recognize.mock.calls.at(-1)!;
    expect(options).toEqual({ deskew: true });
    expect(raster.pgm).toEqual(rotateRaster(page, turns).pgm);
  });

  it('reads a page the way its file says is upright first, and needs no probe when that reads well', async () => {
    const page = halfDarkPage(1300, 40);
    const recognize = readsWellWhenDark('right');
    expect(await orient(page, recognize, 1)).toEqual({ ocr: UPRIGHT, turns: 1, skewRadians: 0.02 });
    expect(recognize.mock.calls).toHaveLength(1);
    expect(recognize.mock.calls[0]![0].pgm).toEqual(rotateRaster(page, 1).pgm);
  });

  it('probes from the declared turn when the file is wrong about it', async () => {
    const page = halfDarkPage(1300, 40);
    const reading = await orient(page, readsWellWhenDark('bottom'), 1);
    expect(reading.turns).toBe(2);
  });

  it('probes without deskew', async () => {
    const recognize = readsWellWhenDark('bottom');
    await orient(halfDarkPage(60, 40), recognize);
    const probes = recognize.mock.calls.slice(1, -1);
    expect(probes.length).toBeGreaterThan(0);
    expect(probes.every(([, options]) => !options.deskew)).toBe(true);
  });

  it('keeps the first reading when no turn reads better', async () => {
    const reading = await orient(halfDarkPage(60, 40), readsWellWhenDark(null));
    expect(reading).toEqual({ ocr: NOISE, turns: 0, skewRadians: 0 });
  });

  it('probes a large page on fewer pixels than the page has', async () => {
    const page = halfDarkPage(1600, 1700);
    const recognize = readsWellWhenDark(null);
    await orient(page, recognize);
    const probes = recognize.mock.calls.slice(1).map(([raster]) => raster.width * raster.height);
    expect(probes.length).toBeGreaterThan(0);
    expect(Math.max(...probes)).toBeLessThan((page.width * page.height) / 2);
  });
});

describe('orientByProbe', () => {
  const LARGE = halfDarkPage(1700, 1800);

  it('probes first only pages large enough that a probe costs a fraction of a reading', () => {
    expect(probesFirst(LARGE)).toBe(true);
    expect(probesFirst(halfDarkPage(1300, 1800))).toBe(false);
  });

  /** Upright and confident, a few lines of words: enough for the small probe to decide alone. */
  const LINES = ocrPage(Array.from({ length: 24 }, (_, i) => ocrWord(`Statement${i}`, 94)), 0.02);
  const pixelsOf = (recognize: ReturnType<typeof vi.fn<Recognize>>) => recognize.mock.calls.map(([raster]) => raster.width * raster.height);

  it('settles an upright page with a small probe of about a fortieth of its pixels when it reads a few lines, without deskew', async () => {
    const recognize = readsWellWhenDark('top', LINES);
    expect(await orientByProbe(LARGE, recognize)).toEqual({ turns: 0, probe: LINES });
    expect(recognize.mock.calls).toHaveLength(1);
    const [probe, options] = recognize.mock.calls[0]!;
    expect(options).toEqual({ deskew: false, probe: true });
    expect(probe.width * probe.height).toBeLessThan((LARGE.width * LARGE.height) / 30);
  });

  it('reads a larger probe, of about a sixteenth, when the small one reads too few words', async () => {
    const recognize = readsWellWhenDark('top');
    expect(await orientByProbe(LARGE, recognize)).toEqual({ turns: 0, probe: UPRIGHT });
    const [small, large] = pixelsOf(recognize) as [number, number];
    expect(recognize.mock.calls).toHaveLength(2);
    expect(large).toBeGreaterThan(small * 2);
    expect(large).toBeLessThan((LARGE.width * LARGE.height) / 12);
  });

  it('reads the larger probe when the small one\'s words do not tell what the page needs (its language)', async () => {
    const recognize = readsWellWhenDark('top', LINES);
    const tells = vi.fn((probe: OcrPage) => probe !== LINES);
    expect(await orientByProbe(LARGE, recognize, 0, false, tells)).toEqual({ turns: 0, probe: LINES });
    expect(tells).toHaveBeenCalledWith(LINES);
    expect(recognize.mock.calls).toHaveLength(2);
  });

  it('settles a page upside down with the small probe when it reads a few lines that way up', async () => {
    const recognize = readsWellWhenDark('bottom', LINES);
    expect(await orientByProbe(LARGE, recognize)).toEqual({ turns: 2, probe: LINES });
    expect(Math.max(...pixelsOf(recognize))).toBeLessThan((LARGE.width * LARGE.height) / 30);
  });

  it('settles a page lying on its side with the small probe when it reads a few lines of vertical words', async () => {
    const sideways = ocrPage(Array.from({ length: 24 }, () => ocrWord('Balance', 90, 'vertical')));
    const recognize = vi.fn<Recognize>(async () => sideways);
    expect((await orientByProbe(LARGE, recognize)).turns).not.toBe(0);
    expect(recognize.mock.calls).toHaveLength(1);
  });

  it('starts the larger probe at the turn the small one read confidently, on too few words', async () => {
    const recognize = readsWellWhenDark('bottom');
    expect(await orientByProbe(LARGE, recognize)).toEqual({ turns: 2, probe: UPRIGHT });
    // The small probe as it stands and upside down, then the larger one upside down only.
    const pixels = pixelsOf(recognize);
    expect(pixels).toHaveLength(3);
    expect(pixels[2]).toBeGreaterThan(pixels[1]! * 2);
  });

  it('reads the larger probe when no turn of the small one reads confidently', async () => {
    const recognize = readsWellWhenDark(null, LINES);
    expect((await orientByProbe(LARGE, recognize)).turns).toBe(0);
    const pixels = pixelsOf(recognize);
    expect(pixels).toHaveLength(8);
    expect(Math.max(...pixels.slice(4))).toBeGreaterThan(Math.max(...pixels.slice(0, 4)) * 2);
  });

  it.each([
    ['upside down', 'bottom', 2],
    ['turned a quarter counter-clockwise', 'right', 1],
    ['turned a quarter clockwise', 'left', 3],
  ] as const)('finds the turn of a page lying %s from probes alone, and gives the upright probe', async (_name, side, turns) => {
    const recognize = readsWellWhenDark(side);
    expect(await orientByProbe(LARGE, recognize)).toEqual({ turns, probe: UPRIGHT });
    const pixels = recognize.mock.calls.map(([raster]) => raster.width * raster.height);
    expect(Math.max(...pixels)).toBeLessThan((LARGE.width * LARGE.height) / 8);
  });

  it('starts from the turn the file declares', async () => {
    const recognize = readsWellWhenDark('right', LINES);
    expect(await orientByProbe(LARGE, recognize, 1)).toEqual({ turns: 1, probe: LINES });
    expect(recognize.mock.calls).toHaveLength(1);
  });

  it('keeps the page as it stands when no turn reads better', async () => {
    expect((await orientByProbe(LARGE, readsWellWhenDark(null))).turns).toBe(0);
  });

  describe('when the page may be deskewed', () => {
    /** Upright and confident, with enough words to measure the skew (a line or two). */
    const MANY = ocrPage(Array.from({ length: 14 }, (_, i) => ocrWord(`Balance${i}`, 92)), 0.03);

    it('measures the skew with the probe, and gives it for the reading', async () => {
      const recognize = vi.fn<Recognize>(async () => MANY);
      expect(await orientByProbe(LARGE, recognize, 0, true)).toEqual({ turns: 0, probe: MANY, skewRadians: 0.03 });
      expect(recognize.mock.calls.map(([, options]) => options)).toEqual([{ deskew: true, probe: true }, { deskew: true, probe: true }]);
    });

    it('gives the skew the small probe measured when it decides alone', async () => {
      const recognize = vi.fn<Recognize>(async () => LINES);
      expect(await orientByProbe(LARGE, recognize, 0, true)).toEqual({ turns: 0, probe: LINES, skewRadians: 0.02 });
      expect(recognize.mock.calls).toHaveLength(1);
    });

    it('gives the skew of the probe that read the page upright, not of the first', async () => {
      const recognize = vi.fn<Recognize>(async (raster) => (darkSide(raster) === 'bottom' ? MANY : NOISE));
      const probed = await orientByProbe(LARGE, recognize, 0, true);
      expect(probed).toEqual({ turns: 2, probe: MANY, skewRadians: 0.03 });
      expect(recognize.mock.calls.every(([, options]) => options.deskew)).toBe(true);
    });

    it('gives no skew when the probe read too few words to measure it: the reading measures its own', async () => {
      const probed = await orientByProbe(LARGE, readsWellWhenDark('top'), 0, true);
      expect(probed).toEqual({ turns: 0, probe: UPRIGHT });
    });

    it('gives no skew when the probe was read on its side', async () => {
      const sideways = ocrPage(Array.from({ length: 14 }, () => ocrWord('Balance', 90, 'vertical')), 0.04);
      const probed = await orientByProbe(LARGE, vi.fn<Recognize>(async () => sideways), 0, true);
      expect(probed).not.toHaveProperty('skewRadians');
      expect(probed.turns).not.toBe(0);
    });
  });
});
