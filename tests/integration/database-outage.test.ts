/**
 * Neo4j going away under a running server: requests get DATABASE_UNAVAILABLE, /ready turns 503,
 * and both recover when the same database comes back. Uses a Neo4j of its own (not the shared
 * test one), since it stops it on purpose.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ruleBasedExtractor } from '../../src/extraction/index.js';
import { createLogger } from '../../src/logger.js';
import { connectGraphStore, type GraphStore } from '../../src/store/graph-store.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/dev/local-neo4j.js';
import { applySchema } from '../../src/store/schema-setup.js';
import { createApp, type DossierYoga } from '../../src/server/yoga.js';

const DOCUMENT_COUNT = '{ documents(first: 1) { totalCount } }';

describe('when Neo4j goes away and comes back', () => {
  let dataDir: string;
  let neo4j: LocalNeo4j;
  let store: GraphStore;
  let yoga: DossierYoga;

  const ready = async () => (await yoga.fetch('http://yoga/ready')).status;
  const query = async () => {
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: DOCUMENT_COUNT }),
    });
    return (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dossier-outage-'));
    neo4j = await startLocalNeo4j({ port: 0, dataDir, onLog: () => {} });
    const config = loadConfig({ LOG_LEVEL: 'silent', READ_TIMEOUT_MS: '5000' });
    store = await connectGraphStore({
      uri: neo4j.uri,
      database: config.neo4jDatabase,
      readTimeoutMs: config.readTimeoutMs,
      writeTimeoutMs: config.writeTimeoutMs,
    });
    await applySchema(store);
    yoga = createApp({ config, store, logger: createLogger('silent'), extractor: ruleBasedExtractor });
  }, 240_000);

  afterAll(async () => {
    await store?.close();
    await neo4j?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('answers DATABASE_UNAVAILABLE and a bare 503 on /ready, then recovers', async () => {
    expect(await ready()).toBe(200);
    expect((await query()).data).toEqual({ documents: { totalCount: 0 } });

    const port = neo4j.port;
    await neo4j.stop();

    expect(await ready()).toBe(503);
    const down = await query();
    expect(down.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(down.errors?.[0]?.message).toMatch(/database is unavailable/i);

    // The same database on the same port: the driver reconnects by itself.
    neo4j = await startLocalNeo4j({ port, dataDir, onLog: () => {} });
    expect(await ready()).toBe(200);
    expect((await query()).data).toEqual({ documents: { totalCount: 0 } });
  }, 240_000);
});
