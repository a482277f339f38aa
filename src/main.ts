import { ConfigError, loadConfig } from './config.js';
import { ruleBasedExtractor } from './extraction/index.js';
import { seedIfEmpty } from './ingestion/seed.js';
import { createLogger } from './logger.js';
import { connectGraphStore, type GraphStore } from './store/graph-store.js';
import { startLocalNeo4j, type LocalNeo4j } from './store/local-neo4j.js';
import { applySchema } from './store/schema-setup.js';
import { closeServer, listen } from './server/server.js';
import { createApp } from './server/yoga.js';

/**
 * `npm start`: the built-in Neo4j unless NEO4J_URI is set, constraints and indexes, the seed
 * documents on an empty database, then GraphQL on PORT. Ctrl-C stops everything it started.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const startedAt = performance.now();
  const stops: (() => Promise<void>)[] = [];

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    for (const stop of stops.reverse()) {
      await stop().catch((err: unknown) => logger.error({ err }, 'error while shutting down'));
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  let uri: string;
  let local: LocalNeo4j | null = null;
  if (config.neo4j) {
    uri = config.neo4j.uri;
  } else {
    logger.info('NEO4J_URI is not set: starting the built-in Neo4j');
    local = await startLocalNeo4j({ port: config.localNeo4jPort, onLog: (line) => logger.debug({ neo4j: line }) });
    stops.push(() => local!.stop());
    uri = local.uri;
  }

  const store: GraphStore = await connectWithRetry(
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
  stops.push(() => store.close());
  await applySchema(store);

  const services = { config, store, logger, extractor: ruleBasedExtractor };
  if (config.seedOnStart) {
    const seeded = await seedIfEmpty(store, { maxDocumentChars: config.maxDocumentChars, extractor: ruleBasedExtractor }, logger);
    if (seeded > 0) logger.info({ documents: seeded }, 'loaded the seed documents into the empty database');
  }

  const server = await listen(createApp(services), config.port);
  stops.push(() => closeServer(server));
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  process.stderr.write(
    `\ndossier is ready in ${seconds} s\n` +
      `  GraphiQL:  http://localhost:${config.port}/graphql\n` +
      `  Health:    http://localhost:${config.port}/health   Ready: http://localhost:${config.port}/ready\n` +
      `  Neo4j:     ${uri}${local ? ` (built-in, data in ${local.dataDir})` : ''}\n` +
      `Press Ctrl-C to stop.\n\n`,
  );
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

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`dossier failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
