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

  it('finds long rules and no shading on a white form', () => {
    const form = page(600, 800, 9);
    for (const y of [100, 300, 500]) form.pixels.fill(0, y * 600, y * 600 + 600);
    const features = measurePage(form);
    expect(features.horizontalRules).toBeGreaterThan(2.5);
    expect(features.verticalRules).toBe(0);
    expect(features.unevenness).toBeLessThan(0.01);
  });

  it('measures uneven lighting', () => {
    const shaded = measurePage(page(600, 800, 9, (x) => 255 - Math.round(x / 4)));
    expect(shaded.unevenness).toBeGreaterThan(0.1);
  });
});
