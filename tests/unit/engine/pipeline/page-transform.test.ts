import { describe, expect, it } from 'vitest';
import {
  normaliseAngle,
  pageTransform,
  rotateRaster,
  straighten,
  unskew,
  unturn,
  type QuarterTurns,
} from '../../../../src/engine/pipeline/page-transform';
import { numberedRaster, pixelRows } from '../../helpers/ocr-page';
import { allocatePgm, pixelsOf, type RasterPage } from '../../../../src/engine/pipeline/raster';

const TURNS: QuarterTurns[] = [0, 1, 2, 3];

function closeTo([x, y]: [number, number], [ex, ey]: [number, number]): void {
  expect(x).toBeCloseTo(ex, 9);
  expect(y).toBeCloseTo(ey, 9);
}

describe('normaliseAngle', () => {
  it.each([
    [0, 0],
    [90, 90],
    [179.5, 179.5],
    [180, -180],
    [-180, -180],
    [270, -90],
    [-270, 90],
    [720 + 12.5, 12.5],
  ])('puts %d degrees at %d, in [-180, 180)', (input, output) => {
    expect(normaliseAngle(input)).toBe(output);
  });
});

describe('rotateRaster', () => {
  it('returns the same page for no turn', () => {
    const raster = numberedRaster(2, 3);
    expect(rotateRaster(raster, 0)).toBe(raster);
  });

  it('turns the pixels clockwise by quarter turns and swaps the size for odd turns', () => {
    const raster = numberedRaster(2, 3); // [1 2] [3 4] [5 6]
    expect(pixelRows(rotateRaster(raster, 1))).toEqual([
      [5, 3, 1],
      [6, 4, 2],
    ]);
    expect(pixelRows(rotateRaster(raster, 2))).toEqual([
      [6, 5],
      [4, 3],
      [2, 1],
    ]);
    expect(pixelRows(rotateRaster(raster, 3))).toEqual([
      [2, 4, 6],
      [1, 3, 5],
    ]);
  });

  it('turns a page larger than the tiles it is copied in, and with sides that are not multiples of them, pixel for pixel', () => {
    const [w, h] = [150, 71];
    const { pgm, pixels } = allocatePgm(w, h);
    for (let i = 0; i < pixels.length; i += 1) pixels[i] = (i * 7919) % 251;
    const raster: RasterPage = { width: w, height: h, pgm };
    // Where the pixel (x, y) of the page lands after each turn, and the turned page's width.
    const landing = {
      1: (x: number, y: number) => x * h + (h - 1 - y),
      2: (x: number, y: number) => (h - 1 - y) * w + (w - 1 - x),
      3: (x: number, y: number) => (w - 1 - x) * h + y,
    } as const;
    for (const turns of [1, 2, 3] as const) {
      const turned = pixelsOf(rotateRaster(raster, turns));
      const expected = new Uint8Array(w * h);
      for (let y = 0; y < h; y += 1) for (let x = 0; x < w; x += 1) expected[landing[turns](x, y)] = pixels[y * w + x]!;
      expect(Buffer.from(turned).equals(Buffer.from(expected))).toBe(true);
    }
  });

  it('writes a PGM header with the turned size', () => {
    const turned = rotateRaster(numberedRaster(4, 3), 1);
    expect([turned.width, turned.height]).toEqual([3, 4]);
    expect(new TextDecoder('latin1').decode(turned.pgm).startsWith('P5\n3 4\n255\n')).toBe(true);
  });

  it('comes back to the original after four quarter turns', () => {
    const raster = numberedRaster(5, 3);
    let turned = raster;
    for (let i = 0; i < 4; i += 1) turned = rotateRaster(turned, 1);
    expect(turned.pgm).toEqual(raster.pgm);
  });
});

describe('unturn', () => {
  it.each(TURNS)('maps each pixel of a page turned %i times back onto where it was stored', (turns) => {
    const [width, height] = [4, 3];
    const stored = pixelRows(numberedRaster(width, height));
    const turned = pixelRows(rotateRaster(numberedRaster(width, height), turns));
    const back = unturn(turns, width, height);
    turned.forEach((row, v) =>
      row.forEach((value, u) => {
        const [x, y] = back(u + 0.5, v + 0.5);
        expect(stored[Math.floor(y)]?.[Math.floor(x)]).toBe(value);
      }),
    );
  });
});

