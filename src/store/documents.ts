import type { GraphStore, QueryCounter } from './graph-store.js';
import { DOCUMENT_LABEL } from './model.js';
import { keysetClauses, keysetResult, type KeyValues, type KeysetPage, type SortKey } from './keyset.js';

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
/** Newest publication first, undated last, then by id: non-null keys for keyset paging. */
const DOCUMENT_ORDER: SortKey[] = [
  { expression: 'd.publishedAt IS NULL', direction: 'ASC' },
  { expression: "coalesce(d.publishedAt, '')", direction: 'DESC' },
  { expression: 'd.id', direction: 'ASC' },
];

export const DOCUMENT_ORDER_KEY_COUNT = DOCUMENT_ORDER.length;

/** One page of documents after or before a sort key (keyset paging), with each row's key for its cursor. */
export async function listDocuments(
  store: GraphStore,
  page: KeysetPage,
  counter?: QueryCounter,
): Promise<{ rows: { document: DocumentRecord; key: KeyValues }[]; hasMore: boolean }> {
  const keyset = keysetClauses(DOCUMENT_ORDER, page);
  const rows = await store.read(
    `MATCH (d:${DOCUMENT_LABEL})
     WHERE ${keyset.where}
     RETURN d ${DOCUMENT_FIELDS} AS document, ${keyset.values} AS key
     ORDER BY ${keyset.order}
     LIMIT $keysetLimit`,
    keyset.params,
    counter,
  );
  return keysetResult(
    rows.map((row) => ({ document: row.document as DocumentRecord, key: row.key as KeyValues })),
    page,
  );
}

export async function countDocuments(store: GraphStore, counter?: QueryCounter): Promise<number> {
  const rows = await store.read(`MATCH (d:${DOCUMENT_LABEL}) RETURN count(d) AS total`, {}, counter);
  return (rows[0]?.total as number | undefined) ?? 0;
}
