import { describe, expect, it } from 'vitest';
import { applyAffine, quarterRotation, shownPageToUserSpace, visibleBox } from '../../../src/export/page-frame';

describe('page-frame', () => {
  const box = { x0: 10, y0: 20, x1: 110, y1: 220 };

  it('maps the shown top-left corner onto the box corner a viewer shows at the top-left, for each /Rotate', () => {
    // Unrotated: top-left is (x0, y1); turned 90 clockwise the left edge is on top: (x0, y0); and so on.
    expect(applyAffine(shownPageToUserSpace(box, 0, 1), [0, 0])).toEqual([10, 220]);
    expect(applyAffine(shownPageToUserSpace(box, 90, 1), [0, 0])).toEqual([10, 20]);
    expect(applyAffine(shownPageToUserSpace(box, 180, 1), [0, 0])).toEqual([110, 20]);
    expect(applyAffine(shownPageToUserSpace(box, 270, 1), [0, 0])).toEqual([110, 220]);
  });

  it('maps the shown bottom-right corner onto the opposite corner, in the unit given', () => {
    // Shown 100 x 200 pt unrotated, 200 x 100 turned; in inches that is /72.
    expect(applyAffine(shownPageToUserSpace(box, 0, 72), [100 / 72, 200 / 72]).map(Math.round)).toEqual([110, 20]);
    expect(applyAffine(shownPageToUserSpace(box, 90, 72), [200 / 72, 100 / 72]).map(Math.round)).toEqual([110, 220]);
  });

  it('clips the crop box to the media box, and falls back to the media box when they do not meet', () => {
    const media = { x0: 0, y0: 0, x1: 100, y1: 100 };
    expect(visibleBox(media, { x0: 50, y0: -10, x1: 150, y1: 60 })).toEqual({ x0: 50, y0: 0, x1: 100, y1: 60 });
    expect(visibleBox(media, { x0: 200, y0: 200, x1: 300, y1: 300 })).toEqual(media);
  });

  it('reads /Rotate as a quarter turn, negative and over 360 included', () => {
    expect([0, 90, -90, 450, 180, 540].map(quarterRotation)).toEqual([0, 90, 270, 90, 180, 180]);
  });
});
