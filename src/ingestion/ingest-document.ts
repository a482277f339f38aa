import type { Extractor } from '../extraction/types.js';
import type { GraphStore, QueryCounter } from '../store/graph-store.js';
import { DOCUMENT_LABEL } from '../store/model.js';
import { loadDocuments, type DocumentRecord } from '../store/documents.js';
import { validateDocumentInput, type DocumentInput } from './document-input.js';

export interface IngestOptions {
  maxDocumentChars: number;
  extractor?: Extractor;
}

export interface IngestResult {
  document: DocumentRecord;
  /** False when the same text was loaded before: nothing was written. */
  created: boolean;
}

/**
 * Stores a document keyed by the hash of its text. Loading the same text again writes nothing.
 */
export async function ingestDocument(
  store: GraphStore,
  input: DocumentInput,
  options: IngestOptions,
  counter?: QueryCounter,
): Promise<IngestResult> {
  const doc = validateDocumentInput(input, options.maxDocumentChars);
  const created = await store.write(async (tx) => {
    const rows = await tx.run(
      `MERGE (d:${DOCUMENT_LABEL} {id: $id})
       ON CREATE SET d.title = $title, d.sourceUrl = $sourceUrl, d.language = $language,
         d.publishedAt = $publishedAt, d.contentHash = $contentHash, d.text = $text,
         d.charCount = size($text), d.ingestedAt = datetime(), d.created = true
       WITH d, coalesce(d.created, false) AS created
       REMOVE d.created
       RETURN created`,
      {
        id: doc.id,
        title: doc.title,
        sourceUrl: doc.sourceUrl,
        language: doc.language,
        publishedAt: doc.publishedAt,
        contentHash: doc.id.slice('document:'.length),
        text: doc.text,
      },
    );
    return rows[0]?.created === true;
  }, counter);
  const [document] = await loadDocuments(store, [doc.id], counter);
  if (!document) throw new Error(`document ${doc.id} vanished right after it was written`);
  return { document, created };
}
