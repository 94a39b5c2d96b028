/**
 * The Azure AI Vision Read 3.2 result shapes, as `Ocr.json` defines them
 * (`ReadOperationResult`, `analyzeResults`, `ReadResult`, `Line`, `Word`).
 */

/** Status of a read operation (`OperationStatus` in the spec; not extensible). */
export type OperationStatus = 'notStarted' | 'running' | 'failed' | 'succeeded';

/** Eight numbers: top-left, top-right, bottom-right, bottom-left corners, clockwise. */
export type BoundingBox = [number, number, number, number, number, number, number, number];

export interface Word {
  boundingBox: BoundingBox;
  text: string;
  /** 0..1 */
  confidence: number;
}

export interface Appearance {
  style: { name: 'other' | 'handwriting'; confidence: number };
}

export interface Line {
  language?: string;
  boundingBox: BoundingBox;
  appearance?: Appearance;
  text: string;
  words: Word[];
}

export type DimensionUnit = 'pixel' | 'inch';

export interface ReadResult {
  /** 1-based page number. */
  page: number;
  language?: string;
  /** Degrees clockwise, in [-180, 180). */
  angle: number;
  width: number;
  height: number;
  unit: DimensionUnit;
  lines: Line[];
}

export interface AnalyzeResult {
  version: string;
  modelVersion: string;
  readResults: ReadResult[];
}

export interface ReadOperationResult {
  status: OperationStatus;
  createdDateTime: string;
  lastUpdatedDateTime: string;
  analyzeResult?: AnalyzeResult;
}

/** The version string the real service puts in `analyzeResult.version`. */
export const API_VERSION = '3.2.0';
/** The model we report for `model-version=latest` (the latest GA Read model). */
export const LATEST_MODEL_VERSION = '2022-04-30';
