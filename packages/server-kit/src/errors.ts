import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type ErrorStatus = 400 | 401 | 402 | 403 | 404 | 409 | 413 | 415 | 421 | 422 | 423 | 429 | 503 | 507;

export type ErrorBody<Code extends string = string> = { error: { code: Code; message: string; details?: unknown } };

/** The codes the kit itself answers with (validation, framework errors, unknown routes, crashes). */
export const KIT_ERROR_CODES = [
  'bad_request',
  'malformed_json',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'payload_too_large',
  'unsupported_media_type',
  'write_failed',
  'internal_error',
] as const;

/** The one error type the services throw; app.onError turns it into its status and JSON body. */
export class AppError extends Error {
  constructor(
    readonly status: ErrorStatus & ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}

/**
 * A service's error makers, typed by the union of its codes, so every code it can answer is
 * listed once (and each has a translation in the front ends).
 */
export function errorMakers<Code extends string>() {
  return {
    fail: (status: ErrorStatus & ContentfulStatusCode, code: Code, message: string, details?: unknown, headers?: Record<string, string>) =>
      new AppError(status, code, message, details, headers),
    notFound: (what: string) => new AppError(404, 'not_found', `${what} not found`),
    forbidden: (message = 'You may not do this') => new AppError(403, 'forbidden', message),
    conflict: (code: Code, message: string, details?: unknown) => new AppError(409, code, message, details),
    badRequest: (code: Code, message: string, details?: unknown) => new AppError(400, code, message, details),
    /** The value, or a 404 naming what was missing. */
    found<T>(value: T | undefined, what: string): T {
      if (value === undefined) throw new AppError(404, 'not_found', `${what} not found`);
      return value;
    },
  };
}
