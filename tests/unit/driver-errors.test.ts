import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { isConnectivityError, isRetryableConflict, translateDriverError } from '../../src/store/graph-store.js';

/**
 * Which driver failures open the store's fail-fast state, which are retried as conflicts, and
 * what a client sees for each: a lost database is never retried for long, a deadlock is.
 */
/** A driver error as the driver makes them (its `newError` is not exported by the package). */
const newError = (message: string, code = 'N/A') => new Neo4jError(message, code, 'N/A', 'N/A');

describe('driver errors', () => {
  const lost = newError('Could not perform discovery. No routing servers available.', 'ServiceUnavailable');
  const dropped = newError('Connection was closed by server', 'SessionExpired');
  const deadlock = newError('ForsetiClient can not acquire ExclusiveLock', 'Neo.TransientError.Transaction.DeadlockDetected');
  const poolFull = newError('Connection acquisition timed out in 10000 ms. Pool status: Active conn count = 100, Idle conn count = 0.');
  const timedOut = newError('The transaction has been terminated.', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration');
  const syntax = newError('Invalid input', 'Neo.ClientError.Statement.SyntaxError');

  it('a lost or dropped connection is a connectivity error, not a conflict', () => {
    for (const error of [lost, dropped]) {
      expect(isConnectivityError(error)).toBe(true);
      expect(isRetryableConflict(error)).toBe(false);
    }
  });

  it('a deadlock is a conflict to retry, and no sign of a lost database', () => {
    expect(isRetryableConflict(deadlock)).toBe(true);
    expect(isConnectivityError(deadlock)).toBe(false);
  });

  it('a full pool answers DATABASE_UNAVAILABLE without counting as a lost database', () => {
    expect(isConnectivityError(poolFull)).toBe(false);
    expect(isRetryableConflict(poolFull)).toBe(false);
    expect((translateDriverError(poolFull) as AppError).code).toBe('DATABASE_UNAVAILABLE');
  });

  it('clients get codes for what they can act on, and the rest stays as it is (masked later)', () => {
    expect((translateDriverError(lost) as AppError).code).toBe('DATABASE_UNAVAILABLE');
    expect((translateDriverError(timedOut) as AppError).code).toBe('TIMEOUT');
    expect(isRetryableConflict(timedOut)).toBe(false);
    expect(translateDriverError(syntax)).toBe(syntax);
    expect(translateDriverError(deadlock)).toBe(deadlock);
  });
});
