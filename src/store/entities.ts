import type { DatePrecision, EntityType } from '../domain/entities.js';
import { entityTypeOfId } from '../domain/ids.js';
import type { GraphStore, QueryCounter } from './graph-store.js';
import { DOCUMENT_LABEL, ENTITY_LABEL, MENTIONS, RELATIONSHIP_TYPES } from './model.js';
import { int, type Row } from './values.js';
import { followRedirects } from './redirects.js';

const REQUESTED = followRedirects('requested');

/** An entity as every read returns it: the node's own properties, nothing computed. */
export interface EntityRecord {
  id: string;
  type: EntityType;
  name: string;
  aliases: { name: string; language: string | null }[];
  generic: boolean;
  date: string | null;
  datePrecision: DatePrecision | null;
}

/**
 * The Cypher map projection every entity read uses, so rows come back in one shape. `n` is the
 * entity variable of the query that splices it in.
 */
export const ENTITY_PROJECTION = `{ .id, .type, .name, .aliases, .aliasLanguages, .generic, .date, .datePrecision }`;

/** Every relationship type between entities, for patterns that mean "any relation" (never MENTIONS). */
export const ANY_RELATION = RELATIONSHIP_TYPES.join('|');

/**
 * Turns a projected row value into an EntityRecord; tolerant of missing optional properties. A
 * relation read that selected only some of the node's fields (RelationPlan.nodeFields) passes
 * only those: the others take their defaults, which nothing resolves, since the plan was built
 * from the fields the operation selects.
 */
export function toEntityRecord(value: unknown): EntityRecord {
  const raw = value as Record<string, unknown>;
  const id = String(raw.id);
  const aliases = Array.isArray(raw.aliases) ? (raw.aliases as string[]) : [];
  const languages = Array.isArray(raw.aliasLanguages) ? (raw.aliasLanguages as (string | null)[]) : [];
  return {
    id,
    // The id names the type; the stored `type` is the same, but an id is never missing.
    type: ((raw.type as EntityType | null) ?? entityTypeOfId(id) ?? 'Agency') as EntityType,
    name: String(raw.name ?? id),
    aliases: aliases.map((name, index) => ({ name, language: languages[index] ?? null })),
    generic: raw.generic === true,
    date: (raw.date as string | null) ?? null,
    datePrecision: (raw.datePrecision as DatePrecision | null) ?? null,
  };
}

/**
 * Entities by id, in the order of `ids`, null where none exists. A merged id follows its
 * (:Redirect) to the survivor (two hops, for a survivor that was itself merged later), so the
 * record's id may differ from the id asked for. `label` restricts the match to one type.
 */
export async function loadEntities(
  store: GraphStore,
  ids: readonly string[],
  counter?: QueryCounter,
  label: EntityType | typeof ENTITY_LABEL = ENTITY_LABEL,
): Promise<(EntityRecord | null)[]> {
  const rows = await store.read(
    `UNWIND $ids AS requested
     ${REQUESTED.match}
     WITH requested, ${REQUESTED.target} AS resolved
     MATCH (n:${label} {id: resolved})
     RETURN requested, n ${ENTITY_PROJECTION} AS entity`,
    { ids },
    counter,
  );
  const byRequested = new Map(rows.map((row) => [row.requested as string, toEntityRecord(row.entity)]));
  return ids.map((id) => byRequested.get(id) ?? null);
}

export interface EntityStatsRecord {
  id: string;
  /** Spans in documents that name the entity. */
  mentionCount: number;
  documentCount: number;
  /** Relationships to other entities, both directions (MENTIONS excluded): what sizes a node. */
  degree: number;
}

