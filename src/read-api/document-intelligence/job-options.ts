/**
 * Which contract a job was created with, kept on its record: the engine reads every job the
 * same way, and the contract decides how its one stored result is answered, and where.
 */
import type { ContentFormat, StringIndexType } from './types';

/** The models answered here; every other model id is ModelNotFound. */
export const DI_MODELS = ['prebuilt-read', 'prebuilt-layout'] as const;
export type DiModelId = (typeof DI_MODELS)[number];

/**
 * The path family: `/documentintelligence` (API 2024-11-30) or the legacy `/formrecognizer`
 * (API 2023-07-31), each with its own result paths: a job is read only through the face it was
 * created on.
 */
export type DiFace = 'documentintelligence' | 'formrecognizer';

/** The add-on features we can honour (`ocrHighResolution` is a no-op: pages are read at full size). */
export type DiFeature = 'languages' | 'ocrHighResolution';

export interface DocumentIntelligenceJob {
  api: 'document-intelligence';
  face: DiFace;
  modelId: DiModelId;
  stringIndexType: StringIndexType;
  outputContentFormat: ContentFormat;
  /** `output=pdf`: the engine also writes a searchable PDF while it has the input. */
  outputPdf: boolean;
  features: DiFeature[];
}

export interface ReadJob {
  api: 'read';
}

export type JobContract = ReadJob | DocumentIntelligenceJob;

/** The contract of a record; records written before it existed are Read jobs. */
export function contractOf(record: { contract?: JobContract }): JobContract {
  return record.contract ?? { api: 'read' };
}

export function isDiModel(modelId: string): modelId is DiModelId {
  return (DI_MODELS as readonly string[]).includes(modelId);
}
