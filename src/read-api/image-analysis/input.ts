/**
 * The image limits of Image Analysis 4.0 (the overview's "input requirements"): one image, not a
 * document, under 20 MB, more than 50 and fewer than 16,000 pixels a side. This installation's
 * engine reads up to Read 3.2's 10,000 pixels a side, so larger images are refused here with the
 * same code and a message that says so, rather than failing after the wait.
 */
import { MAX_IMAGE_SIDE, headerDimensions, sniffFormat, type Dimensions, type InputFormat } from '../formats';
import { invalidRequest } from './errors';

/** "The image size is not allowed to be zero or larger than 20971520 bytes." */
export const IMAGE_ANALYSIS_MAX_BYTES = 20_971_520;
/** Sides must be greater than this... */
export const IMAGE_ANALYSIS_MIN_SIDE = 50;
/** ...and less than this, for the service. */
export const IMAGE_ANALYSIS_MAX_SIDE = 16_000;

/** The formats both the service and our engine read (the service also takes GIF, WEBP, ICO, MPO). */
export const IMAGE_ANALYSIS_FORMATS: readonly InputFormat[] = ['png', 'jpeg', 'bmp', 'tiff'];

function invalidFormat(detail: string) {
  return invalidRequest('Image format is not valid.', { code: 'InvalidImageFormat', message: detail });
}

function invalidDimensions(message: string) {
  return invalidRequest(message, { code: 'InvalidImageDimension', message });
}

/** Throws unless both sides are in the service's range and within what our engine reads. */
export function assertImageAnalysisDimensions({ width, height }: Dimensions): void {
  const fits = (side: number) => side > IMAGE_ANALYSIS_MIN_SIDE && side < IMAGE_ANALYSIS_MAX_SIDE;
  if (!fits(width) || !fits(height)) {
    throw invalidDimensions(
      `The image dimensions must be greater than ${IMAGE_ANALYSIS_MIN_SIDE} x ${IMAGE_ANALYSIS_MIN_SIDE} pixels and less than ${IMAGE_ANALYSIS_MAX_SIDE} x ${IMAGE_ANALYSIS_MAX_SIDE} pixels; this one is ${width} x ${height}.`,
    );
  }
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    throw invalidDimensions(
      `This installation reads images up to ${MAX_IMAGE_SIDE} x ${MAX_IMAGE_SIDE} pixels; this one is ${width} x ${height}.`,
    );
  }
}

/**
 * Checks an image by its bytes (never its declared type): size, a format read here (a PDF is a
 * document, for the Read API), and the dimensions its header gives. Returns its format.
 */
export function validateImageAnalysisInput(bytes: Uint8Array): InputFormat {
  if (bytes.byteLength === 0 || bytes.byteLength > IMAGE_ANALYSIS_MAX_BYTES) {
    throw invalidRequest(`The image size is not allowed to be zero or larger than ${IMAGE_ANALYSIS_MAX_BYTES} bytes.`, {
      code: 'InvalidImageSize',
      message: `The image is ${bytes.byteLength} bytes.`,
    });
  }
  const format = sniffFormat(bytes);
  if (format === 'pdf') {
    throw invalidFormat('A PDF is a document, not an image: read it with POST /vision/v3.2/read/analyze.');
  }
  if (format === null || !IMAGE_ANALYSIS_FORMATS.includes(format)) {
    throw invalidFormat(`Input data is not a valid image. Supported formats: ${IMAGE_ANALYSIS_FORMATS.join(', ').toUpperCase()}.`);
  }
  const dimensions = headerDimensions(bytes, format);
  if (dimensions) assertImageAnalysisDimensions(dimensions);
  return format;
}
