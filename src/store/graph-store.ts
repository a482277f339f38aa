import neo4j, { isRetryableError, type Driver, type ManagedTransaction, Neo4jError, type Record as Neo4jRecord } from 'neo4j-driver';
import { AppError } from '../errors.js';
import { GRAPH_VERSION_LABEL } from './model.js';
import { toPlain, type Row } from './values.js';

/**
 * Raises the graph's version stamp. The last statement of every write transaction, so the lock on
 * the one stamp node is held only from here to the commit (writers never wait on each other
 * while holding it, so it cannot deadlock).
 */
const RAISE_GRAPH_VERSION = `MERGE (v:${GRAPH_VERSION_LABEL} {id: 'graph'})
  SET v.version = coalesce(v.version, 0) + 1`;

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
    const records = await this.readRecords(cypher, params, counter);
    return records.map((record) => toPlain(record.toObject()) as Row);
  }

  /**
   * Like read, but each row is the record's values in column order, as the driver decoded them
   * (Integers, nested lists and maps left as they are): for reads whose caller decodes a large
   * nested answer at known places, where toPlain's walk over every value would cost more than
   * the decoding itself.
   */
  async readRaw(cypher: string, params: Record<string, unknown> = {}, counter?: QueryCounter): Promise<unknown[][]> {
    const records = await this.readRecords(cypher, params, counter);
    return records.map((record) => record.keys.map((_key, index) => record.get(index)));
  }

  /**
   * A read as one auto-commit query (RUN and PULL in one message batch). A managed transaction
   * (executeQuery) adds BEGIN and COMMIT: two more Bolt exchanges and socket writes per read,
   * about a fifth of the API server's CPU under load (bench CPU profile, depth 3). Auto-commit
   * queries are not retried by the driver, so a failure it would retry (a transient error, a
   * dropped connection) runs the read again through executeQuery, which retries with back-off
   * for up to maxTransactionRetryTime.
   */
  private async readRecords(cypher: string, params: Record<string, unknown>, counter?: QueryCounter): Promise<Neo4jRecord[]> {
    if (counter) counter.queries += 1;
    // A session of its own holds no bookmarks: reads wait for nothing, as before.
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run(cypher, params, { timeout: this.options.readTimeoutMs });
      return result.records;
    } catch (error) {
      if (!isRetryableError(error)) throw translateDriverError(error);
    } finally {
      await session.close().catch(() => {});
    }
    try {
      const result = await this.driver.executeQuery(cypher, params, {
        database: this.options.database,
        routing: neo4j.routing.READ,
        transactionConfig: { timeout: this.options.readTimeoutMs },
        bookmarkManager: null,
      });
      return result.records;
    } catch (error) {
      throw translateDriverError(error);
    }
  }

  async write<T>(work: (tx: WriteTransaction) => Promise<T>, counter?: QueryCounter): Promise<T> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(
        async (tx: ManagedTransaction) => {
          const result = await work({
            run: async (cypher, params = {}) => {
              if (counter) counter.queries += 1;
              const result = await tx.run(cypher, params);
              return result.records.map((record) => toPlain(record.toObject()) as Row);
            },
          });
          // Every write, from any process (the server, the CLI, bulk loads), changes the stamp.
          await tx.run(RAISE_GRAPH_VERSION);
          return result;
        },
        { timeout: this.options.writeTimeoutMs },
      );
    } catch (error) {
      throw translateDriverError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * The graph's version stamp: it changes with every committed write transaction, whichever
   * process made it (0 before the first write).
   */
  async graphVersion(): Promise<number> {
    const [row] = await this.read(`OPTIONAL MATCH (v:${GRAPH_VERSION_LABEL} {id: 'graph'}) RETURN coalesce(v.version, 0) AS version`);
    return Number(row?.version ?? 0);
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
