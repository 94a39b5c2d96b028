/**
 * Errors of the Read API, each with a stable machine code that maps 1:1 to an Azure
 * `error.code` and an HTTP status. Errors cross worker and realm boundaries as plain
 * `{ name, code, message }` records and are rebuilt with `ReadApiError.from`.
 */

/** Every code we answer with, and the HTTP status it goes with. */
export const ERROR_STATUS = {
  InvalidImageFormat: 400,
  InvalidImageSize: 400,
  InvalidImageUrl: 400,
  InvalidPageRange: 400,
  InvalidReadingOrder: 400,
  NotSupportedLanguage: 400,
  BadArgument: 400,
  InvalidRequest: 400,
  FailedToProcess: 400,
  /** Azure's gateway answers 401 with the code "401". */
  '401': 401,
  NotFound: 404,
  UnsupportedMediaType: 415,
  '429': 429,
  InternalServerError: 500,
  /** A synchronous call (syncAnalyze, Image Analysis) that waited longer than it may. */
  Timeout: 500,
  /** A synchronous call while no engine runs (no page of the app is open). */
  ServiceUnavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The exact message of Azure's gateway for a missing or wrong key. */
export const UNAUTHORIZED_MESSAGE =
  'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.';

/** The body of every error answer: `{"error": {"code", "message"}}`. */
export interface ErrorBody {
  error: { code: string; message: string };
}

/** A failure the API reports to its caller with an Azure code. */
export class ReadApiError extends Error {
  override readonly name = 'ReadApiError';

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message } };
  }

  /** A structured-clone-safe record, for crossing worker boundaries and for storage. */
  toJSON(): { name: string; code: ErrorCode; message: string } {
    return { name: this.name, code: this.code, message: this.message };
  }

  /**
   * Rebuilds a ReadApiError from anything thrown, here or in another realm. Unknown errors become
   * `FailedToProcess` (a 400-class outcome: the SDK retries 5xx for minutes) with their message.
   */
  static from(reason: unknown): ReadApiError {
    if (reason instanceof ReadApiError) return reason;
    // Own keys only: `'toString' in ERROR_STATUS` is true through the prototype.
    if (isErrorRecord(reason) && Object.hasOwn(ERROR_STATUS, reason.code)) {
      return new ReadApiError(reason.code as ErrorCode, reason.message);
    }
    const message =
      reason instanceof Error || isErrorRecord(reason) ? reason.message : String(reason);
    return new ReadApiError('FailedToProcess', message || 'The document could not be processed.');
  }
}

function isErrorRecord(value: unknown): value is { code: string; message: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
