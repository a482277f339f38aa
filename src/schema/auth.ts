import { AppError } from '../errors.js';
import type { RequestContext } from './context.js';

/**
 * Writes (and `extract`, which costs as much CPU as a load) need the configured API key; without
 * one configured, they are open.
 */
export function requireWriteAccess(context: RequestContext): void {
  if (!context.authorized) {
    throw new AppError('UNAUTHENTICATED', 'This operation needs a valid API key (Authorization: Bearer <key>).');
  }
}
