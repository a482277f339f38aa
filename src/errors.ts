/**
 * Expected failures, each with the code a client sees in `extensions.code`. Anything else
 * that escapes a resolver is masked by Yoga and logged for operators.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'DATABASE_UNAVAILABLE'
  | 'TIMEOUT';

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
