/**
 * Checks the structure of a TIFF file before the decoder walks it. UTIF follows IFD chains without
 * a cycle check and loops over each entry's declared count without a bounds check, so a crafted or
 * damaged file could keep it busy forever; this walk is bounded by the file's size and fails fast.
 */
import { ReadApiError } from '../../read-api/errors';

/** Byte size of one value of each TIFF 6 field type (1..13); other types are skipped by decoders. */
const TYPE_SIZES: Readonly<Record<number, number>> = {
  1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4,
};
/** Tags whose values point at further IFDs that the decoder reads: SubIFDs, Exif, GPS. */
const SUB_IFD_TAGS = new Set([330, 34665, 34853]);
/** More IFDs than Read 3.2's 2000 pages plus their sub-IFDs means a broken chain. */
const MAX_IFDS = 10_000;

/** The error for a file that is not a TIFF we can read, saying why. */
export function invalidTiff(detail: string): ReadApiError {
  return new ReadApiError('InvalidImageFormat', `Input data is not a valid TIFF image: ${detail}.`);
}

class TiffReader {
  readonly #view: DataView;
  readonly #seen = new Set<number>();

  constructor(
    bytes: Uint8Array,
    readonly littleEndian: boolean,
  ) {
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.#view.byteLength;
  }

  u16(offset: number): number {
    if (offset + 2 > this.length) throw invalidTiff('a field lies past the end of the file');
    return this.#view.getUint16(offset, this.littleEndian);
  }

  u32(offset: number): number {
    if (offset + 4 > this.length) throw invalidTiff('a field lies past the end of the file');
    return this.#view.getUint32(offset, this.littleEndian);
  }

  /** Checks one IFD and the sub-IFDs it points to; returns the offset of the next IFD (0 at the end). */
  checkIfd(offset: number, depth: number): number {
    if (offset < 8 || offset >= this.length) throw invalidTiff('an IFD offset points outside the file');
    if (this.#seen.has(offset)) throw invalidTiff('its IFD chain loops');
    if (this.#seen.size >= MAX_IFDS || depth > 4) throw invalidTiff('it has too many IFDs');
    this.#seen.add(offset);
    const count = this.u16(offset);
    if (count === 0) throw invalidTiff('an IFD has no entries');
    for (let i = 0; i < count; i += 1) this.#checkEntry(offset + 2 + i * 12, depth);
    return this.u32(offset + 2 + count * 12);
  }

  #checkEntry(entry: number, depth: number): void {
    const tag = this.u16(entry);
    const size = TYPE_SIZES[this.u16(entry + 2)];
    if (size === undefined) return;
    const count = this.u32(entry + 4);
    const bytes = count * size;
    // Values of four bytes or fewer sit in the entry itself; larger ones at an offset.
    const valueOffset = bytes <= 4 ? entry + 8 : this.u32(entry + 8);
    if (valueOffset + bytes > this.length) throw invalidTiff(`tag ${tag} points past the end of the file`);
    if (!SUB_IFD_TAGS.has(tag) || (size !== 2 && size !== 4)) return;
    for (let i = 0; i < count; i += 1) {
      this.checkIfd(size === 4 ? this.u32(valueOffset + 4 * i) : this.u16(valueOffset + 2 * i), depth + 1);
    }
  }
}

/** Reads the header and walks every IFD; throws InvalidImageFormat unless the structure is sound. */
export function checkTiffStructure(bytes: Uint8Array): void {
  const order = String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0);
  if (order !== 'II' && order !== 'MM') throw invalidTiff('no byte-order mark');
  const reader = new TiffReader(bytes, order === 'II');
  if (reader.u16(2) !== 42) throw invalidTiff('not a classic TIFF (BigTIFF is not supported)');
  const first = reader.u32(4);
  if (first === 0) throw invalidTiff('it has no images');
  for (let offset = first; offset !== 0; ) offset = reader.checkIfd(offset, 0);
}
