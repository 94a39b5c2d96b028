import { describe, expect, it } from 'vitest';
import { ERROR_STATUS, ReadApiError, UNAUTHORIZED_MESSAGE, type ErrorCode } from '../../../src/read-api/errors';
import { assertErrorBody } from '../../support/ocr-schema';

describe('ReadApiError', () => {
  it('is an Error with a stable name, its code and its message', () => {
    const error = new ReadApiError('InvalidPageRange', 'Invalid page range.');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ReadApiError');
    expect(error.code).toBe('InvalidPageRange');
    expect(error.message).toBe('Invalid page range.');
  });

  it.each([
    ['InvalidImageFormat', 400],
    ['InvalidImageSize', 400],
    ['InvalidPageRange', 400],
    ['NotSupportedLanguage', 400],
    ['InvalidReadingOrder', 400],
    ['BadArgument', 400],
    ['FailedToProcess', 400],
    ['401', 401],
    ['NotFound', 404],
    ['UnsupportedMediaType', 415],
    ['429', 429],
    ['InternalServerError', 500],
  ] as const)('answers %s with HTTP %i', (code, status) => {
    expect(new ReadApiError(code, 'x').status).toBe(status);
  });

  it('answers every predictable failure below 500, so that clients do not retry for minutes', () => {
    const serverErrors = Object.entries(ERROR_STATUS).filter(([, status]) => status >= 500);
    // Besides the unexpected, only the two conditions of the device that a synchronous call can
    // meet, where a retry may well succeed: the reading took too long, no engine (no page) runs.
    expect(serverErrors.map(([code]) => code)).toEqual(['InternalServerError', 'Timeout', 'ServiceUnavailable']);
  });

  it('gives an Azure-shaped body for every code', () => {
    for (const code of Object.keys(ERROR_STATUS) as ErrorCode[]) {
      const body = new ReadApiError(code, `message for ${code}`).toBody();
      expect(body).toEqual({ error: { code, message: `message for ${code}` } });
      assertErrorBody(body);
    }
  });

  it('gives the gateway body for a bad key', () => {
    expect(new ReadApiError('401', UNAUTHORIZED_MESSAGE).toBody()).toEqual({
      error: { code: '401', message: UNAUTHORIZED_MESSAGE },
    });
  });

  it('serialises to a structured-clone-safe record with its name', () => {
    const record = new ReadApiError('BadArgument', 'bad').toJSON();
    expect(record).toEqual({ name: 'ReadApiError', code: 'BadArgument', message: 'bad' });
    expect(structuredClone(record)).toEqual(record);
  });
});

describe('ReadApiError.from', () => {
  it('returns a ReadApiError unchanged', () => {
    const error = new ReadApiError('InvalidImageSize', 'too small');
    expect(ReadApiError.from(error)).toBe(error);
  });

  it('rebuilds a plain {code, message} record that crossed a boundary', () => {
    const rebuilt = ReadApiError.from(structuredClone(new ReadApiError('NotSupportedLanguage', 'no de').toJSON()));
    expect(rebuilt).toBeInstanceOf(ReadApiError);
    expect(rebuilt.code).toBe('NotSupportedLanguage');
    expect(rebuilt.message).toBe('no de');
    expect(rebuilt.status).toBe(400);
  });

  it('turns an unknown Error into FailedToProcess with its message', () => {
    const rebuilt = ReadApiError.from(new TypeError('x is not a function'));
    expect(rebuilt.code).toBe('FailedToProcess');
    expect(rebuilt.message).toBe('x is not a function');
  });

  it('turns a record with an unknown code into FailedToProcess', () => {
    const rebuilt = ReadApiError.from({ code: 'Teapot', message: 'short and stout' });
    expect(rebuilt.code).toBe('FailedToProcess');
    expect(rebuilt.message).toBe('short and stout');
  });

  it.each(['toString', 'constructor', 'hasOwnProperty'])(
    'turns a record whose code is the Object.prototype name %s into FailedToProcess',
    (code) => {
      const rebuilt = ReadApiError.from({ code, message: 'odd' });
      expect(rebuilt.code).toBe('FailedToProcess');
      expect(rebuilt.status).toBe(400);
    },
  );

  it('turns a thrown string into FailedToProcess with that string as message', () => {
    expect(ReadApiError.from('worker crashed').toBody()).toEqual({
      error: { code: 'FailedToProcess', message: 'worker crashed' },
    });
  });

  it('gives a message even when the thrown value has none', () => {
    const rebuilt = ReadApiError.from(new Error(''));
    expect(rebuilt.code).toBe('FailedToProcess');
    expect(rebuilt.message.length).toBeGreaterThan(0);
  });
});
