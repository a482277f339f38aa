import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectGraphStore, type GraphStore } from '../src/store/graph-store.js';
import { startLocalNeo4j, type LocalNeo4j } from '../src/dev/local-neo4j.js';
import { applySchema } from '../src/store/schema-setup.js';
import { findNeo4jPid } from './cpu.js';
import { freePort } from './server-process.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Written into a kept data folder once its corpus is loaded: what it holds. */
interface KeptGraph {
  seed: number;
  documents: number;
  loadedAt: string;
  ingestRuns: number;
}

export interface BenchDatabase {
  uri: string;
  store: GraphStore;
  /** Where the built-in Neo4j keeps this run's data; null with NEO4J_URI. */
  dataDir: string | null;
  /** The built-in Neo4j's JVM (for CPU accounting); null with NEO4J_URI. */
  pid: number | null;
  /** Set when a graph kept by an earlier run (--keep-data) is reused: no load needed. */
  kept: { loadedAt: string; ingestRuns: number } | null;
  markLoaded(): Promise<void>;
  markIngested(): Promise<void>;
  close(): Promise<void>;
}

/** The built-in Neo4j's memory for a graph size, unless the user chose it (NEO4J_HEAP, NEO4J_PAGECACHE). */
function memoryFor(documents: number): { heap: string; pagecache: string } {
  const large = documents > 1_000;
  return {
    heap: process.env.NEO4J_HEAP || (large ? '4g' : '2g'),
    pagecache: process.env.NEO4J_PAGECACHE || (large ? '2g' : '512m'),
  };
}

/** startLocalNeo4j reads its memory settings from the environment: set them for this start only. */
async function startSized(dataDir: string, memory: { heap: string; pagecache: string }): Promise<LocalNeo4j> {
  const saved = { heap: process.env.NEO4J_HEAP, pagecache: process.env.NEO4J_PAGECACHE };
  process.env.NEO4J_HEAP = memory.heap;
  process.env.NEO4J_PAGECACHE = memory.pagecache;
  try {
    return await startLocalNeo4j({ port: await freePort(), dataDir, onLog: () => {} });
  } finally {
    for (const [name, value] of [
      ['NEO4J_HEAP', saved.heap],
      ['NEO4J_PAGECACHE', saved.pagecache],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/**
 * The database one size is measured on: with NEO4J_URI, that server (the bench adds its corpus
 * to whatever it holds); otherwise a built-in Neo4j on a free port with its own data folder
 * `.neo4j/bench-<size>`, emptied first so every run starts from the same graph, or, with
 * `keep`, reused when an earlier run left the same corpus there.
 */
export async function openBenchDatabase(
  size: { label: string; documents: number },
  options: { seed: number; keep: boolean; log: (line: string) => void },
): Promise<BenchDatabase> {
  const external = process.env.NEO4J_URI;
  let local: LocalNeo4j | null = null;
  let uri: string;
  let dataDir: string | null = null;
  let marker: KeptGraph | null = null;
  const markerFile = () => join(dataDir!, 'bench-corpus.json');
  if (external) {
    uri = external;
  } else {
    dataDir = join(REPO_ROOT, '.neo4j', `bench-${size.label}`);
    if (options.keep && existsSync(join(dataDir, 'bench-corpus.json'))) {
      const found = JSON.parse(await readFile(markerFile(), 'utf8')) as KeptGraph;
      if (found.seed === options.seed && found.documents === size.documents) marker = found;
    }
    if (!marker) await rm(dataDir, { recursive: true, force: true });
    const memory = memoryFor(size.documents);
    options.log(`starting the built-in Neo4j (data in ${dataDir}, heap ${memory.heap}, page cache ${memory.pagecache})`);
    local = await startSized(dataDir, memory);
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
  const writeMarker = async (next: KeptGraph) => {
    marker = next;
    if (dataDir && options.keep) await writeFile(markerFile(), JSON.stringify(next, null, 2));
  };
  return {
    uri,
    store,
    dataDir,
    pid: local ? findNeo4jPid(local.port) : null,
    kept: marker ? { loadedAt: (marker as KeptGraph).loadedAt, ingestRuns: (marker as KeptGraph).ingestRuns } : null,
    markLoaded: () =>
      writeMarker({ seed: options.seed, documents: size.documents, loadedAt: new Date().toISOString(), ingestRuns: 0 }),
    markIngested: async () => {
      if (marker) await writeMarker({ ...marker, ingestRuns: marker.ingestRuns + 1 });
    },
    close: async () => {
      await store.close();
      if (local) {
        await local.stop();
        if (!options.keep) await rm(dataDir!, { recursive: true, force: true });
      }
    },
  };
}
