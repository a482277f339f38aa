/**
 * Expected failures, each with the code a client sees in `extensions.code`. Anything else
 * that escapes a resolver is masked by Yoga and logged for operators.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'SERVER_BUSY'
  | 'DATABASE_UNAVAILABLE'
  | 'TIMEOUT';

/** The HTTP status a response takes when it carries one of these codes (200 for the others). */
export const HTTP_STATUS_OF_CODE: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  SERVER_BUSY: 503,
};

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) =>
  new AppError('BAD_USER_INPUT', message, details);

export const notFound = (what: string, id: string) =>
  new AppError('NOT_FOUND', `${what} ${JSON.stringify(id)} does not exist`, { id });
