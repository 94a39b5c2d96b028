import { describe, expect, it } from 'vitest';
import { ReadApiError, UNAUTHORIZED_MESSAGE } from '../../../../src/read-api/errors';
import { fromReadApiError, toImageAnalysisError } from '../../../../src/read-api/image-analysis/errors';
import { assertImageAnalysisError } from '../../../support/image-analysis-schema';

describe('Image Analysis errors', () => {
  it("answers a missing key with the gateway's 401 in this API's shape", () => {
    const error = fromReadApiError(new ReadApiError('401', 'x'));
    expect(error.status).toBe(401);
    expect(error.toBody()).toEqual({ error: { code: '401', message: UNAUTHORIZED_MESSAGE } });
  });

  it("turns Read's input errors into InvalidRequest with Read's code inside, as the service nests them", () => {
    const error = fromReadApiError(new ReadApiError('InvalidImageUrl', 'https://x answered 404.'));
    expect(error.status).toBe(400);
    expect(error.toBody()).toEqual({
      error: { code: 'InvalidRequest', message: 'Image URL is badly formatted or not accessible.', innererror: { code: 'InvalidImageUrl', message: 'https://x answered 404.' } },
    });
    expect(fromReadApiError(new ReadApiError('InvalidImageFormat', 'truncated')).toBody().error).toMatchObject({
      message: 'Image format is not valid.',
      innererror: { code: 'InvalidImageFormat' },
    });
    expect(fromReadApiError(new ReadApiError('FailedToProcess', 'hung')).status).toBe(400);
  });

  it('keeps 429, 503 and the timeout, and makes anything unknown a 500', () => {
    expect(fromReadApiError(new ReadApiError('429', 'full')).status).toBe(429);
    expect(fromReadApiError(new ReadApiError('ServiceUnavailable', 'no engine')).toBody().error.code).toBe('ServiceUnavailable');
    expect(fromReadApiError(new ReadApiError('Timeout', 'slow')).toBody().error).toMatchObject({ code: 'InternalServerError', innererror: { code: 'Timeout' } });
    expect(toImageAnalysisError(new TypeError('boom')).toBody().error).toEqual({ code: 'InternalServerError', message: 'TypeError: boom' });
  });

  it('produces bodies that match the spec', () => {
    for (const error of [fromReadApiError(new ReadApiError('InvalidImageSize', 'big')), toImageAnalysisError('x')]) {
      assertImageAnalysisError(error.toBody());
    }
  });
});
