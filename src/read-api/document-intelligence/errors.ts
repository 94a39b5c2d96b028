/**
 * Errors of the Document Intelligence face, in its nested shape
 * `{"error": {code, message, innererror?: {code, message}}}` with the codes of its error guide
 * (CONTRACT.md §7): a top-level code that goes with the HTTP status, a specific inner code.
 */
import { ReadApiError } from '../errors';
import type { DocumentIntelligenceError, DocumentIntelligenceErrorResponse } from './types';

/** The top-level codes we answer with, and their status. "404" is the gateway's bare not-found. */
export const DI_ERROR_STATUS = {
  InvalidRequest: 400,
  InvalidArgument: 400,
  '401': 401,
  NotFound: 404,
  '404': 404,
  UnsupportedMediaType: 415,
  '429': 429,
  InternalServerError: 500,
} as const satisfies Record<string, number>;

export type DiErrorCode = keyof typeof DI_ERROR_STATUS;

export class DiApiError extends Error {
  override readonly name = 'DiApiError';

  constructor(
    readonly code: DiErrorCode,
    message: string,
    readonly inner?: { code: string; message: string },
  ) {
    super(message);
  }

  get status(): number {
    return DI_ERROR_STATUS[this.code];
  }

  toError(): DocumentIntelligenceError {
    return { code: this.code, message: this.message, ...(this.inner ? { innererror: this.inner } : {}) };
  }

  toBody(): DocumentIntelligenceErrorResponse {
    return { error: this.toError() };
  }
}

/** Wrong path or api-version: what the real service answers (observed). */
export function resourceNotFound(): DiApiError {
  return new DiApiError('404', 'Resource not found');
}

export function modelNotFound(): DiApiError {
  return new DiApiError('NotFound', 'Resource not found.', { code: 'ModelNotFound', message: 'The requested model was not found.' });
}

export function operationNotFound(): DiApiError {
  return new DiApiError('NotFound', 'Resource not found.', {
    code: 'OperationNotFound',
    message: "The requested operation wasn't found. The identifier is invalid or the operation is expired.",
  });
}

/** `InvalidArgument`/`InvalidParameter` for a query parameter we cannot honour. */
export function invalidParameter(name: string, detail: string): DiApiError {
  return new DiApiError('InvalidArgument', 'Invalid argument.', { code: 'InvalidParameter', message: `The parameter ${name} is invalid: ${detail}` });
}

/** `InvalidArgument`/`InvalidContentSourceFormat` for a JSON body that names no usable source. */
export function invalidContentSource(detail: string): DiApiError {
  return new DiApiError('InvalidArgument', 'Invalid argument.', { code: 'InvalidContentSourceFormat', message: `Invalid content source: ${detail}` });
}

/** How each Read error reads on this face: [top-level code, inner code]. */
const FROM_READ: Partial<Record<ReadApiError['code'], [DiErrorCode, string]>> = {
  InvalidImageFormat: ['InvalidRequest', 'InvalidContent'],
  InvalidImageSize: ['InvalidRequest', 'InvalidContentDimensions'],
  InvalidImageUrl: ['InvalidRequest', 'ContentSourceNotAccessible'],
  InvalidPageRange: ['InvalidArgument', 'InvalidParameter'],
  NotSupportedLanguage: ['InvalidArgument', 'InvalidParameter'],
  BadArgument: ['InvalidArgument', 'InvalidParameter'],
  InvalidRequest: ['InvalidRequest', 'InvalidContent'],
  FailedToProcess: ['InternalServerError', 'Unknown'],
};

const TOP_MESSAGE: Record<string, string> = {
  InvalidRequest: 'Invalid request.',
  InvalidArgument: 'Invalid argument.',
  InternalServerError: 'An unexpected error occurred.',
};

/**
 * A Read error (from shared validation, the store or the engine) on this face. The key's 401,
 * the quota's 429 and the media type's 415 keep their code and message; a stored job failure
 * keeps its message under a DI inner code.
 */
export function fromReadError(error: ReadApiError): DiApiError {
  if (error.code === '401' || error.code === '429' || error.code === 'UnsupportedMediaType' || error.code === 'InternalServerError') {
    return new DiApiError(error.code, error.message);
  }
  if (error.code === 'NotFound') return operationNotFound();
  const [code, inner] = FROM_READ[error.code] ?? ['InternalServerError', 'Unknown'];
  return new DiApiError(code, TOP_MESSAGE[code] ?? error.message, { code: inner, message: error.message });
}

/**
 * The `error` of a failed operation, from the Read-shaped error its record keeps. A document
 * that could not be read is the caller's (InvalidRequest/InvalidContent), and the SDK's poller
 * throws with this code and message.
 */
export function failedOperationError(stored: { code: string; message: string }): DocumentIntelligenceError {
  const code = Object.hasOwn(FROM_READ, stored.code) ? (stored.code as ReadApiError['code']) : 'FailedToProcess';
  return fromReadError(new ReadApiError(code, stored.message)).toError();
}
