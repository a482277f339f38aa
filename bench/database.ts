import { rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectGraphStore, type GraphStore } from '../src/store/graph-store.js';
import { startLocalNeo4j, type LocalNeo4j } from '../src/store/local-neo4j.js';
import { applySchema } from '../src/store/schema-setup.js';
import { findNeo4jPid } from './cpu.js';
import { freePort } from './server-process.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface BenchDatabase {
  uri: string;
  store: GraphStore;
  /** Where the built-in Neo4j keeps this run's data; null with NEO4J_URI. */
  dataDir: string | null;
  /** The built-in Neo4j's JVM (for CPU accounting); null with NEO4J_URI. */
  pid: number | null;
  close(): Promise<void>;
}

/**
 * The database one size is measured on: with NEO4J_URI, that server (its data is left alone
 * apart from what the bench writes); otherwise a fresh built-in Neo4j on a free port with its
 * own data folder `.neo4j/bench-<label>`, emptied first so every run starts from the same graph.
 */
export async function openBenchDatabase(label: string, log: (line: string) => void): Promise<BenchDatabase> {
  const external = process.env.NEO4J_URI;
  let local: LocalNeo4j | null = null;
  let uri: string;
  let dataDir: string | null = null;
  if (external) {
    uri = external;
  } else {
    dataDir = join(REPO_ROOT, '.neo4j', `bench-${label}`);
    await rm(dataDir, { recursive: true, force: true });
    log(`starting the built-in Neo4j (data in ${dataDir})`);
    local = await startLocalNeo4j({ port: await freePort(), dataDir, onLog: () => {} });
    uri = local.uri;
  }
  const store = await connectGraphStore({
    uri,
    username: external ? process.env.NEO4J_USERNAME || 'neo4j' : undefined,
    password: external ? process.env.NEO4J_PASSWORD : undefined,
    database: process.env.NEO4J_DATABASE || 'neo4j',
    readTimeoutMs: 60_000,
    writeTimeoutMs: 600_000,
  });
  await applySchema(store);
  return {
    uri,
    store,
    dataDir,
    pid: local ? findNeo4jPid(local.port) : null,
    close: async () => {
      await store.close();
      if (local) {
        await local.stop();
        await rm(dataDir!, { recursive: true, force: true });
      }
    },
  };
}
