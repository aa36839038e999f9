/**
 * Expected failures of the use cases, as codes. The HTTP status for each code is chosen only at the edge
 * (apps/server/src/http/error-map.ts); the CLI maps `BAD_INPUT` to exit 2 and the rest to exit 1.
 */
export type AppErrorCode = 'NOT_FOUND' | 'BAD_INPUT' | 'CONFLICT' | 'DATA_DIR_LOCKED' | 'YEAR_MISMATCH' | 'YEAR_REQUIRED';

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
