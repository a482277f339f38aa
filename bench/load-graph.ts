import type { GraphStore } from '../src/store/graph-store.js';
import { writeDocumentGraphs, type BulkItem } from '../src/ingestion/bulk-load.js';
import { DOCUMENT_LABEL, ENTITY_LABEL, MENTIONS } from '../src/store/model.js';
import { generateSyntheticGraph } from '../scripts/generate-graph.js';
import { generateCorpus, type CorpusOptions, type GeneratedDocument } from './corpus/generate.js';

export interface GraphCounts {
  documents: number;
  entities: number;
  relationships: number;
  mentions: number;
}

export interface LoadSummary {
  method: 'corpus' | 'synthetic';
  /** Documents written (0 for the synthetic graph, which has none). */
  documents: number;
  seconds: number;
  documentsPerSecond: number;
  counts: GraphCounts;
}

/** The extraction a perfect extractor would give: the generator's truth, stored as the bulk path expects. */
export function toBulkItem(doc: GeneratedDocument): BulkItem {
  return { document: { ...doc.input, extractorVersion: 'bench-truth' }, extraction: doc.truth };
}

/**
 * Loads the generated corpus straight to Neo4j through the ingestion engineer's bulk writer
 * (the same store code, large batches, one transaction per batch), as perf-notes allow for the
 * large graphs; ingestion through GraphQL is measured separately on top.
 */
export async function loadCorpus(
  store: GraphStore,
  corpus: CorpusOptions,
  options: { batchSize: number; onProgress?: (done: number, total: number) => void },
): Promise<LoadSummary> {
  const started = performance.now();
  let batch: BulkItem[] = [];
  let done = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await writeDocumentGraphs(store, batch);
    done += batch.length;
    batch = [];
    options.onProgress?.(done, corpus.documents);
  };
  for (const doc of generateCorpus(corpus)) {
    batch.push(toBulkItem(doc));
    if (batch.length >= options.batchSize) await flush();
  }
  await flush();
  const seconds = (performance.now() - started) / 1000;
  return { method: 'corpus', documents: done, seconds, documentsPerSecond: done / seconds, counts: await countGraph(store) };
}

/** What the graph holds: entity nodes, their relations (MENTIONS apart), documents. */
export async function countGraph(store: GraphStore): Promise<GraphCounts> {
  // Count store lookups, not scans: these stay fast at a million nodes.
  const [row] = await store.read(
    `CALL { MATCH (d:${DOCUMENT_LABEL}) RETURN count(d) AS documents }
     CALL { MATCH (n:${ENTITY_LABEL}) RETURN count(n) AS entities }
     CALL { MATCH ()-[r]->() RETURN count(r) AS all }
     CALL { MATCH ()-[m:${MENTIONS}]->() RETURN count(m) AS mentions }
     RETURN documents, entities, all - mentions AS relationships, mentions`,
  );
  return {
    documents: Number(row?.documents ?? 0),
    entities: Number(row?.entities ?? 0),
    relationships: Number(row?.relationships ?? 0),
    mentions: Number(row?.mentions ?? 0),
  };
}

/**
 * The read API's synthetic graph (scripts/generate-graph.ts): entities and relations only, the
 * degrees of perf-notes' reference graph, written in batches through the store's upserts (the
 * writer ingestion uses). The fast way to a million.
 */
export async function loadSyntheticGraph(
  store: GraphStore,
  options: { entities: number; seed: number; onProgress?: (done: number, total: number, what: string) => void },
): Promise<LoadSummary> {
  const started = performance.now();
  await generateSyntheticGraph(store, {
    entities: options.entities,
    seed: options.seed,
    prefix: 'bench',
    batchSize: 10_000,
    onProgress: options.onProgress,
  });
  const seconds = (performance.now() - started) / 1000;
  return { method: 'synthetic', documents: 0, seconds, documentsPerSecond: 0, counts: await countGraph(store) };
}
