/**
 * The Azure AI Vision Image Analysis 4.0 shapes we answer, as the 2023-10-01 spec
 * (`generated.json`) defines them: `ImageAnalysisResult` with its `readResult`, and the error
 * body `Azure.Core.Foundations.ErrorResponse`. The other six features' results are never sent.
 */

/** A pixel of the image: integers, 0,0 the top-left pixel (`ImagePoint`). */
export interface ImagePoint {
  x: number;
  y: number;
}

/** Four points, top-left, top-right, bottom-right, bottom-left ("only quadrilaterals"). */
export type BoundingPolygon = [ImagePoint, ImagePoint, ImagePoint, ImagePoint];

export interface DetectedTextWord {
  text: string;
  boundingPolygon: BoundingPolygon;
  /** 0..1 */
  confidence: number;
}

export interface DetectedTextLine {
  text: string;
  boundingPolygon: BoundingPolygon;
  words: DetectedTextWord[];
}

export interface DetectedTextBlock {
  lines: DetectedTextLine[];
}

/** The spec's `ReadResult` ("at the moment only one block is returned"). */
export interface ImageAnalysisReadResult {
  blocks: DetectedTextBlock[];
}

export interface ImageMetadata {
  width: number;
  height: number;
}

export interface ImageAnalysisResult {
  modelVersion: string;
  metadata: ImageMetadata;
  readResult?: ImageAnalysisReadResult;
}

/** `Azure.Core.Foundations.InnerError`, with the `message` every example of the docs carries. */
export interface ImageAnalysisInnerError {
  code: string;
  message: string;
}

/** `Azure.Core.Foundations.ErrorResponse`. */
export interface ImageAnalysisErrorBody {
  error: { code: string; message: string; innererror?: ImageAnalysisInnerError };
}

/** The model version the service's examples report, and what `latest` means here. */
export const IMAGE_ANALYSIS_MODEL_VERSION = '2023-10-01';
