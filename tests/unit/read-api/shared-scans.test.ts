import { describe, expect, it } from 'vitest';
import { sharedScansFromHash, sharedScansHash, type SharedScan } from '../../../src/read-api/shared-scans';

describe('sharedScansHash', () => {
  it('names the operations and the file names in the scan view’s fragment', () => {
    expect(sharedScansHash([{ name: 'a.png', operationId: 'id1' }, { name: 'b.pdf', operationId: 'id2' }])).toBe(
      '#/scan?operations=id1%2Cid2&names=a.png%2Cb.pdf',
    );
  });

  it('is the bare scan view when nothing was shared', () => {
    expect(sharedScansHash([])).toBe('#/scan');
  });
});

describe('sharedScansFromHash', () => {
  it('reads back what was written, stored files first, commas and odd characters in names included', () => {
    const scans: SharedScan[] = [
      { name: 'scan, page 1 & 2 = #é.tif', operationId: '0b7c' },
      { name: 'notes.gif', refusal: 'Input data is not a valid image. Supported formats: PNG, JPEG.' },
      { name: '50% off.png', operationId: 'f00d' },
    ];
    expect(sharedScansFromHash(sharedScansHash(scans))).toEqual([scans[0], scans[2], scans[1]]);
  });

  it('finds nothing in another view’s fragment, a fragment without a query, or lists that do not pair up', () => {
    expect(sharedScansFromHash('#/privacy?operations=a&names=b')).toEqual([]);
    expect(sharedScansFromHash('#/scan')).toEqual([]);
    expect(sharedScansFromHash('')).toEqual([]);
    expect(sharedScansFromHash('#/scan?operations=a,b&names=only-one')).toEqual([]);
  });

  it('ignores a list with a broken escape instead of throwing', () => {
    expect(sharedScansFromHash('#/scan?operations=a&names=%25E0%25A4%25A')).toEqual([]);
  });
});
