import { describe, expect, it } from 'vitest';
import { innerBlankRuns, pagePartsOf } from '../../../../src/engine/pipeline/page-parts';
import type { GreyImage } from '../../../../src/engine/pipeline/grey-image';

const [WIDTH, HEIGHT] = [1250, 1400];

/** A white page. */
function page(): GreyImage {
  return { width: WIDTH, height: HEIGHT, pixels: new Uint8Array(WIDTH * HEIGHT).fill(255) };
}

/** A line of text as dark word-sized bars, with word spaces between them. */
function textLine(image: GreyImage, left: number, top: number, width: number, height = 24): void {
  for (let x = left; x < left + width; x += 1) {
    if ((x - left) % 70 >= 60) continue; // a 10 px word space every 60 px of ink
    for (let y = top; y < top + height; y += 1) image.pixels[y * image.width + x] = 20;
  }
}

/** `count` lines of a column from `top`, 36 px apart. */
function column(image: GreyImage, left: number, top: number, width: number, count: number): number {
  for (let i = 0; i < count; i += 1) textLine(image, left, top + i * 36, width);
  return top + count * 36;
}

const bottomOf = (part: { top: number; height: number }) => part.top + part.height;

describe('pagePartsOf', () => {
  it('leaves a page whole for one worker, and a blank page whole for any', () => {
    const text = page();
    column(text, 100, 100, 800, 30);
    expect(pagePartsOf(text, 1)).toEqual([{ left: 0, top: 0, width: WIDTH, height: HEIGHT }]);
    expect(pagePartsOf(page(), 2)).toEqual([{ left: 0, top: 0, width: WIDTH, height: HEIGHT }]);
  });

  it('cuts one column of paragraphs in two at the paragraph break nearest its middle', () => {
    const image = page();
    let top = column(image, 100, 100, 800, 8);
    top = column(image, 100, top + 40, 800, 8); // a paragraph break at 376..428
    top = column(image, 100, top + 40, 800, 8); // another at 704..756
    column(image, 100, top + 40, 800, 6);
    const parts = pagePartsOf(image, 2);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatchObject({ left: 0, top: 0, width: WIDTH });
    expect(bottomOf(parts[0]!)).toBe(parts[1]!.top);
    expect(bottomOf(parts[1]!)).toBe(HEIGHT);
    // The cut is in a paragraph break (the widest gaps), not between two lines of a paragraph.
    expect(parts[1]!.top).toBeGreaterThan(704);
    expect(parts[1]!.top).toBeLessThan(756);
  });

  it('cuts two columns at their gutter, left before right', () => {
    const image = page();
    column(image, 60, 100, 400, 30);
    column(image, 540, 100, 400, 30);
    const parts = pagePartsOf(image, 2);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatchObject({ left: 0, top: 0, height: HEIGHT });
    expect(parts[0]!.width).toBeGreaterThan(460);
    expect(parts[0]!.width).toBeLessThanOrEqual(540);
    expect(parts[1]!.left).toBe(parts[0]!.width);
  });

  it('never cuts across columns whose paragraph breaks line up, so they are not interleaved', () => {
    const image = page();
    let top = column(image, 60, 100, 400, 14);
    column(image, 540, 100, 400, 14);
    top += 60; // a break across both columns
    column(image, 60, top, 400, 14);
    column(image, 540, top, 400, 14);
    const parts = pagePartsOf(image, 2);
    expect(parts).toHaveLength(2);
    expect(parts.every((part) => part.top === 0 && part.height === HEIGHT)).toBe(true);
  });

  it('reads a title over two columns as the title, then each column', () => {
    const image = page();
    textLine(image, 100, 60, 800, 40);
    column(image, 60, 200, 400, 30);
    column(image, 540, 200, 400, 30);
    const parts = pagePartsOf(image, 2);
    expect(parts).toHaveLength(3);
    const [title, left, right] = parts as [typeof parts[0], typeof parts[0], typeof parts[0]];
    expect(title).toMatchObject({ left: 0, top: 0, width: WIDTH });
    expect(bottomOf(title)).toBeGreaterThan(100);
    expect(bottomOf(title)).toBeLessThan(200);
    expect(left.left).toBe(0);
    expect(left.top).toBe(bottomOf(title));
    expect(right.left).toBe(left.width);
  });

  it('leaves a page whole when no cut is safe (a rule runs down the gutter and no row is blank)', () => {
    const image = page();
    for (let y = 0; y < HEIGHT; y += 1) for (let x = 0; x < WIDTH; x += 1) if ((x * 7 + y * 13) % 11 === 0) image.pixels[y * WIDTH + x] = 0;
    expect(pagePartsOf(image, 2)).toEqual([{ left: 0, top: 0, width: WIDTH, height: HEIGHT }]);
  });
});

describe('innerBlankRuns', () => {
  it('finds blank runs between ink only, at least as long as asked', () => {
    const profile = [0, 0, 5, 0, 0, 0, 3, 0, 4, 0, 0];
    expect(innerBlankRuns(profile, 0, 2)).toEqual([[3, 6]]);
    expect(innerBlankRuns(profile, 0, 1)).toEqual([[3, 6], [7, 8]]);
    expect(innerBlankRuns(profile, 3, 1)).toEqual([[3, 8]]);
  });
});
