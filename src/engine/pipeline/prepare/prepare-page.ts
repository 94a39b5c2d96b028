/**
 * Page preparation: makes hard pages (low-resolution forms, shaded photos) read better before
 * tesseract sees them. Each step is chosen from what the page shows (page-features), never from
 * its file name, and only where it measured better on the corpus; a clean page comes back as it
 * was, having cost only the measurement on a downsample.
 */
import type { RasterPage } from '../raster';
import { fromRaster, toRaster, type GreyImage } from '../grey-image';
import { flattenIllumination } from './flatten-illumination';
import { measurePage, type PageFeatures } from './page-features';
import { findPageOutline } from './page-outline';
import { applyHomography, rectangleToQuad, rectifiedSize, warp, type Homography, type Quad } from './perspective';
import { removeRules } from './remove-rules';
import { boundedFactor, upscale } from './upscale';

/** The steps preparation may take, in the order they are applied. */
export type PrepareStep = 'perspective' | 'flatten' | 'remove-rules' | 'upscale-2x' | 'upscale-3x';

export interface PrepareOptions {
  /** Steps not to take even when the page calls for them (all are allowed by default). */
  skip?: readonly PrepareStep[];
}

export interface PreparedPage {
  /** The page to read: the input itself when no step was taken. */
  raster: RasterPage;
  /** The steps taken, in order (empty for a clean page). */
  steps: PrepareStep[];
  /** Maps a point of the prepared page (continuous pixel coordinates) to the page as given. */
  toSource(x: number, y: number): [number, number];
  /** What was measured, for logs and tuning. */
  features: Omit<PageFeatures, 'sample'>;
}

/**
 * Text shorter than this (median letter height, px) is too small for tesseract's models, which
 * read best near 20-30 px: 100 dpi forms measure 7-10. Such pages are scaled 2x: on the corpus's
 * eight forms CER went from 0.245 to 0.174. 3x read one form better still (0.185 -> 0.047) but
 * others worse (0.101 -> 0.477), and no feature measured told them apart, so 2x it is.
 */
const SMALL_TEXT = 12;
/** Share of the photo's border darker than the paper before a sheet outline is looked for. */
const DARK_BORDER = 0.5;
/**
 * Paper darker than this (0..255) is a camera's grey capture of a page, not a scan. Removing
 * long rules there erases the sheet's edges and the dark surround, which tesseract otherwise
 * reads as lines of junk: the corpus's three photos measured 0.259 -> 0.197 (one 0.27 -> 0.03).
 * Receipts (paper 240..255) read worse with it (dark torn edges turn into specks), so they are
 * left alone.
 */
const GREY_PAPER = 220;

/** Chooses and applies the preparation steps for `raster` (see the module comment). */
export function preparePage(raster: RasterPage, options: PrepareOptions = {}): PreparedPage {
  const source = fromRaster(raster);
  const { sample, ...features } = measurePage(source);
  const allowed = (step: PrepareStep) => !options.skip?.includes(step);
  const outline = allowed('perspective') && features.darkBorder >= DARK_BORDER ? findPageOutline(sample) : null;
  const steps = [...(outline ? ['perspective' as const] : []), ...chooseSteps(features, raster).filter(allowed)];
  if (steps.length === 0) return { raster, steps, toSource: (x, y) => [x, y], features };
  let image: GreyImage = source;
  let scale = 1;
  let homography: Homography | null = null;
  for (const step of steps) {
    if (step === 'perspective' && outline) [image, homography] = rectify(image, outline, features.sampleFactor);
    if (step === 'flatten') image = flattenIllumination(image);
    if (step === 'remove-rules') image = removeRules(image, { textHeight: features.textHeight }).image;
    if (step === 'upscale-2x' || step === 'upscale-3x') {
      scale = step === 'upscale-2x' ? 2 : 3;
      image = upscale(image, scale);
    }
  }
  const dpi = raster.dpi ? raster.dpi * scale : undefined;
  const toSource = (x: number, y: number): [number, number] =>
    homography ? applyHomography(homography, x / scale, y / scale) : [x / scale, y / scale];
  return { raster: toRaster(image, dpi), steps, toSource, features };
}

/**
 * The photographed sheet inside `outline` (corners on the features' downsample, `factor` times
 * smaller) warped to an upright rectangle whose sides are the outline's mean side lengths.
 */
function rectify(image: GreyImage, outline: Quad, factor: number): [GreyImage, Homography] {
  const quad = outline.map(([x, y]) => [x * factor, y * factor]) as Quad;
  const { width, height } = rectifiedSize(quad);
  const homography = rectangleToQuad(width, height, quad);
  return [warp(image, homography, width, height), homography];
}

/** The steps a page with these features needs, in order. */
export function chooseSteps(features: Omit<PageFeatures, 'sample'>, page: { width: number; height: number }): PrepareStep[] {
  const steps: PrepareStep[] = [];
  if (features.letters < 20) return steps;
  // 'flatten' is never chosen: on the corpus it made every photo and one receipt read worse
  // (receipt-100: 0.256 -> 0.675, flattening the dark papers around it into noise).
  // Forms are not cleared of their rules: alone it helped (0.245 -> 0.215) but it spoilt the
  // 2x upscale (0.174 -> 0.292 together), which helps more.
  if (features.paper < GREY_PAPER) steps.push('remove-rules');
  if (features.textHeight > 0 && features.textHeight < SMALL_TEXT) {
    if (boundedFactor(page.width, page.height, 2) === 2) steps.push('upscale-2x');
  }
  return steps;
}
