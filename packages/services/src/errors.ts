/**
 * Expected failures of the use cases, as codes. The HTTP status for each code is chosen only at the edge
 * (apps/server/src/http/error-map.ts); the CLI maps `BAD_INPUT` to exit 2 and the rest to exit 1.
 */
export type AppErrorCode =
  | 'NOT_FOUND'
  | 'BAD_INPUT'
  | 'CONFLICT'
  | 'DATA_DIR_LOCKED'
  | 'YEAR_MISMATCH'
  | 'YEAR_REQUIRED'
  /** Not signed in, or the session ended (401). */
  | 'UNAUTHENTICATED'
  /** Signed in, but the role may not do this (403); also a missing or wrong CSRF token. */
  | 'FORBIDDEN'
  /** Too many failed sign-ins; the message says until when to wait (429). */
  | 'TOO_MANY_ATTEMPTS';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    /** Chinese, for the person: what is wrong and what to do. */
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
