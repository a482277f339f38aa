import type { GraphStore } from '../../src/store/graph-store.js';
import { generateDocument, type CorpusOptions, type GeneratedDocument } from '../corpus/generate.js';
import type { ApiServer } from '../server-process.js';
import { countGraph, type GraphCounts } from '../load-graph.js';
import { summarize, type Summary } from '../stats.js';

export interface IngestionFigures {
  mode: 'single' | 'batched';
  /** Documents sent (fewer than asked when the time bound stopped the run). */
  documents: number;
  /** True when `maxSeconds` ran out before every document was sent. */
  stoppedByTimeBound: boolean;
  /** Documents per request. */
  batchSize: number;
  seconds: number;
  documentsPerSecond: number;
  /** Nodes (entities + documents) and relationships (relations + mentions) the load added, per second. */
  writtenPerSecond: number;
  written: { nodes: number; relationships: number };
  /** Per request, ms. */
  latencyMs: Summary;
  /** Per request, from extensions.queryStats. */
  roundTrips: Summary;
  errors: string[];
  serverRssMiB: number;
}

const INGEST_ONE = `mutation BenchIngest($input: IngestDocumentInput!) {
  ingestDocument(input: $input) { status }
}`;

const INGEST_MANY = `mutation BenchIngestMany($inputs: [IngestDocumentInput!]!) {
  ingestDocuments(inputs: $inputs) { index error { code message } result { status } }
}`;

const graphSize = (counts: GraphCounts) => ({
  nodes: counts.entities + counts.documents,
  relationships: counts.relationships + counts.mentions,
});

/**
 * End to end through the GraphQL mutation, as a client loads news: one client, one request at a
 * time (`ingestDocument`), or batches (`ingestDocuments`); extraction runs in the server. The
 * documents are new texts (another seed of the generator) about the graph's known entities.
 */
export async function runIngestionScenario(
  store: GraphStore,
  server: ApiServer,
  corpus: CorpusOptions,
  options: { mode: 'single' | 'batched'; documents: number; batchSize: number; firstIndex: number; maxSeconds: number },
): Promise<IngestionFigures> {
  const docs: GeneratedDocument[] = [];
  for (let i = 0; i < options.documents; i += 1) docs.push(generateDocument(corpus, options.firstIndex + i));
  const inputs = docs.map((doc) => ({
    text: doc.input.text,
    title: doc.input.title,
    sourceUrl: doc.input.sourceUrl,
    language: doc.input.language.toUpperCase(),
    publishedAt: doc.input.publishedAt,
  }));
  const batchSize = options.mode === 'single' ? 1 : options.batchSize;
  const before = graphSize(await countGraph(store));
  const latencies: number[] = [];
  const trips: number[] = [];
  const errors: string[] = [];
  let rss = server.rssMiB();
  const started = performance.now();
  let sent = 0;
  for (let i = 0; i < inputs.length; i += batchSize) {
    if (performance.now() - started > options.maxSeconds * 1000) break;
    const batch = inputs.slice(i, i + batchSize);
    const body =
      options.mode === 'single'
        ? { query: INGEST_ONE, variables: { input: batch[0] } }
        : { query: INGEST_MANY, variables: { inputs: batch } };
    const t = performance.now();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...server.authHeaders },
      body: JSON.stringify(body),
    });
    const result = (await response.json()) as any;
    latencies.push(performance.now() - t);
    sent += batch.length;
    rss = Math.max(rss, server.rssMiB());
    const trip = result.extensions?.queryStats?.cypherRoundTrips;
    if (typeof trip === 'number') trips.push(trip);
    if (result.errors?.length && errors.length < 3) errors.push(JSON.stringify(result.errors[0]).slice(0, 300));
    for (const item of result.data?.ingestDocuments ?? []) {
      if (item.error && errors.length < 3) errors.push(`${item.error.code}: ${item.error.message}`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const after = graphSize(await countGraph(store));
  const written = { nodes: after.nodes - before.nodes, relationships: after.relationships - before.relationships };
  return {
    mode: options.mode,
    documents: sent,
    stoppedByTimeBound: sent < inputs.length,
    batchSize,
    seconds,
    documentsPerSecond: sent / seconds,
    writtenPerSecond: (written.nodes + written.relationships) / seconds,
    written,
    latencyMs: summarize(latencies),
    roundTrips: summarize(trips),
    errors,
    serverRssMiB: rss,
  };
}
