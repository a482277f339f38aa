/**
 * `npm run neo4j [-- --port 7687 --data .neo4j/data]`: runs the built-in Neo4j
 * (src/dev/local-neo4j.ts) in the foreground until Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { startLocalNeo4j } from '../src/dev/local-neo4j.js';

const HELP = `Usage: npm run neo4j -- [--port N] [--data DIR]

Runs a local Neo4j 5 Community (embedded, jars from Maven Central) in the foreground.
Bolt listens on 127.0.0.1, auth is disabled. Stop with Ctrl-C.

Options:
  -p, --port N     Bolt port (default: env NEO4J_LOCAL_PORT or 7687; 0 = any free port)
  -d, --data DIR   data directory (default: .neo4j/data in the repo)
  -h, --help       show this help

Environment: NEO4J_HEAP (default 2g), NEO4J_PAGECACHE (default 512m),
NEO4J_TX_TIMEOUT (default 60s). Needs Java 17+ and Maven.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', short: 'p' },
      data: { type: 'string', short: 'd' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) throw new Error(`--port: not a port number: ${values.port}`);
  }

  const neo4j = await startLocalNeo4j({ port, dataDir: values.data });
  console.log(neo4j.uri);
  console.error(`Neo4j is running (data: ${neo4j.dataDir}). Ctrl-C to stop.`);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${signal}: stopping Neo4j…`);
    neo4j.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
