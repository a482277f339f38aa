import { AppError } from '../errors.js';
import { ExtractionInputError } from '../extraction/types.js';

/**
 * The one place that says which failures are the client's: an AppError as it is, and bad input
 * to extraction (empty, binary, too large, bad date or language) as BAD_USER_INPUT with the
 * extractor's reason. Anything else is unexpected (null): masked to clients, logged.
 */
export function expectedError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof ExtractionInputError) {
    return new AppError('BAD_USER_INPUT', error.message, { reason: error.code }, { cause: error });
  }
  return null;
}
