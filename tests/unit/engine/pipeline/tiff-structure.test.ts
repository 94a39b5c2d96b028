import { describe, expect, it } from 'vitest';
import { checkTiffStructure } from '../../../../src/engine/pipeline/tiff-structure';
import { readFixture } from '../../helpers/fixtures';

/** A little-endian TIFF: header, then IFDs of [tag, type, count, value] entries, each followed by its next offset. */
function tiff(ifds: Array<{ at: number; entries: number[][]; next: number }>, length = 256): Uint8Array {
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  bytes.set([0x49, 0x49, 42, 0]);
  view.setUint32(4, ifds[0]?.at ?? 0, true);
  for (const { at, entries, next } of ifds) {
    view.setUint16(at, entries.length, true);
    entries.forEach(([tag, type, count, value], i) => {
      const entry = at + 2 + i * 12;
      view.setUint16(entry, tag!, true);
      view.setUint16(entry + 2, type!, true);
      view.setUint32(entry + 4, count!, true);
      view.setUint32(entry + 8, value!, true);
    });
    view.setUint32(at + 2 + entries.length * 12, next, true);
  }
  return bytes;
}

const WIDTH = [256, 4, 1, 100];

describe('checkTiffStructure', () => {
  it('accepts a multi-page chain that ends', () => {
    expect(() => checkTiffStructure(tiff([{ at: 8, entries: [WIDTH], next: 40 }, { at: 40, entries: [WIDTH], next: 0 }]))).not.toThrow();
  });

  it('accepts the real fixtures', () => {
    expect(() => checkTiffStructure(readFixture('syn-3page.tif'))).not.toThrow();
  });

  it.each([
    ['an IFD chain that loops', tiff([{ at: 8, entries: [WIDTH], next: 40 }, { at: 40, entries: [WIDTH], next: 8 }])],
    ['a first IFD past the end', tiff([{ at: 8, entries: [WIDTH], next: 0 }]).map((byte, i) => (i === 5 ? 0x96 : byte))],
    ['an entry whose values run past the end', tiff([{ at: 8, entries: [[273, 4, 0x4000_0000, 20]], next: 0 }])],
    ['a SubIFD that points at its own IFD', tiff([{ at: 8, entries: [[330, 4, 1, 8]], next: 0 }])],
    ['no byte-order mark', new Uint8Array([0, 0, 42, 0, 8, 0, 0, 0])],
    ['a BigTIFF header', new Uint8Array([0x49, 0x49, 43, 0, 8, 0, 0, 0])],
    ['a header cut short', new Uint8Array([0x49, 0x49, 42])],
    ['a header that points at no IFD', new Uint8Array([0x49, 0x49, 42, 0, 0, 0, 0, 0])],
  ])('rejects %s with InvalidImageFormat', (_, bytes) => {
    expect(() => checkTiffStructure(bytes)).toThrow(expect.objectContaining({ name: 'ReadApiError', code: 'InvalidImageFormat' }));
  });

  it('rejects the corpus file whose first IFD offset points past the end', () => {
    expect(() => checkTiffStructure(readFixture('bad/corrupt.tif'))).toThrow(expect.objectContaining({ code: 'InvalidImageFormat' }));
  });
});
