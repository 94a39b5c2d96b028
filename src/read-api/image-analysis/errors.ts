/**
 * Errors of the Image Analysis API, in its own shape (`{"error": {code, message, innererror?}}`
 * plus an `x-ms-error-code` header equal to `code`), and the translation of the Read API's
 * errors (a URL that fails, a document the engine could not read) into it. Codes and messages
 * follow the 4.0 REST how-to's error list (CONTRACT.md §5).
 */
import { ReadApiError, UNAUTHORIZED_MESSAGE } from '../errors';
import type { ImageAnalysisErrorBody, ImageAnalysisInnerError } from './types';

/** A failure answered with Image Analysis's status, code and, where the service has one, inner code. */
export class ImageAnalysisError extends Error {
  override readonly name = 'ImageAnalysisError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly innererror?: ImageAnalysisInnerError,
  ) {
    super(message);
  }

  toBody(): ImageAnalysisErrorBody {
    const error: ImageAnalysisErrorBody['error'] = { code: this.code, message: this.message };
    if (this.innererror) error.innererror = this.innererror;
    return { error };
  }
}

/** 400 `InvalidRequest`, the code of every bad request of this API, with an inner code when given. */
export function invalidRequest(message: string, inner?: ImageAnalysisInnerError): ImageAnalysisError {
  return new ImageAnalysisError(400, 'InvalidRequest', message, inner);
}

/** 400 "Analyze query is invalid." with the inner code that says which parameter. */
export function invalidQuery(innerCode: string, innerMessage: string): ImageAnalysisError {
  return invalidRequest('Analyze query is invalid.', { code: innerCode, message: innerMessage });
}

/** The gateway's answer to an unknown path or API version. */
export function resourceNotFound(): ImageAnalysisError {
  return new ImageAnalysisError(404, '404', 'Resource not found');
}

/** No engine is running (no page of the app is open), so nothing can read the image. */
export function serviceUnavailable(message: string): ImageAnalysisError {
  return new ImageAnalysisError(503, 'ServiceUnavailable', message);
}

/** The reading took longer than the synchronous call may wait. */
export function timedOut(message: string): ImageAnalysisError {
  return new ImageAnalysisError(500, 'InternalServerError', message, { code: 'Timeout', message: 'The operation was timeout.' });
}

/** Read's inner reason, kept as the inner error: the caller sees what went wrong in detail. */
function inner(error: ReadApiError): ImageAnalysisInnerError {
  return { code: error.code, message: error.message };
}

/**
 * The Image Analysis answer for a Read API error: 401, 429 and 500 keep their meaning; every
 * 4xx about the input becomes `InvalidRequest` with the service's message and Read's code inside.
 */
export function fromReadApiError(error: ReadApiError): ImageAnalysisError {
  switch (error.code) {
    case '401':
      return new ImageAnalysisError(401, '401', UNAUTHORIZED_MESSAGE);
    case '429':
      return new ImageAnalysisError(429, '429', error.message);
    case 'NotFound':
      return resourceNotFound();
    case 'InternalServerError':
    case 'Timeout':
      return new ImageAnalysisError(500, 'InternalServerError', error.message, inner(error));
    case 'ServiceUnavailable':
      return serviceUnavailable(error.message);
    case 'InvalidImageUrl':
      return invalidRequest('Image URL is badly formatted or not accessible.', inner(error));
    case 'InvalidImageFormat':
      return invalidRequest('Image format is not valid.', inner(error));
    default:
      return invalidRequest(error.message, inner(error));
  }
}

/** Anything thrown, as an Image Analysis error; an unknown failure is the only 500 without a cause. */
export function toImageAnalysisError(reason: unknown): ImageAnalysisError {
  if (reason instanceof ImageAnalysisError) return reason;
  if (reason instanceof ReadApiError) return fromReadApiError(reason);
  const message = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  return new ImageAnalysisError(500, 'InternalServerError', message);
}
