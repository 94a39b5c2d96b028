import { describe, expect, it } from 'vitest';
import { arrowStep, isConvex, moveCorner, orderCorners, wholeFrame } from '../../../../src/app/camera/quad';
import type { Quad } from '../../../../src/engine/camera-host';

const page: Quad = [[10, 20], [200, 30], [190, 300], [5, 280]];

describe('orderCorners', () => {
  it('keeps corners already clockwise from the top left', () => {
    expect(orderCorners(page)).toEqual(page);
  });

  it('puts shuffled corners clockwise from the top left', () => {
    expect(orderCorners([page[2], page[0], page[3], page[1]])).toEqual(page);
  });

  it('unfolds a quad whose corner was dragged past its neighbour', () => {
    // Top right and bottom right swapped: the outline crosses itself.
    const folded: Quad = [page[0], page[2], page[1], page[3]];
    expect(isConvex(folded)).toBe(false);
    expect(orderCorners(folded)).toEqual(page);
    expect(isConvex(orderCorners(folded))).toBe(true);
  });
});

describe('isConvex', () => {
  it('accepts a page seen in perspective and the whole frame', () => {
    expect(isConvex(page)).toBe(true);
    expect(isConvex(wholeFrame(640, 480))).toBe(true);
  });

  it('refuses a dented quad and one with three corners in a line', () => {
    expect(isConvex([[0, 0], [100, 0], [30, 30], [0, 100]])).toBe(false);
    expect(isConvex([[0, 0], [50, 0], [100, 0], [0, 100]])).toBe(false);
  });
});

describe('moveCorner', () => {
  it('moves one corner and leaves the others and the input alone', () => {
    const moved = moveCorner(page, 1, [150, 40], 640, 480);
    expect(moved[1]).toEqual([150, 40]);
    expect(moved[0]).toEqual(page[0]);
    expect(page[1]).toEqual([200, 30]);
  });

  it('keeps the corner inside the photo', () => {
    expect(moveCorner(page, 2, [900, -5], 640, 480)[2]).toEqual([640, 0]);
  });
});

describe('arrowStep', () => {
  it('steps 0.5 % of the longer side, 5 % with Shift, y pointing down', () => {
    expect(arrowStep('ArrowRight', false, 1000, 800)).toEqual([5, 0]);
    expect(arrowStep('ArrowUp', true, 1000, 800)).toEqual([0, -50]);
  });

  it('ignores other keys', () => {
    expect(arrowStep('Enter', false, 1000, 800)).toBeNull();
  });
});