describe('unskew', () => {
  it('leaves points alone for no skew', () => {
    closeTo(unskew(0, 100, 50)(12, 34), [12, 34]);
  });

  it('keeps the centre fixed and undoes a turn by the same angle about it', () => {
    const radians = 0.05;
    const [cx, cy] = [50, 25];
    const turn = (x: number, y: number): [number, number] => [
      cx + (x - cx) * Math.cos(radians) - (y - cy) * Math.sin(radians),
      cy + (x - cx) * Math.sin(radians) + (y - cy) * Math.cos(radians),
    ];
    const back = unskew(radians, 100, 50);
    closeTo(back(cx, cy), [cx, cy]);
    closeTo(back(...turn(10, 40)), [10, 40]);
  });
});

describe('straighten', () => {
  /** A white page with a black 3 x 3 square centred on (x, y). */
  function dotAt(width: number, height: number, x: number, y: number): RasterPage {
    const { pgm, pixels } = allocatePgm(width, height);
    pixels.fill(255);
    for (let dy = -1; dy <= 1; dy += 1) for (let dx = -1; dx <= 1; dx += 1) pixels[(y + dy) * width + x + dx] = 0;
    return { width, height, pgm, dpi: 300 };
  }

  /** The centre of the darkness of a page (ink weighted by how dark it is). */
  function darkCentre(raster: RasterPage): [number, number] {
    const pixels = pixelsOf(raster);
    let [sum, sx, sy] = [0, 0, 0];
    pixels.forEach((value, i) => {
      const ink = 255 - value;
      sum += ink;
      sx += ink * ((i % raster.width) + 0.5);
      sy += ink * (Math.floor(i / raster.width) + 0.5);
    });
    return [sx / sum, sy / sum];
  }

  it('leaves a page it need not turn as it is', () => {
    const page = dotAt(20, 10, 5, 5);
    expect(straighten(page, 0)).toBe(page);
  });

  it.each([0.03, -0.05])('turns the page by %s radians so that unskew maps each point back onto the page', (radians) => {
    const page = dotAt(200, 120, 150, 30);
    const straight = straighten(page, radians);
    expect([straight.width, straight.height, straight.dpi]).toEqual([200, 120, 300]);
    const [x, y] = darkCentre(straight);
    const [px, py] = unskew(radians, 200, 120)(x, y);
    expect(px).toBeCloseTo(150.5, 1);
    expect(py).toBeCloseTo(30.5, 1);
    // Not where it was: the dot moved by the turn (about 1.5 to 3 px at this distance from the centre).
    expect(Math.hypot(x - 150.5, y - 30.5)).toBeGreaterThan(1.5);
  });

  it('fills with white what comes from off the page', () => {
    const { pgm, pixels } = allocatePgm(100, 100);
    pixels.fill(0);
    const straight = pixelRows(straighten({ width: 100, height: 100, pgm }, 0.2));
    expect(straight[0]![0]).toBe(255);
    expect(straight[99]![99]).toBe(255);
    expect(straight[50]![50]).toBe(0);
  });
});

describe('pageTransform', () => {
  it('only scales an upright, unskewed page', () => {
    const transform = pageTransform({ width: 2550, height: 3300, turns: 0, skewRadians: 0, scale: 1 / 300 });
    closeTo(transform.toPage(300, 600), [1, 2]);
    expect(transform.angle).toBe(0);
  });

  it('maps the top-left of a page read after a clockwise quarter turn to the stored bottom-left', () => {
    const transform = pageTransform({ width: 200, height: 100, turns: 1, skewRadians: 0, scale: 1 });
    closeTo(transform.toPage(0, 0), [0, 100]);
    closeTo(transform.toPage(100, 200), [200, 0]);
  });

  it.each([
    [0, 0],
    [1, -90],
    [2, -180],
    [3, 90],
  ] as const)('reports %i quarter turns as an angle of %d degrees', (turns, angle) => {
    expect(pageTransform({ width: 10, height: 10, turns, skewRadians: 0, scale: 1 }).angle).toBe(angle);
  });

  it('reports a deskew as the opposite angle in degrees', () => {
    const transform = pageTransform({ width: 10, height: 10, turns: 0, skewRadians: Math.PI / 36, scale: 1 });
    expect(transform.angle).toBe(-5);
  });
});
