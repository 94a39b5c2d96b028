import { describe, expect, it } from 'vitest';
import { ImageAnalysisError } from '../../../../src/read-api/image-analysis/errors';
import { parseImageAnalysisParams } from '../../../../src/read-api/image-analysis/params';

const parse = (query: string) => parseImageAnalysisParams(new URLSearchParams(query));

/** The error a query is refused with, as its body and status. */
function refusal(query: string) {
  try {
    parse(query);
  } catch (reason) {
    if (reason instanceof ImageAnalysisError) return { status: reason.status, ...reason.toBody().error };
    throw reason;
  }
  throw new Error(`'${query}' was accepted`);
}

describe('parseImageAnalysisParams', () => {
  it('accepts features=read on both API versions, with the defaults of the spec', () => {
    for (const version of ['2023-10-01', '2024-02-01']) {
      expect(parse(`api-version=${version}&features=read`)).toEqual({ apiVersion: version, features: ['read'], language: 'en', modelVersion: 'latest' });
    }
  });

  it('compares feature names without case and accepts them comma-joined or repeated', () => {
    expect(parse('api-version=2023-10-01&features=Read').features).toEqual(['read']);
    expect(parse('api-version=2023-10-01&features=read,READ&features=read').features).toEqual(['read']);
  });

  it('answers an unknown or missing API version as the gateway does: 404 "Resource not found"', () => {
    for (const query of ['features=read', 'api-version=2023-02-01-preview&features=read', 'api-version=3.2&features=read']) {
      expect(refusal(query)).toEqual({ status: 404, code: '404', message: 'Resource not found' });
    }
  });

  it('asks for features when there are none', () => {
    for (const query of ['api-version=2023-10-01', 'api-version=2023-10-01&features=', 'api-version=2023-10-01&features=,']) {
      expect(refusal(query)).toMatchObject({ status: 400, code: 'InvalidRequest', message: expect.stringContaining("Either 'features' or 'model-name'") });
    }
  });

  it('refuses an unknown feature name with NotSupportedVisualFeature', () => {
    expect(refusal('api-version=2023-10-01&features=ocr')).toMatchObject({
      status: 400,
      code: 'InvalidRequest',
      message: 'Analyze query is invalid.',
      innererror: { code: 'NotSupportedVisualFeature' },
    });
  });

  it('refuses every other feature as the service does in a region without it, naming it', () => {
    const names = { caption: 'Caption', denseCaptions: 'DenseCaptions', tags: 'Tags', objects: 'Objects', people: 'People', smartCrops: 'SmartCrops' };
    for (const [feature, name] of Object.entries(names)) {
      const error = refusal(`api-version=2023-10-01&features=read,${feature}`);
      expect(error).toMatchObject({ status: 400, code: 'InvalidRequest' });
      expect(error.message).toContain(`The feature '${name}' is not supported in this region.`);
    }
  });

  it('checks model-version against the pattern and the models we answer as', () => {
    expect(parse('api-version=2023-10-01&features=read&model-version=2023-10-01').modelVersion).toBe('2023-10-01');
    for (const version of ['newest', '2023-10-1', '2022-01-01', '2023-10-01-preview-x']) {
      expect(refusal(`api-version=2023-10-01&features=read&model-version=${version}`)).toMatchObject({
        status: 400,
        code: 'InvalidRequest',
        innererror: { code: 'BadArgument' },
      });
    }
  });

  it('takes language (at least two letters) and the caption and smart-crop options, which read ignores', () => {
    const query = 'api-version=2023-10-01&features=read&language=fr&gender-neutral-caption=True&smartcrops-aspect-ratios=0.9,1.33';
    expect(parse(query).language).toBe('fr');
    expect(refusal('api-version=2023-10-01&features=read&language=f')).toMatchObject({ innererror: { code: 'NotSupportedLanguage' } });
    expect(refusal('api-version=2023-10-01&features=read&gender-neutral-caption=yes')).toMatchObject({ innererror: { code: 'BadArgument' } });
  });

  it('refuses custom models (model-name), a preview feature', () => {
    expect(refusal('api-version=2023-10-01&model-name=mine')).toMatchObject({ status: 400, code: 'InvalidRequest' });
  });
});