/** Mention counts and degree for a batch of entities, in the order of `ids`. */
export async function loadEntityStats(
  store: GraphStore,
  ids: readonly string[],
  counter?: QueryCounter,
): Promise<EntityStatsRecord[]> {
  const rows = await store.read(
    `UNWIND $ids AS id
     MATCH (n:${ENTITY_LABEL} {id: id})
     RETURN id,
       reduce(total = 0, spans IN [(:${DOCUMENT_LABEL})-[m:${MENTIONS}]->(n) | size(m.spans)] | total + spans) AS mentionCount,
       COUNT { (:${DOCUMENT_LABEL})-[:${MENTIONS}]->(n) } AS documentCount,
       COUNT { (n)-[:${ANY_RELATION}]-() } AS degree`,
    { ids },
    counter,
  );
  const byId = new Map(rows.map((row) => [row.id as string, row]));
  return ids.map((id) => {
    const row: Row | undefined = byId.get(id);
    return {
      id,
      mentionCount: (row?.mentionCount as number | undefined) ?? 0,
      documentCount: (row?.documentCount as number | undefined) ?? 0,
      degree: (row?.degree as number | undefined) ?? 0,
    };
  });
}

export interface MentionRecord {
  entityId: string;
  documentId: string;
  start: number;
  end: number;
  /** The mention itself, sliced from the document's text. */
  text: string;
  /** The sentence around the mention: what a reader checks it against. */
  sentence: string;
  sentenceStart: number;
}

/** A span's offsets from its stored form `start:end`; null when malformed. */
export function parseSpan(value: string): { start: number; end: number } | null {
  const match = /^(\d+):(\d+)$/.exec(value);
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return end >= start ? { start, end } : null;
}

/**
 * The sentence holding `[start, end)`: back to the previous sentence end or line break, forward
 * to the next one. Offsets stay UTF-16 code units, like every stored offset.
 */
export function sentenceAround(text: string, start: number, end: number): { start: number; text: string } {
  let from = start;
  while (from > 0) {
    const previous = text[from - 1]!;
    if (previous === '\n') break;
    if (/[.!?]/.test(previous) && /\s/.test(text[from] ?? ' ')) break;
    from -= 1;
  }
  let to = Math.max(end, from);
  while (to < text.length) {
    const current = text[to]!;
    if (current === '\n') break;
    to += 1;
    if (/[.!?]/.test(current) && /\s/.test(text[to] ?? ' ')) break;
  }
  const raw = text.slice(from, to);
  const leading = raw.length - raw.trimStart().length;
  return { start: from + leading, text: raw.trim() };
}

/**
 * Mentions of a batch of entities, grouped per entity in the order of `ids`, each with its
 * sentence. Offsets are UTF-16 code units, so the slicing happens here in JavaScript (Cypher's
 * substring counts code points).
 */
export async function loadMentions(
  store: GraphStore,
  ids: readonly string[],
  counter?: QueryCounter,
): Promise<MentionRecord[][]> {
  const rows = await store.read(
    `UNWIND $ids AS id
     MATCH (d:${DOCUMENT_LABEL})-[m:${MENTIONS}]->(n:${ENTITY_LABEL} {id: id})
     RETURN id, d.id AS documentId, m.spans AS spans, d.text AS text
     ORDER BY d.publishedAt DESC, d.id`,
    { ids },
    counter,
  );
  const byEntity = new Map<string, MentionRecord[]>();
  for (const row of rows) {
    const entityId = row.id as string;
    const text = (row.text as string | null) ?? '';
    const list = byEntity.get(entityId) ?? [];
    const spans = ((row.spans as string[] | null) ?? []).map(parseSpan).filter((span) => span !== null);
    spans.sort((a, b) => a.start - b.start);
    for (const span of spans) {
      const sentence = sentenceAround(text, span.start, span.end);
      list.push({
        entityId,
        documentId: row.documentId as string,
        start: span.start,
        end: span.end,
        text: text.slice(span.start, span.end),
        sentence: sentence.text,
        sentenceStart: sentence.start,
      });
    }
    byEntity.set(entityId, list);
  }
  return ids.map((id) => byEntity.get(id) ?? []);
}

