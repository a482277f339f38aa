import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { connectGraphStore, type GraphStore } from './store/graph-store.js';
import { startLocalNeo4j, type LocalNeo4j } from './dev/local-neo4j.js';
import { applySchema } from './store/schema-setup.js';

export interface Database {
  store: GraphStore;
  uri: string;
  /** The built-in Neo4j when this process started it, else null. */
  local: LocalNeo4j | null;
  /** Closes the driver, then stops the built-in Neo4j if this process started it. */
  close(): Promise<void>;
}

/**
 * What the server and the CLIs share: connect to NEO4J_URI or start the built-in Neo4j,
 * verify the connection (retrying while it comes up), and apply constraints and indexes.
 */
export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  let uri: string;
  let local: LocalNeo4j | null = null;
  if (config.neo4j) {
    uri = config.neo4j.uri;
  } else {
    logger.info('NEO4J_URI is not set: starting the built-in Neo4j');
    local = await startLocalNeo4j({ port: config.localNeo4jPort, onLog: (line) => logger.debug({ neo4j: line }) });
    uri = local.uri;
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
