import type { GraphStore, QueryCounter } from './graph-store.js';
import { DOCUMENT_LABEL } from './model.js';
import { int } from './values.js';

export interface DocumentRecord {
  id: string;
  title: string | null;
  sourceUrl: string | null;
  language: string | null;
  publishedAt: string | null;
  contentHash: string;
  extractorVersion: string | null;
  ingestedAt: string;
  charCount: number;
}

/** The properties of a Document node as a DocumentRecord: `d ${DOCUMENT_FIELDS}`. */
export const DOCUMENT_FIELDS = `{ .id, .title, .sourceUrl, .language, .publishedAt, .contentHash, .extractorVersion,
  ingestedAt: toString(d.ingestedAt), .charCount }`;

/** Documents by id, in the order of `ids`, null where one does not exist. */
export async function loadDocuments(
  store: GraphStore,
  ids: readonly string[],
  counter?: QueryCounter,
): Promise<(DocumentRecord | null)[]> {
  const rows = await store.read(
    `UNWIND $ids AS id MATCH (d:${DOCUMENT_LABEL} {id: id}) RETURN d ${DOCUMENT_FIELDS} AS document`,
    { ids },
    counter,
  );
  const byId = new Map(rows.map((row) => [(row.document as DocumentRecord).id, row.document as DocumentRecord]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Newest publication first (undated last), then by id so pages are stable. */
export async function listDocuments(
  store: GraphStore,
  page: { offset: number; limit: number },
  counter?: QueryCounter,
): Promise<DocumentRecord[]> {
  const rows = await store.read(
    `MATCH (d:${DOCUMENT_LABEL})
     RETURN d ${DOCUMENT_FIELDS} AS document
     ORDER BY d.publishedAt IS NULL, d.publishedAt DESC, d.id
     SKIP $offset LIMIT $limit`,
    { offset: int(page.offset), limit: int(page.limit) },
    counter,
  );
  return rows.map((row) => row.document as DocumentRecord);
}

export async function countDocuments(store: GraphStore, counter?: QueryCounter): Promise<number> {
  const rows = await store.read(`MATCH (d:${DOCUMENT_LABEL}) RETURN count(d) AS total`, {}, counter);
  return (rows[0]?.total as number | undefined) ?? 0;
}
