/**
 * Just enough of `createImageBitmap` and `OffscreenCanvas` (which Node lacks) to run the decode
 * step: a "decoded" bitmap is one RGBA colour, and the 2D context composites it source-over onto
 * whatever was filled before, as a browser does.
 */
import { vi } from 'vitest';

export type Rgba = [number, number, number, number];

export interface DecodeStub {
  /** How many decoded bitmaps were closed. */
  closed: number;
}

function parseColour(style: string): Rgba {
  if (style === 'white') return [255, 255, 255, 255];
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(style);
  if (!match) throw new Error(`The canvas stub does not parse the colour '${style}'.`);
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16), 255];
}

interface StubBitmap {
  width: number;
  height: number;
  colour: Rgba;
  close(): void;
}

class StubContext {
  fillStyle = '#000000';
  readonly #pixels: Uint8ClampedArray;

  constructor(width: number, height: number) {
    this.#pixels = new Uint8ClampedArray(width * height * 4);
  }

  fillRect(): void {
    const colour = parseColour(this.fillStyle);
    for (let i = 0; i < this.#pixels.length; i += 4) this.#pixels.set(colour, i);
  }

  drawImage(bitmap: StubBitmap): void {
    const [r, g, b, a] = bitmap.colour;
    const alpha = a / 255;
    for (let i = 0; i < this.#pixels.length; i += 4) {
      const over = (source: number, offset: number) => source * alpha + this.#pixels[i + offset]! * (1 - alpha);
      this.#pixels.set([over(r, 0), over(g, 1), over(b, 2), 255], i);
    }
  }

  getImageData(): { data: Uint8ClampedArray } {
    return { data: new Uint8ClampedArray(this.#pixels) };
  }
}

class StubOffscreenCanvas {
  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  getContext(): StubContext {
    return new StubContext(this.width, this.height);
  }
}

/** Makes every `createImageBitmap` call decode to a `width` x `height` image of one colour. */
export function stubImageDecoding(width: number, height: number, colour: Rgba): DecodeStub {
  const stub: DecodeStub = { closed: 0 };
  vi.stubGlobal('OffscreenCanvas', StubOffscreenCanvas);
  vi.stubGlobal('createImageBitmap', async (): Promise<StubBitmap> => ({
    width,
    height,
    colour,
    close: () => {
      stub.closed += 1;
    },
  }));
  return stub;
}

/** Makes every `createImageBitmap` call fail as a browser does for bytes it cannot decode. */
export function stubUndecodableImages(): void {
  vi.stubGlobal('OffscreenCanvas', StubOffscreenCanvas);
  vi.stubGlobal('createImageBitmap', async () => {
    throw new DOMException('The source image could not be decoded.', 'InvalidStateError');
  });
}
