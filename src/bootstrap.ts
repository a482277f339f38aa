import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { connectGraphStore, type GraphStore } from './store/graph-store.js';
import { startLocalNeo4j, type LocalNeo4j } from './dev/local-neo4j.js';
import { superviseLocalNeo4j, type SupervisedNeo4j } from './dev/neo4j-supervisor.js';
import { applySchema } from './store/schema-setup.js';

export interface Database {
  store: GraphStore;
  uri: string;
  /** The built-in Neo4j when this process started it (restarted when it dies), else null. */
  local: SupervisedNeo4j | null;
  /** Closes the driver, then stops the built-in Neo4j if this process started it. */
  close(): Promise<void>;
}

/**
 * What the server and the CLIs share: connect to NEO4J_URI or start the built-in Neo4j,
 * verify the connection (retrying while it comes up), and apply constraints and indexes.
 */
export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  let uri: string;
  let local: SupervisedNeo4j | null = null;
  if (config.neo4j) {
    uri = config.neo4j.uri;
  } else {
    const started = await startBuiltInNeo4j(config, logger);
    uri = started.uri;
    local = superviseBuiltInNeo4j(started, logger);
  }
  const stopLocal = async () => {
    if (local) await local.stop();
  };
  let store: GraphStore;
  try {
    store = await connectWithRetry(
      () =>
        connectGraphStore({
          uri,
          username: config.neo4j?.username,
          password: config.neo4j?.password,
          database: config.neo4jDatabase,
          readTimeoutMs: config.readTimeoutMs,
          writeTimeoutMs: config.writeTimeoutMs,
        }),
      (attempt, err) => logger.warn({ attempt, err: String(err) }, `waiting for Neo4j at ${uri}`),
    );
    await applySchema(store);
  } catch (error) {
    await stopLocal();
    throw error;
  }
  return {
    store,
    uri,
    local,
    close: async () => {
      await store.close();
      await stopLocal();
    },
  };
}

async function connectWithRetry<T>(
  connect: () => Promise<T>,
  onRetry: (attempt: number, err: unknown) => void,
  attempts = 30,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await connect();
    } catch (err) {
      if (attempt >= attempts) throw err;
      onRetry(attempt, err);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

/** The launcher's own progress lines (as opposed to Neo4j's output, which stays at debug). */
const LAUNCHER_PROGRESS = /^(Resolving |Fetching |… still fetching|Fetched |Compiling |Compiled |Starting Neo4j |Neo4j ready |Neo4j did not stop)/;

/**
 * Starts the built-in Neo4j with its progress at info, and a line every 15 s while it comes up,
 * so a first start (jars to fetch, a JVM to warm) is never silent.
 */
async function startBuiltInNeo4j(config: Config, logger: Logger): Promise<LocalNeo4j> {
  const startedAt = performance.now();
  const seconds = () => Math.round((performance.now() - startedAt) / 1000);
  logger.info('NEO4J_URI is not set: starting the built-in Neo4j (the first run fetches its jars from Maven Central)');
  const ticker = setInterval(() => logger.info({ seconds: seconds() }, 'still starting the built-in Neo4j…'), 15_000);
  ticker.unref();
  try {
    const local = await startLocalNeo4j({
      port: config.localNeo4jPort,
      onLog: (line) => {
        if (LAUNCHER_PROGRESS.test(line)) logger.info({ seconds: seconds() }, line);
        else logger.debug({ neo4j: line });
      },
    });
    return local;
  } finally {
    clearInterval(ticker);
  }
}

/**
 * Restarts the built-in Neo4j on its port and data folder when it dies; the store's probe
 * notices it is back and requests succeed again without restarting the server.
 */
function superviseBuiltInNeo4j(started: LocalNeo4j, logger: Logger): SupervisedNeo4j {
  return superviseLocalNeo4j(started, {
    restart: () => startLocalNeo4j({ port: started.port, dataDir: started.dataDir, onLog: (line) => logger.debug({ neo4j: line }) }),
    onEvent: (event) => {
      if (event.kind === 'restarted') logger.info({ pid: event.pid }, 'the built-in Neo4j is back');
      else if (event.kind === 'died') logger.error({ waitMs: event.waitMs }, 'the built-in Neo4j died; restarting it');
      else logger.warn({ waitMs: event.waitMs, err: event.error }, 'restarting the built-in Neo4j failed; trying again');
    },
  });
}
