/**
 * The detector run tile by tile on a large input (a photo, an enlarged form). The DB network's
 * working memory grows with its input's area, and a wasm instance never gives memory back: one
 * phone photo at 2048 px left the second engine's worker holding over 500 MB, under 200 in
 * tiles. So a large input is cut into tiles that overlap by a margin; each tile's probability
 * map is kept only in its core (where the network saw enough around every pixel), and the cores,
 * which tile the input exactly, are pasted into one map of the input's size. Box extraction then
 * runs on that map unchanged.
 */
import type { ModelRunner, TensorData } from './tensor';

/** The largest side of a tile's core. */
export const TILE_CORE = 1024;
/**
 * Inputs up to this many pixels are read whole: a receipt at the detector's 2048 px (768 x 2048)
 * cut in two read worse (real-receipt-400 CER 0.022 to 0.061, real-receipt-231 0.055 to 0.080).
 * The detector is not purely local: its squeeze-and-excitation layers weigh channels by a mean
 * over the whole input, so a tile is not scored exactly as the same pixels in the whole. Photos
 * and enlarged forms (about 1536 x 2048) read as well or better in tiles.
 */
export const WHOLE_UP_TO = 1_600_000;
/**
 * Context kept on each side of a tile's core, in detector pixels (a multiple of 32, as every
 * side must be): several times the height of text at this scale, so a line that crosses a seam
 * is seen whole by the tiles on both sides (192 read the receipts no better).
 */
export const TILE_MARGIN = 96;

/** One tile: its window in the input, and the core of it that it contributes to the map. */
export interface DetTile {
  /** The window read, in input pixels: `[x0, x1)` across, `[y0, y1)` down. */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** The core, within the window's extent, whose scores are kept. */
  coreX0: number;
  coreX1: number;
  coreY0: number;
  coreY1: number;
}

/** Cuts `side` (a multiple of 32) into cores of at most `core`, each a multiple of 32. */
function cores(side: number, core: number): Array<[number, number]> {
  const count = Math.ceil(side / core);
  const units = side / 32;
  const spans: Array<[number, number]> = [];
  for (let k = 0, start = 0; k < count; k += 1) {
    const end = Math.round((units * (k + 1)) / count) * 32;
    spans.push([start, end]);
    start = end;
  }
  return spans;
}

/** The tiles of a `width` x `height` input (multiples of 32): one when it is small enough. */
export function detTiles(width: number, height: number, core = TILE_CORE, margin = TILE_MARGIN, wholeUpTo = WHOLE_UP_TO): DetTile[] {
  if (width * height <= wholeUpTo) return [{ x0: 0, x1: width, y0: 0, y1: height, coreX0: 0, coreX1: width, coreY0: 0, coreY1: height }];
  const tiles: DetTile[] = [];
  for (const [coreY0, coreY1] of cores(height, core)) {
    for (const [coreX0, coreX1] of cores(width, core)) {
      tiles.push({
        x0: Math.max(0, coreX0 - margin),
        x1: Math.min(width, coreX1 + margin),
        y0: Math.max(0, coreY0 - margin),
        y1: Math.min(height, coreY1 + margin),
        coreX0,
        coreX1,
        coreY0,
        coreY1,
      });
    }
  }
  return tiles;
}

/** The window of an NCHW tensor `[1, c, h, w]`. */
function windowOf(tensor: TensorData, tile: DetTile): TensorData {
  const [, channels = 0, height = 0, width = 0] = tensor.dims;
  const tileWidth = tile.x1 - tile.x0;
  const tileHeight = tile.y1 - tile.y0;
  const data = new Float32Array(channels * tileWidth * tileHeight);
  for (let c = 0; c < channels; c += 1) {
    for (let y = 0; y < tileHeight; y += 1) {
      const from = (c * height + tile.y0 + y) * width + tile.x0;
      data.set(tensor.data.subarray(from, from + tileWidth), (c * tileHeight + y) * tileWidth);
    }
  }
  return { data, dims: [1, channels, tileHeight, tileWidth] };
}

/**
 * The detector's probability map of `input` (`[1, 3, h, w]`, fed as `name`), read in tiles when
 * it is large: `{ data, dims: [1, 1, h, w] }`, the shape one run over the whole gives.
 */
export async function detectInTiles(det: ModelRunner, name: string, input: TensorData, core = TILE_CORE, margin = TILE_MARGIN, wholeUpTo = WHOLE_UP_TO): Promise<TensorData> {
  const [, , height = 0, width = 0] = input.dims;
  const tiles = detTiles(width, height, core, margin, wholeUpTo);
  if (tiles.length === 1) return det.run({ [name]: input });
  const map = new Float32Array(width * height);
  for (const tile of tiles) {
    const output = await det.run({ [name]: windowOf(input, tile) });
    const tileWidth = tile.x1 - tile.x0;
    const coreWidth = tile.coreX1 - tile.coreX0;
    for (let y = tile.coreY0; y < tile.coreY1; y += 1) {
      const from = (y - tile.y0) * tileWidth + (tile.coreX0 - tile.x0);
      map.set(output.data.subarray(from, from + coreWidth), y * width + tile.coreX0);
    }
  }
  return { data: map, dims: [1, 1, height, width] };
}
