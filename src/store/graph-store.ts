import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import { AppError } from '../errors.js';
import { toPlain, type Row } from './values.js';

export interface GraphStoreOptions {
  database: string;
  readTimeoutMs: number;
  writeTimeoutMs: number;
}

/** Counts Cypher round trips; a request's context holds one so tests can assert on batching. */
export interface QueryCounter {
  queries: number;
}

/** The write side of a transaction: every value is a parameter, rows come back plain. */
export interface WriteTransaction {
  run(cypher: string, params?: Record<string, unknown>): Promise<Row[]>;
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  return (
    UNAVAILABLE_CODES.has(error.code) ||
    error.code === 'Neo.TransientError.General.DatabaseUnavailable' ||
    /connect|ECONNREFUSED|socket/i.test(error.message)
  );
}

function isTimeout(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    (error.code === 'Neo.ClientError.Transaction.TransactionTimedOut' ||
      error.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration')
  );
}

/** Driver failures a client can act on become typed errors; the rest propagate (and get masked). */
export function translateDriverError(error: unknown): unknown {
  if (isUnavailable(error)) {
    return new AppError('DATABASE_UNAVAILABLE', 'The database is unavailable; try again shortly.', undefined, {
      cause: error,
    });
  }
  if (isTimeout(error)) {
    return new AppError('TIMEOUT', 'The query took too long and was stopped.', undefined, { cause: error });
  }
  return error;
}

/**
 * The one gateway to Neo4j: reads through `executeQuery` in read mode with a timeout, writes
 * in one managed write transaction whose body the driver may retry (so bodies must MERGE on
 * constrained keys).
 */
export class GraphStore {
  constructor(
    readonly driver: Driver,
    readonly options: GraphStoreOptions,
  ) {}

  get database(): string {
    return this.options.database;
  }

  async read(cypher: string, params: Record<string, unknown> = {}, counter?: QueryCounter): Promise<Row[]> {
    if (counter) counter.queries += 1;
    try {
      const result = await this.driver.executeQuery(cypher, params, {
        database: this.options.database,
        routing: neo4j.routing.READ,
        transactionConfig: { timeout: this.options.readTimeoutMs },
        // Writes run in sessions that never feed executeQuery's bookmark manager, so tracking
        // bookmarks here buys no read-your-writes and costs about 0.5 ms of driver CPU a query.
        bookmarkManager: null,
      });
      return result.records.map((record) => toPlain(record.toObject()) as Row);
    } catch (error) {
      throw translateDriverError(error);
    }
  }

  /**
   * Like read, but each row is the record's values in column order, as the driver decoded them
   * (Integers, nested lists and maps left as they are): for reads whose caller decodes a large
   * nested answer at known places, where toPlain's walk over every value would cost more than
   * the decoding itself.
   */
  async readRaw(cypher: string, params: Record<string, unknown> = {}, counter?: QueryCounter): Promise<unknown[][]> {
    if (counter) counter.queries += 1;
    try {
      const result = await this.driver.executeQuery(cypher, params, {
        database: this.options.database,
        routing: neo4j.routing.READ,
        transactionConfig: { timeout: this.options.readTimeoutMs },
        bookmarkManager: null,
      });
      return result.records.map((record) => record.keys.map((_key, index) => record.get(index)));
    } catch (error) {
      throw translateDriverError(error);
    }
  }

  async write<T>(work: (tx: WriteTransaction) => Promise<T>, counter?: QueryCounter): Promise<T> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(
        (tx: ManagedTransaction) =>
          work({
            run: async (cypher, params = {}) => {
              if (counter) counter.queries += 1;
              const result = await tx.run(cypher, params);
              return result.records.map((record) => toPlain(record.toObject()) as Row);
            },
          }),
        { timeout: this.options.writeTimeoutMs },
      );
    } catch (error) {
      throw translateDriverError(error);
    } finally {
      await session.close();
    }
  }

  /** True when Neo4j answers a trivial query: what `/ready` reports. */
  async ping(): Promise<boolean> {
    // An auto-commit query is never retried, so a down database answers at once, not after
    // the driver's retry time.
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run('RETURN 1');
      return true;
    } catch {
      return false;
    } finally {
      await session.close().catch(() => {});
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

export interface ConnectOptions extends GraphStoreOptions {
  uri: string;
  username?: string;
  password?: string;
}

/** One driver per process, verified before use. */
export async function connectGraphStore(options: ConnectOptions): Promise<GraphStore> {
  const auth =
    options.username !== undefined && options.password ? neo4j.auth.basic(options.username, options.password) : undefined;
  const driver = neo4j.driver(options.uri, auth, {
    disableLosslessIntegers: false,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    // Transient failures (deadlocks, a restarting server) are retried for this long; past it a
    // request gets DATABASE_UNAVAILABLE instead of hanging for the driver's default 30 s.
    maxTransactionRetryTime: 10_000,
    maxConnectionPoolSize: 100,
    userAgent: 'dossier/0.1',
  });
  try {
    await driver.getServerInfo({ database: options.database });
  } catch (error) {
    await driver.close();
    throw error;
  }
  return new GraphStore(driver, options);
}
