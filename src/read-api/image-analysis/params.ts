/**
 * The query of `POST /computervision/imageanalysis:analyze`, validated as the 2023-10-01 spec
 * defines it. Only `read` is offered: the other features are valid names that this installation
 * refuses, as the service refuses a feature its region lacks (CONTRACT.md §3).
 */
import { invalidQuery, invalidRequest, resourceNotFound } from './errors';
import { IMAGE_ANALYSIS_MODEL_VERSION } from './types';

/** 2023-10-01 is the spec's; 2024-02-01 the REST how-to's, the same for `read` (CONTRACT.md §1). */
export const IMAGE_ANALYSIS_API_VERSIONS: readonly string[] = ['2023-10-01', '2024-02-01'];

/** The spec's `VisualFeatures`, as it spells them. */
export const VISUAL_FEATURES = ['tags', 'caption', 'denseCaptions', 'objects', 'read', 'smartCrops', 'people'] as const;
export type VisualFeature = (typeof VISUAL_FEATURES)[number];

/** Model versions a caller may pin: `latest` and the one model we answer as. */
export const IMAGE_ANALYSIS_MODEL_VERSIONS: readonly string[] = ['latest', IMAGE_ANALYSIS_MODEL_VERSION];

export interface ImageAnalysisParams {
  apiVersion: string;
  features: VisualFeature[];
  /** Accepted and ignored: Read finds the language itself; the parameter is for tags and captions. */
  language: string;
  modelVersion: string;
}

const MODEL_VERSION = /^(latest|\d{4}-\d{2}-\d{2})(-preview)?$/;

/** `Caption`, `DenseCaptions`: how the service names a feature in its messages. */
function displayName(feature: VisualFeature): string {
  return feature[0]!.toUpperCase() + feature.slice(1);
}

/**
 * `features` as one comma-joined parameter (the SDKs) or repeated, compared without case (the JS
 * SDK's README sends `Read`, the spec says `read`).
 */
function parseFeatures(query: URLSearchParams): VisualFeature[] {
  const names = query.getAll('features').flatMap((value) => value.split(',')).map((name) => name.trim()).filter(Boolean);
  if (names.length === 0) {
    throw invalidRequest("Either 'features' or 'model-name' needs to be specified in the query parameter.");
  }
  const features = names.map((name) => {
    const feature = VISUAL_FEATURES.find((known) => known.toLowerCase() === name.toLowerCase());
    if (!feature) throw invalidQuery('NotSupportedVisualFeature', `Specified feature type is not valid: '${name}'.`);
    return feature;
  });
  const refused = features.find((feature) => feature !== 'read');
  if (refused) {
    throw invalidRequest(
      `The feature '${displayName(refused)}' is not supported in this region. This installation reads text only: features=read.`,
    );
  }
  return [...new Set(features)];
}

function parseModelVersion(value: string | null): string {
  if (value === null || value === '') return 'latest';
  const wellFormed = value.length >= 6 && value.length <= 18 && MODEL_VERSION.test(value);
  if (!wellFormed || !IMAGE_ANALYSIS_MODEL_VERSIONS.includes(value)) {
    throw invalidQuery('BadArgument', `Model version '${value}' is not valid; use ${IMAGE_ANALYSIS_MODEL_VERSIONS.join(' or ')}.`);
  }
  return value;
}

function parseLanguage(value: string | null): string {
  if (value === null) return 'en';
  if (value.length < 2) throw invalidQuery('NotSupportedLanguage', `The input language is not supported: '${value}'.`);
  return value;
}

/** A boolean the spec types as such: `true` or `false`, in any case. */
function assertBoolean(name: string, value: string | null): void {
  if (value !== null && !/^(true|false)$/i.test(value)) {
    throw invalidQuery('BadArgument', `'${name}' must be true or false, not '${value}'.`);
  }
}

/**
 * Validates the query. The gateway's checks come first (an unknown API version is a 404, as for
 * any path it does not serve), then the service's. `smartcrops-aspect-ratios` only matters to
 * smartCrops, which is refused before it would be read.
 */
export function parseImageAnalysisParams(query: URLSearchParams): ImageAnalysisParams {
  const apiVersion = query.get('api-version') ?? '';
  if (!IMAGE_ANALYSIS_API_VERSIONS.includes(apiVersion)) throw resourceNotFound();
  if (query.has('model-name')) {
    throw invalidRequest("Custom models ('model-name') are not supported: use 'features=read'.");
  }
  const features = parseFeatures(query);
  assertBoolean('gender-neutral-caption', query.get('gender-neutral-caption'));
  return {
    apiVersion,
    features,
    language: parseLanguage(query.get('language')),
    modelVersion: parseModelVersion(query.get('model-version')),
  };
}
