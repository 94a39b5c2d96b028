import { describe, expect, it } from 'vitest';
import { measurePage } from '../../../../../src/engine/pipeline/prepare/page-features';
import type { GreyImage } from '../../../../../src/engine/pipeline/grey-image';

/** A page of rows of `letter`-tall blocks on paper of brightness `paper(x, y)`. */
function page(width: number, height: number, letter: number, paper: (x: number, y: number) => number = () => 255): GreyImage {
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) pixels[y * width + x] = paper(x, y);
  for (let y = 2 * letter; y + 2 * letter < height; y += 2 * letter) {
    for (let x = letter; x + letter < width; x += letter) {
      for (let dy = 0; dy < letter; dy += 1) pixels.fill(0, (y + dy) * width + x, (y + dy) * width + x + Math.round(letter * 0.6));
    }
  }
  return { width, height, pixels };
}

describe('measurePage', () => {
  it('measures the text height, on the downsample for a large page', () => {
    expect(measurePage(page(600, 800, 9)).textHeight).toBe(9);
    const large = measurePage(page(2400, 3200, 30));
    expect(large.sampleFactor).toBe(2);
    expect(large.textHeight).toBe(30);
  });

  it('measures the paper\'s brightness, not the ink on it', () => {
    expect(measurePage(page(600, 800, 9)).paper).toBe(255);
    expect(measurePage(page(600, 800, 9, () => 180)).paper).toBe(180);
  });
});
