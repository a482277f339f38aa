import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleBasedExtractor } from '../../src/extraction/index.js';
import { normalizeDocumentText } from '../../src/domain/ids.js';
import { ingestDocument } from '../../src/ingestion/ingest-document.js';
import { connectGraphStore, type GraphStore } from '../../src/store/graph-store.js';
import { writeDocumentGraphs } from '../../src/ingestion/bulk-load.js';
import { annotate } from '../support/annotate.js';
import { createTestApp, execute, uniqueTag, type TestApp } from '../support/services.js';

/**
 * The response cache (RESPONSE_CACHE_TTL_SECONDS): a repeated read is a hit; every kind of write
 * makes the next read a miss that sees the write, including writes made by another process
 * straight to Neo4j (the CLI without --endpoint, bulk loads), which the server learns of through
 * the graph's version stamp; one caller's cached answer is never served to another credential.
 */

const API_KEY = 'k'.repeat(40);
const tag = uniqueTag('rc');
const agencyName = `Bureau ${tag}`;
const agencyId = `agency:bureau-${tag}`;

// Entities of this run's documents and the documents' count: what each write below changes.
const READ = `query CacheRead($search: String!) {
  documents(first: 1) { totalCount }
  entities(filter: { search: $search }, first: 20) { totalCount edges { node { id name } } }
}`;

interface ReadData {
  documents: { totalCount: number };
  entities: { totalCount: number; edges: { node: { id: string; name: string } }[] };
}

const text = (n: number) => `The ${agencyName} warned students ${tag}${n} about espionage in March 2024.`;
const LOAD = `mutation CacheLoad($input: IngestDocumentInput!) { ingestDocument(input: $input) { document { id } } }`;
/** A document naming the agency, by annotation (no extractor involved). */
const annotated = (n: number) => ({
  text: text(n),
  language: 'EN',
  useExtractor: false,
  annotations: annotate(text(n), [{ type: 'Agency', name: agencyName, mentions: [agencyName] }]),
});

describe('response cache', () => {
  let app: TestApp;
  /** Another connection, standing for another process (the CLI, a bulk load). */
  let otherProcess: GraphStore;
  const auth = { authorization: `Bearer ${API_KEY}` };

  const read = async (headers: Record<string, string> = auth) => {
    const response = await execute<ReadData, { search: string }>(app.yoga, READ, { search: tag }, headers);
    expect(response.errors).toBeUndefined();
    const extensions = (response as { extensions?: { responseCache?: { hit?: boolean } } }).extensions;
    return { data: response.data!, hit: extensions?.responseCache?.hit === true };
  };

  beforeAll(async () => {
    app = await createTestApp({ RESPONSE_CACHE_TTL_SECONDS: '60', API_KEY });
    otherProcess = await connectGraphStore({
      uri: inject('neo4jUri'),
      username: inject('neo4jUsername') || undefined,
      password: inject('neo4jPassword') || undefined,
      database: inject('neo4jDatabase'),
      readTimeoutMs: 30_000,
      writeTimeoutMs: 60_000,
    });
    const loaded = await execute(app.yoga, LOAD, { input: annotated(0) }, auth);
    expect(loaded.errors).toBeUndefined();
  });

  afterAll(async () => {
    await otherProcess?.close();
    await app?.close();
  });

  it('is off by default', async () => {
    const plain = await createTestApp({});
    try {
      const first = await execute(plain.yoga, READ, { search: tag });
      const second = await execute(plain.yoga, READ, { search: tag });
      expect((second as { extensions?: Record<string, unknown> }).extensions?.responseCache).toBeUndefined();
      expect(second.data).toEqual(first.data);
    } finally {
      await plain.close();
    }
  });

  it('answers a repeated read from the cache, the same answer', async () => {
    const first = await read();
    const second = await read();
    expect(second.hit).toBe(true);
    expect(second.data).toEqual(first.data);
    expect(first.data.entities.edges.map((edge) => edge.node.id)).toContain(agencyId);
  });

  it('misses after a mutation, and the answer shows the write', async () => {
    const before = await read();
    await read();
    const loaded = await execute(app.yoga, LOAD, { input: annotated(1) }, auth);
    expect(loaded.errors).toBeUndefined();
    const after = await read();
    expect(after.hit).toBe(false);
    expect(after.data.documents.totalCount).toBeGreaterThan(before.data.documents.totalCount);
    expect((await read()).hit).toBe(true);
  });

  it('misses after another process loads a document straight into Neo4j (the CLI without --endpoint)', async () => {
    const before = await read();
    expect((await read()).hit).toBe(true);
    // What `npm run ingest` does without --endpoint: ingestDocument on its own connection.
    await ingestDocument(otherProcess, { text: text(2), language: 'en' }, { maxDocumentChars: 100_000, extractor: ruleBasedExtractor });
    const after = await read();
    expect(after.hit).toBe(false);
    expect(after.data.documents.totalCount).toBeGreaterThan(before.data.documents.totalCount);
  });

  it('misses after a bulk load from another process', async () => {
    const before = await read();
    expect((await read()).hit).toBe(true);
    const bulkText = `The Bulk Office ${tag} warned students ${tag}3 in May 2024.`;
    const extraction = await ruleBasedExtractor.extract({ text: normalizeDocumentText(bulkText), language: 'en' });
    await writeDocumentGraphs(otherProcess, [{ document: { text: bulkText, language: 'en' }, extraction }]);
    const after = await read();
    expect(after.hit).toBe(false);
    expect(after.data.documents.totalCount).toBeGreaterThan(before.data.documents.totalCount);
  });

  it('misses after a curation, and the answer shows the new name', async () => {
    expect((await read()).hit).toBe(true);
    const renamed = `Renamed Bureau ${tag}`;
    const updated = await execute(
      app.yoga,
      `mutation CacheCurate($id: ID!, $input: UpdateEntityInput!) { updateEntity(id: $id, input: $input) { id name } }`,
      { id: agencyId, input: { name: renamed } },
      auth,
    );
    expect(updated.errors).toBeUndefined();
    const after = await read();
    expect(after.hit).toBe(false);
    expect(after.data.entities.edges.find((edge) => edge.node.id === agencyId)?.node.name).toBe(renamed);
  });

  it('never serves one credential’s cached answer to another caller', async () => {
    expect((await read()).hit).toBe(true);
    // No key, or another key: answered by running the query, not from the keyed caller's entry.
    expect((await read({})).hit).toBe(false);
    expect((await read({ authorization: 'Bearer another-key' })).hit).toBe(false);
  });

  it('with PROTECT_READS, a caller without the key gets UNAUTHENTICATED, not the cached answer', async () => {
    const guarded = await createTestApp({ RESPONSE_CACHE_TTL_SECONDS: '60', API_KEY, PROTECT_READS: 'true' });
    try {
      await execute(guarded.yoga, READ, { search: tag }, auth);
      const again = await execute(guarded.yoga, READ, { search: tag }, auth);
      expect((again as { extensions?: { responseCache?: { hit?: boolean } } }).extensions?.responseCache?.hit).toBe(true);
      const callers: Record<string, string>[] = [{}, { authorization: 'Bearer another-key' }];
      for (const headers of callers) {
        const refused = await execute(guarded.yoga, READ, { search: tag }, headers);
        expect(refused.data ?? null).toBeNull();
        expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
    } finally {
      await guarded.close();
    }
  });
});
