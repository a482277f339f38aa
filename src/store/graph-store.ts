import neo4j, { type Driver, type ManagedTransaction, Neo4jError, type Record as Neo4jRecord } from 'neo4j-driver';
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

/**
 * Neo4j is out of reach (the process is gone, the connection dropped), as opposed to a busy
 * pool or a conflict between transactions. Only these open the store's fail-fast state.
 */
export function isConnectivityError(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  return (
    error.code === 'ServiceUnavailable' ||
    error.code === 'SessionExpired' ||
    error.code === 'Neo.TransientError.General.DatabaseUnavailable'
  );
}

function isUnavailable(error: unknown): boolean {
  if (isConnectivityError(error)) return true;
  // A pool with no free connection for connectionAcquisitionTimeout: the database is up, but
  // this process cannot reach it in time; the client's answer is the same, try again later.
  return error instanceof Neo4jError && /connection acquisition timed out/i.test(error.message);
}

function isTimeout(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    (error.code === 'Neo.ClientError.Transaction.TransactionTimedOut' ||
      error.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration')
  );
}

/**
 * A failure worth running the transaction again for: a transient error between transactions
 * (a deadlock, a lock wait cut short), which concurrent loads of the same entities meet as a
 * matter of course. Not a lost connection: the driver has already tried again once.
 */
export function isRetryableConflict(error: unknown): boolean {
  return error instanceof Neo4jError && !isConnectivityError(error) && !isTimeout(error) && Neo4jError.isRetryable(error);
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
 * The driver's own retry time, for every transaction: with 500 ms it tries a failed
 * transaction exactly once more (its first wait is about a second), so a lost database answers
 * in about a second instead of after the whole retry time (17 s were measured with 10 s).
 */
export const DRIVER_RETRY_MS = 500;
/** Our retries of conflicts between transactions (deadlocks), over the driver's one: what concurrent loads need. */
export const CONFLICT_RETRY_MS = 30_000;
/** How often the fail-fast state asks Neo4j whether it is back. */
export const PROBE_INTERVAL_MS = 250;

const unavailable = (cause?: unknown) =>
  new AppError('DATABASE_UNAVAILABLE', 'The database is unavailable; try again shortly.', undefined, { cause });

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `start` (synchronous) with V8's stack capture off. The driver builds an Error and formats
 * its stack for every result it creates (neo4j-driver-core's Result constructor), only to paste
 * the caller's frames onto a failed query's error: 2-5 % of the API server's CPU under load
 * (bench CPU profile, depth 3), more with source maps on. A failed read then carries the
 * driver's message and code without those frames; the store's callers wrap or mask it anyway.
 */
function withoutStackCapture<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * The one gateway to Neo4j: reads as auto-commit queries in read mode with a timeout, writes
 * in one managed write transaction whose body may run again (so bodies must MERGE on
 * constrained keys).
 *
 * Failures: a conflict between transactions is retried for up to CONFLICT_RETRY_MS; a lost
 * database answers DATABASE_UNAVAILABLE after the driver's one retry (about a second) and turns
 * the store "unavailable": every later call fails at once, without waiting on the driver, until
 * a probe (`RETURN 1` every PROBE_INTERVAL_MS) gets an answer again.
 */
export class GraphStore {
  /** Set while Neo4j is known to be out of reach; cleared by the probe. */
  private probing: Promise<void> | null = null;
  private closed = false;
  /**
   * Whether every stored relation joins the entity types the relation table allows (counted by
   * applySchema; every write path keeps it so): relation reads then skip the label filter on the
   * other end where the table fixes its type. False until counted.
   */
  relationsFitOntology = false;

  constructor(
    readonly driver: Driver,
    readonly options: GraphStoreOptions,
  ) {}

  get database(): string {
    return this.options.database;
  }

  /** False from a lost connection until Neo4j answers again. */
  get available(): boolean {
    return this.probing === null;
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
    return this.withRetries(() => this.autoCommitRead(cypher, params));
  }

  private async autoCommitRead(cypher: string, params: Record<string, unknown>): Promise<Neo4jRecord[]> {
    // A session of its own holds no bookmarks: reads wait for nothing, as before.
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await withoutStackCapture(() => session.run(cypher, params, { timeout: this.options.readTimeoutMs }));
      return result.records;
    } catch (error) {
      // A dropped pooled connection is worth one managed attempt (the driver's own retry);
      // anything else goes to withRetries as it is.
      if (!isConnectivityError(error)) throw error;
    } finally {
      await session.close().catch(() => {});
    }
    return (await this.executeRead(cypher, params)).records;
  }

  private executeRead(cypher: string, params: Record<string, unknown>) {
    return this.driver.executeQuery(cypher, params, {
      database: this.options.database,
      routing: neo4j.routing.READ,
      transactionConfig: { timeout: this.options.readTimeoutMs },
      // Writes run in sessions that never feed executeQuery's bookmark manager, so tracking
      // bookmarks here buys no read-your-writes and costs about 0.5 ms of driver CPU a query.
      bookmarkManager: null,
    });
  }

  async write<T>(work: (tx: WriteTransaction) => Promise<T>, counter?: QueryCounter): Promise<T> {
    return this.withRetries(async () => {
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
            // Every write, from any process (the server, the CLI, bulk loads), changes the stamp
            // the response cache compares.
            await tx.run(RAISE_GRAPH_VERSION);
            return result;
          },
          { timeout: this.options.writeTimeoutMs },
        );
      } finally {
        await session.close();
      }
    });
  }

  /**
   * The graph's version stamp: it changes with every committed write transaction, whichever
   * process made it (0 before the first write).
   */
  async graphVersion(): Promise<number> {
    const [row] = await this.read(`OPTIONAL MATCH (v:${GRAPH_VERSION_LABEL} {id: 'graph'}) RETURN coalesce(v.version, 0) AS version`);
    return Number(row?.version ?? 0);
  }

  /**
   * Runs `attempt` (a whole transaction, with the driver's one retry inside) until it succeeds,
   * fails for good, or has met conflicts for CONFLICT_RETRY_MS; driver errors leave translated.
   */
  private async withRetries<T>(attempt: () => Promise<T>): Promise<T> {
    if (!this.available) throw unavailable();
    let firstFailureAt: number | null = null;
    for (let delayMs = 200; ; delayMs = Math.min(delayMs * 2, 3_200)) {
      try {
        return await attempt();
      } catch (error) {
        if (isConnectivityError(error)) this.markUnavailable();
        firstFailureAt ??= performance.now();
        if (!isRetryableConflict(error) || performance.now() - firstFailureAt > CONFLICT_RETRY_MS) {
          throw translateDriverError(error);
        }
      }
      // Jitter keeps two loads that deadlocked on the same entities from meeting again in step.
      await sleep(delayMs * (0.5 + Math.random()));
    }
  }

  /** Starts the probe that clears the unavailable state (once, however many calls noticed). */
  private markUnavailable(): void {
    if (this.probing || this.closed) return;
    this.probing = (async () => {
      while (!this.closed && !(await this.ping())) await sleep(PROBE_INTERVAL_MS);
      this.probing = null;
    })();
  }

  /** True when Neo4j answers a trivial query: what `/ready` reports, and the probe asks. */
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
    this.closed = true;
    await this.probing;
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
    // One retry by the driver; conflicts get the store's own, longer retries (GraphStore.withRetries).
    maxTransactionRetryTime: DRIVER_RETRY_MS,
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
