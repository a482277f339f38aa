import { createServer, connect, type Server, type Socket } from 'node:net';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ruleBasedExtractor } from '../../src/extraction/index.js';
import { runBatch } from '../../src/ingestion/ingest-batch.js';
import { ingestDocument, type IngestInput } from '../../src/ingestion/ingest-document.js';
import { createLogger } from '../../src/logger.js';
import { GraphStore } from '../../src/store/graph-store.js';
import { createApp } from '../../src/server/yoga.js';
import { annotate } from '../support/annotate.js';
import { createTestApp, execute, uniqueTag, type TestApp } from '../support/services.js';

/**
 * Batches when the database goes away in the middle: a TCP relay stands between a store and the
 * test Neo4j, and cutting it is the outage (every connection dropped, new ones refused). The
 * batch stops at the first DATABASE_UNAVAILABLE instead of waiting out the retries of every
 * remaining document, and says which documents were loaded.
 */

interface Relay {
  port: number;
  cut(): void;
  close(): Promise<void>;
}

async function relayTo(port: number): Promise<Relay> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(port, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('relay has no port');
  return {
    port: address.port,
    cut() {
      server.close();
      for (const socket of sockets) socket.destroy();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A store through the relay, with a short retry time so that a cut relay answers in about a second. */
function storeThrough(relay: Relay): GraphStore {
  const username = inject('neo4jUsername');
  const password = inject('neo4jPassword');
  const driver = neo4j.driver(
    `bolt://127.0.0.1:${relay.port}`,
    username && password ? neo4j.auth.basic(username, password) : undefined,
    { maxTransactionRetryTime: 1_000, connectionTimeout: 1_000, connectionAcquisitionTimeout: 2_000 },
  );
  return new GraphStore(driver, { database: inject('neo4jDatabase'), readTimeoutMs: 5_000, writeTimeoutMs: 5_000 });
}

function documents(tag: string, count: number): IngestInput[] {
  return Array.from({ length: count }, (_, i) => {
    const text = `Bureau ${tag} warned students ${tag} in notice ${i}.`;
    return {
      text,
      language: 'EN' as const,
      annotations: annotate(text, [
        { type: 'Agency', name: `Bureau ${tag}`, mentions: [`Bureau ${tag}`] },
        { type: 'TargetGroup', name: `Students ${tag}`, mentions: [`students ${tag}`] },
      ]),
    };
  });
}

describe('a batch when the database goes away', () => {
  let app: TestApp;
  const tags: string[] = [];
  const neo4jPort = () => Number(new URL(inject('neo4jUri')).port);

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.store.write((tx) =>
      tx.run(
        `UNWIND $tags AS tag
         MATCH (n) WHERE (n:Entity AND n.name CONTAINS tag) OR (n:Document AND n.text CONTAINS tag)
         DETACH DELETE n`,
        { tags },
      ),
    );
    await app.close();
  });

  const loadedTexts = async (tag: string) =>
    (await app.store.read('MATCH (d:Document) WHERE d.text CONTAINS $tag RETURN d.text AS text ORDER BY text', { tag })).map(
      (row) => row.text as string,
    );

  it('stops at the first DATABASE_UNAVAILABLE and says which documents were loaded', async () => {
    const tag = uniqueTag('fb');
    tags.push(tag);
    const relay = await relayTo(neo4jPort());
    const store = storeThrough(relay);
    const inputs = documents(tag, 8);
    const attempted: number[] = [];
    const started = performance.now();
    const outcome = await runBatch(
      inputs,
      async (input, index) => {
        attempted.push(index);
        const result = await ingestDocument(store, input, { maxDocumentChars: 100_000, useExtractor: false });
        // The database goes away once the third document is in.
        if (index === 2) relay.cut();
        return result;
      },
      1,
    );
    const seconds = (performance.now() - started) / 1000;
    await store.close();

    expect(attempted).toEqual([0, 1, 2, 3]);
    expect(outcome.stoppedAt).toBe(3);
    expect(outcome.notAttempted).toEqual([4, 5, 6, 7]);
    expect(outcome.items.slice(0, 3).map((item) => item.result?.status)).toEqual(['CREATED', 'CREATED', 'CREATED']);
    expect(outcome.items[3]!.error).toEqual({ code: 'DATABASE_UNAVAILABLE', message: 'The database is unavailable; try again shortly.' });
    for (const item of outcome.items.slice(4)) {
      expect(item.error).toEqual({
        code: 'DATABASE_UNAVAILABLE',
        message:
          'not attempted: the batch stopped when item 3 got DATABASE_UNAVAILABLE; 3 of 8 were loaded (items 0, 1, 2); send the others again later',
      });
    }
    // What it says was loaded is what the database holds.
    expect(await loadedTexts(tag)).toEqual(inputs.slice(0, 3).map((input) => input.text).sort());
    // One retry window, not one per remaining document.
    expect(seconds).toBeLessThan(15);
  });

  it('ingestDocuments answers every item at once when the database is down, and none is written', async () => {
    const tag = uniqueTag('fg');
    tags.push(tag);
    const relay = await relayTo(neo4jPort());
    const store = storeThrough(relay);
    const config = loadConfig({ LOG_LEVEL: 'silent', SEED_ON_START: 'false' });
    const yoga = createApp({ config, store, logger: createLogger('silent'), extractor: ruleBasedExtractor });
    relay.cut();
    const inputs = documents(tag, 20).map((input) => ({ ...input, useExtractor: false }));
    const response = await execute<{ ingestDocuments: { index: number; result: unknown; error: { code: string; message: string } | null }[] }, unknown>(
      yoga,
      `mutation FaultBatch($inputs: [IngestDocumentInput!]!) {
        ingestDocuments(inputs: $inputs) { index result { status } error { code message } }
      }`,
      { inputs },
    );
    await store.close();

    expect(response.errors).toBeUndefined();
    const items = response.data!.ingestDocuments;
    expect(items).toHaveLength(20);
    expect(items.every((item) => item.result === null && item.error?.code === 'DATABASE_UNAVAILABLE')).toBe(true);
    // Two documents are in flight at once; the other 18 were never attempted, and say so.
    const notAttempted = items.filter((item) => item.error!.message.startsWith('not attempted'));
    expect(notAttempted.length).toBeGreaterThanOrEqual(18);
    expect(notAttempted[0]!.error!.message).toMatch(/0 of 20 were loaded \(none\)/);
    expect(await loadedTexts(tag)).toEqual([]);
  });
});
