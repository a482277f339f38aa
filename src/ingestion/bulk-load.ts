import type { ExtractionResult } from '../extraction/types.js';
import type { DocumentInput } from '../domain/document.js';
import { resolveRedirects } from '../store/entity-resolution.js';
import type { GraphStore, QueryCounter } from '../store/graph-store.js';
import { mergeDocuments, writeGraph } from '../store/graph-writes.js';
import { documentProps, prepareGraph, redirectExtraction } from './prepare-graph.js';

export interface BulkItem {
  /** The document as a client would send it; its id is the hash of its normalised text. */
  document: DocumentInput & { extractorVersion?: string };
  /** Offsets into the normalised text (normalizeDocumentText), as the extractor gives them for it. */
  extraction: ExtractionResult;
}

export interface BulkWriteResult {
  /** Documents written now, in input order. */
  createdDocumentIds: string[];
  /** Documents whose text was loaded before: skipped whole. */
  skippedDocumentIds: string[];
  entitiesCreated: number;
  entitiesMatched: number;
  mentions: number;
  relationsCreated: number;
  relationsUpdated: number;
  /** Relations not written: the relation table does not join their ends' types. */
  relationsRejected: number;
}

/**
 * Fast bulk load for large generated corpora: the whole batch in ONE write transaction and a
 * fixed number of statements (documents, redirects, entities, mentions, one per relation type
 * present: at most 13), whatever the batch size. Entity ids are taken as given (after redirects): no alias
 * lookup, unlike ingestDocument. Documents already present are skipped, so a batch can be
 * replayed. Batches of 500–2,000 documents suit an 8 GB heap.
 */
export async function writeDocumentGraphs(
  store: GraphStore,
  items: readonly BulkItem[],
  counter?: QueryCounter,
): Promise<BulkWriteResult> {
  const prepared = items.map((item) => ({
    document: documentProps(
      { ...item.document, language: item.document.language ?? item.extraction.language },
      item.document.extractorVersion ?? 'bulk',
    ),
    extraction: item.extraction,
  }));
  const unique = [...new Map(prepared.map((item) => [item.document.id, item])).values()];
  return store.write(async (tx) => {
    const merged = await mergeDocuments(
      tx,
      unique.map((item) => item.document),
    );
    const created = new Set(merged.filter((doc) => doc.created).map((doc) => doc.id));
    const fresh = unique.filter((item) => created.has(item.document.id));
    const ids = [...new Set(fresh.flatMap((item) => item.extraction.entities.map((entity) => entity.id)))];
    const targets = await resolveRedirects(tx, ids);
    const redirected = fresh.map((item) => ({ document: item.document, extraction: redirectExtraction(item.extraction, targets) }));
    const written = await writeGraph(tx, prepareGraph(redirected));
    return {
      createdDocumentIds: unique.filter((item) => created.has(item.document.id)).map((item) => item.document.id),
      skippedDocumentIds: unique.filter((item) => !created.has(item.document.id)).map((item) => item.document.id),
      entitiesCreated: written.entities.filter((entity) => entity.created).length,
      entitiesMatched: written.entities.filter((entity) => !entity.created).length,
      mentions: written.mentions,
      relationsCreated: written.relations.filter((relation) => relation.created).length,
      relationsUpdated: written.relations.filter((relation) => !relation.created).length,
      relationsRejected: written.misfitRelations.length,
    };
  }, counter);
}
