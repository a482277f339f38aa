import { openDatabase } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { loadEnvFile } from './env-file.js';
import { ruleBasedExtractor } from './extraction/index.js';
import { seedIfEmpty } from './ingestion/seed.js';
import { ExtractionPool } from './ingestion/extraction-pool.js';
import { createLogger } from './logger.js';
import { loadExplorerPlugin, prepareExplorer } from './server/explorer.js';
import { closeServer, listen } from './server/server.js';
import { startTracing } from './tracing.js';
import { createApp } from './server/yoga.js';

/**
 * `npm start`: the built-in Neo4j unless NEO4J_URI is set, constraints and indexes, the seed
 * documents on an empty database, then GraphQL on PORT. Ctrl-C stops everything it started.
 */
async function main(): Promise<void> {
  loadEnvFile();
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

  // Before the app is built: its request hook adds spans only when tracing is on.
  const stopTracing = await startTracing(logger);
  if (stopTracing) stops.push(stopTracing);

  const database = await openDatabase(config, logger);
  stops.push(() => database.close());
  const { store, uri, local } = database;
  const elapsed = () => Math.round((performance.now() - startedAt) / 100) / 10;
  logger.info({ uri, seconds: elapsed() }, 'database ready, constraints and indexes applied');

  // Extraction is CPU work: it runs in worker threads so requests keep being served meanwhile.
  const extractor = new ExtractionPool({
    name: ruleBasedExtractor.name,
    version: ruleBasedExtractor.version,
    maxChars: config.maxDocumentChars,
    maxQueued: config.security.extractionQueueSize,
  });
  stops.push(() => extractor.close());

  const services = { config, store, logger, extractor };
  if (config.seedOnStart) {
    const seeded = await seedIfEmpty(store, { maxDocumentChars: config.maxDocumentChars, extractor }, logger);
    if (seeded > 0) {
      logger.info({ documents: seeded, seconds: elapsed() }, 'loaded the seed documents into the empty database');
    }
  }

  const explorer = await loadExplorerPlugin(await prepareExplorer());
  const { host } = config.security;
  const server = await listen(createApp(services, { explorer }), config.port, host);
  stops.push(() => closeServer(server));
  process.stderr.write(
    `\ndossier is ready in ${elapsed().toFixed(1)} s\n` +
      `  Explorer:  http://localhost:${config.port}/explore\n` +
      `  GraphiQL:  http://localhost:${config.port}/graphql\n` +
      `  Health:    http://localhost:${config.port}/health   Ready: http://localhost:${config.port}/ready\n` +
      `  Neo4j:     ${uri}${local ? ` (built-in, data in ${local.current().dataDir})` : ''}\n` +
      (config.apiKey
        ? `  Listening on ${host}; writes need the API key${config.protectReads ? ', reads too' : ''}.\n`
        : `  Listening on ${host} only: no API_KEY is set, so nothing outside this machine can reach the API.\n`) +
      `Press Ctrl-C to stop.\n\n`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`dossier failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