/** Ids of the documents that mention each entity, newest first, in the order of `ids`. */
export async function loadEntityDocumentIds(
  store: GraphStore,
  ids: readonly string[],
  counter?: QueryCounter,
): Promise<string[][]> {
  const rows = await store.read(
    `UNWIND $ids AS id
     MATCH (d:${DOCUMENT_LABEL})-[:${MENTIONS}]->(n:${ENTITY_LABEL} {id: id})
     WITH id, d ORDER BY d.publishedAt DESC, d.id
     RETURN id, collect(d.id) AS documentIds`,
    { ids },
    counter,
  );
  const byId = new Map(rows.map((row) => [row.id as string, row.documentIds as string[]]));
  return ids.map((id) => byId.get(id) ?? []);
}

/** Entities each document mentions, grouped in the order of `documentIds`, by name. */
export async function loadDocumentEntities(
  store: GraphStore,
  documentIds: readonly string[],
  types: readonly EntityType[] | null,
  counter?: QueryCounter,
): Promise<EntityRecord[][]> {
  const rows = await store.read(
    `UNWIND $documentIds AS documentId
     MATCH (:${DOCUMENT_LABEL} {id: documentId})-[:${MENTIONS}]->(n:${ENTITY_LABEL})
     WHERE $types IS NULL OR n.type IN $types
     WITH documentId, n ORDER BY n.name, n.id
     RETURN documentId, collect(n ${ENTITY_PROJECTION}) AS entities`,
    { documentIds, types },
    counter,
  );
  const byId = new Map(rows.map((row) => [row.documentId as string, (row.entities as unknown[]).map((entity) => toEntityRecord(entity))]));
  return documentIds.map((id) => byId.get(id) ?? []);
}

/** Document texts by id (for slicing evidence sentences), one round trip per batch. */
export async function loadDocumentTexts(
  store: GraphStore,
  documentIds: readonly string[],
  counter?: QueryCounter,
): Promise<Map<string, string>> {
  const rows = await store.read(
    `UNWIND $documentIds AS id MATCH (d:${DOCUMENT_LABEL} {id: id}) RETURN id, d.text AS text`,
    { documentIds },
    counter,
  );
  return new Map(rows.map((row) => [row.id as string, (row.text as string | null) ?? '']));
}

/** One sentence of a document: UTF-16 offsets into its normalised text, as evidence stores them. */
export interface TextCut {
  documentId: string;
  start: number;
  end: number;
}

/**
 * Java's regex over code points: true when a string holds no character outside the Basic
 * Multilingual Plane, i.e. when its code points and UTF-16 units line up one to one.
 */
const BMP_ONLY = '(?s)[\\x{0}-\\x{FFFF}]*';

/**
 * The sentences `cuts` name, cut inside Neo4j: only the sentence travels, not the whole text.
 * Offsets are UTF-16 units (JavaScript's) while Cypher's substring counts code points; they agree
 * when the text up to the cut's end holds no character outside the BMP, which the query checks.
 * Otherwise it returns the text's first `end` code points (which hold its first `end` UTF-16
 * units) and the cut is made here. In the order of `cuts`; null where the document is gone.
 */
export async function loadTextCuts(store: GraphStore, cuts: readonly TextCut[], counter?: QueryCounter): Promise<(string | null)[]> {
  const rows = await store.read(
    `UNWIND range(0, size($cuts) - 1) AS at
     WITH at, $cuts[at] AS cut
     MATCH (d:${DOCUMENT_LABEL} {id: cut.documentId})
     WITH at, cut, d, left(d.text, cut.end) AS head
     WITH at, cut, d, head, head =~ $bmpOnly AS aligned
     RETURN at, aligned, CASE WHEN aligned THEN substring(d.text, cut.start, cut.end - cut.start) ELSE head END AS text`,
    {
      // An inverted range is an empty sentence, as String.slice makes it.
      cuts: cuts.map((cut) => ({ documentId: cut.documentId, start: int(cut.start), end: int(Math.max(cut.start, cut.end)) })),
      bmpOnly: BMP_ONLY,
    },
    counter,
  );
  const texts: (string | null)[] = cuts.map(() => null);
  for (const row of rows) {
    const at = row.at as number;
    const text = (row.text as string | null) ?? '';
    texts[at] = row.aligned === true ? text : text.slice(cuts[at]!.start, cuts[at]!.end);
  }
  return texts;
}
