import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, uniqueTag, type TestApp } from '../support/services.js';

/** QUERY_STATS=true (for the benchmark) puts each request's Cypher round trips into the response. */

async function post(app: TestApp, query: string, variables: Record<string, unknown> = {}) {
  const response = await app.yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[]; extensions?: Record<string, any> };
}

describe('query stats opt-in', () => {
  let withStats: TestApp;
  let withoutStats: TestApp;

  beforeAll(async () => {
    withStats = await createTestApp({ QUERY_STATS: 'true' });
    withoutStats = await createTestApp();
  });

  afterAll(async () => {
    await withStats.close();
    await withoutStats.close();
  });

  it('counts no round trip for a request that needs no database', async () => {
    const body = await post(withStats, '{ __typename }');
    expect(body.errors).toBeUndefined();
    expect(body.extensions?.queryStats).toEqual({ cypherRoundTrips: 0 });
  });

  it('counts the Cypher queries a request made', async () => {
    const tag = uniqueTag('qs');
    const ingest = await post(
      withStats,
      'mutation($input: IngestDocumentInput!) { ingestDocument(input: $input) { document { id } } }',
      { input: { text: `Query stats ${tag}: nothing to extract here.`, useExtractor: false } },
    );
    expect(ingest.errors).toBeUndefined();
    const id = ingest.data.ingestDocument.document.id as string;

    const read = await post(withStats, 'query($id: ID!) { document(id: $id) { id title } }', { id });
    expect(read.errors).toBeUndefined();
    expect(read.data.document.id).toBe(id);
    // One batched load of the document.
    expect(read.extensions?.queryStats).toEqual({ cypherRoundTrips: 1 });

    const withText = await post(withStats, 'query($id: ID!) { document(id: $id) { id text } }', { id });
    expect(withText.data.document.text).toContain(tag);
    // The text is fetched apart, only when asked for.
    expect(withText.extensions?.queryStats).toEqual({ cypherRoundTrips: 2 });
  });

  it('leaves responses alone when the flag is off', async () => {
    const body = await post(withoutStats, '{ __typename }');
    expect(body.data).toEqual({ __typename: 'Query' });
    expect(body.extensions?.queryStats).toBeUndefined();
  });
});
