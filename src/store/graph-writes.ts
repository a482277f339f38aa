import type { ValidDocument } from '../domain/document.js';
import type { DatePrecision, EntityType } from '../domain/entities.js';
import { isRelationType, type RelationType } from '../domain/relations.js';
import { DOCUMENT_FIELDS, type DocumentRecord } from './documents.js';
import { ANY_RELATION } from './entities.js';
import type { WriteTransaction } from './graph-store.js';
import {
  DOCUMENT_LABEL,
  ENTITY_LABEL,
  ENTITY_LABELS,
  MENTIONS,
  REDIRECT_LABEL,
  RELATIONSHIP_TYPES,
  relationFitsCondition,
} from './model.js';

/**
 * The upserts of the stored layout (model.ts): the one place that writes documents, entities,
 * mentions and relations, for ingestion, the benchmark's bulk loader, the synthetic graph
 * generator and test fixtures alike. Every statement takes a list parameter and UNWINDs it, so a
 * batch costs a fixed number of statements (documents, entities, mentions, one per relation type
 * present), never one per entity. Bodies MERGE on constrained ids only, so a transaction the
 * driver retries after a dropped connection writes nothing twice.
 *
 * The rows are prepared by ingestion (ingestion/prepare-graph.ts), folded per entity, per
 * (document, entity) and per (type, source, target), with each name's match key.
 */

/** A validated document as stored, with what ingestion derives from its text. */
export interface DocumentProps extends ValidDocument {
  contentHash: string;
  charCount: number;
  extractorVersion: string;
}

export interface PreparedAlias {
  text: string;
  language: string;
  key: string;
}

export interface PreparedEntity {
  id: string;
  type: EntityType;
  name: string;
  /**
   * The name's match key, added to a created node's matchKeys when no alias holds it: a load
   * lists the name among the aliases, a fixture or generated entity may not.
   */
  nameKey: string;
  generic: boolean;
  date: string | null;
  datePrecision: DatePrecision | null;
  aliases: PreparedAlias[];
  /** Mention spans this batch adds. */
  mentionCount: number;
}

export interface PreparedMention {
  docId: string;
  entityId: string;
  spans: string[];
}

export interface PreparedRelation {
  type: RelationType;
  source: string;
  target: string;
  docIds: string[];
  evidence: string[];
}

export interface PreparedGraph {
  entities: PreparedEntity[];
  mentions: PreparedMention[];
  relations: PreparedRelation[];
}

const DOCUMENT_PROJECTION = `d ${DOCUMENT_FIELDS}`;

export interface MergedDocument {
  id: string;
  /** False when a document with this text existed already (nothing about it was changed). */
  created: boolean;
  record: DocumentRecord;
}

/** MERGEs the documents on their content-hash ids; existing ones are left as they are. */
export async function mergeDocuments(tx: WriteTransaction, documents: readonly DocumentProps[]): Promise<MergedDocument[]> {
  const rows = await tx.run(
    `UNWIND $documents AS doc
     MERGE (d:${DOCUMENT_LABEL} {id: doc.id})
     ON CREATE SET d += doc, d.ingestedAt = datetime(), d.justCreated = true
     WITH d, coalesce(d.justCreated, false) AS created
     REMOVE d.justCreated
     RETURN d.id AS id, created, ${DOCUMENT_PROJECTION} AS record`,
    { documents },
  );
  return rows.map((row) => ({ id: row.id as string, created: row.created === true, record: row.record as DocumentRecord }));
}

/** Sets a document's extractor version (and language) once its part has been rewritten. */
export async function updateDocumentVersion(
  tx: WriteTransaction,
  docId: string,
  extractorVersion: string,
  language: string | null,
): Promise<DocumentRecord | null> {
  const rows = await tx.run(
    `MATCH (d:${DOCUMENT_LABEL} {id: $docId})
     SET d.extractorVersion = $extractorVersion, d.language = coalesce(d.language, $language)
     RETURN ${DOCUMENT_PROJECTION} AS record`,
    { docId, extractorVersion, language },
  );
  return (rows[0]?.record as DocumentRecord | undefined) ?? null;
}

const LABEL_FOREACH = ENTITY_LABELS.map(
  (label) => `FOREACH (_ IN CASE WHEN created AND e.type = '${label}' THEN [1] ELSE [] END | SET n:${label})`,
).join('\n     ');

// The first SET (mentionCount) takes the node's write lock, so the alias lists read after it
// are the committed ones: concurrent loads add aliases without losing each other's. Aliases,
// searchText (full-text index) and dates are written only when they change: rewriting them on
// every matched node made bulk loads markedly slower.
const UPSERT_ENTITIES = `UNWIND $entities AS e
     MERGE (n:${ENTITY_LABEL} {id: e.id})
     ON CREATE SET n.type = e.type, n.name = e.name, n.nameKey = e.nameKey, n.nameCurated = false, n.aliases = [], n.aliasLanguages = [],
       n.aliasesCurated = false, n.matchKeys = [], n.generic = e.generic, n.mentionCount = 0, n.degree = 0,
       n.justCreated = true
     SET n.mentionCount = coalesce(n.mentionCount, 0) + e.mentionCount
     WITH n, e, coalesce(n.justCreated, false) AS created
     REMOVE n.justCreated
     ${LABEL_FOREACH}
     WITH n, e, created,
       CASE WHEN n.aliasesCurated THEN [] ELSE [a IN e.aliases WHERE NOT a.key IN coalesce(n.matchKeys, [])] END AS fresh
     FOREACH (_ IN CASE WHEN size(fresh) > 0 OR created THEN [1] ELSE [] END |
       SET n.aliases = coalesce(n.aliases, []) + [a IN fresh | a.text],
         n.aliasLanguages = coalesce(n.aliasLanguages, []) + [a IN fresh | a.language],
         n.matchKeys = coalesce(n.matchKeys, []) + [a IN fresh | a.key]
       SET n.searchText = reduce(text = n.name, alias IN n.aliases | text + ' | ' + alias))
     FOREACH (_ IN CASE WHEN created AND e.nameKey <> '' AND NOT e.nameKey IN n.matchKeys THEN [1] ELSE [] END |
       SET n.matchKeys = n.matchKeys + e.nameKey)
     FOREACH (_ IN CASE WHEN n.date IS NULL AND e.date IS NOT NULL THEN [1] ELSE [] END |
       SET n.date = e.date, n.datePrecision = e.datePrecision)
     RETURN n.id AS id, n.type AS type, n.name AS name, created`;

// CREATE, not MERGE: the documents of a batch are new, or were stripped of their MENTIONS in
// this transaction (a newer extractor), so none exists yet; MERGE would scan the entity's
// MENTIONS, which grow with every document that names it.
const WRITE_MENTIONS = `UNWIND $mentions AS m
     MATCH (d:${DOCUMENT_LABEL} {id: m.docId})
     MATCH (n:${ENTITY_LABEL} {id: m.entityId})
     CREATE (d)-[:${MENTIONS} {spans: m.spans}]->(n)`;

// One statement per relation type present (at most nine): MERGE needs a literal type, and a
// typed pattern lets Neo4j expand from the side with fewer edges of that type (one statement
// with a branch per type measured several times slower on a large graph).
// Support is appended without a membership test: the batch's documents are new or were stripped
// of their support in this transaction, so their ids are in no docIds yet.
// A row whose ends the relation table does not allow is not written (relationFitsCondition):
// relation reads rely on every stored relation fitting it.
function relationStatement(type: RelationType): string {
  if (!isRelationType(type)) throw new Error(`not a relation type: ${String(type)}`);
  return `UNWIND $relations AS rel
     MATCH (a:${ENTITY_LABEL} {id: rel.source})
     MATCH (b:${ENTITY_LABEL} {id: rel.target})
     WITH rel, a, b WHERE ${relationFitsCondition(type, 'a', 'b')}
     MERGE (a)-[r:${type}]->(b)
     ON CREATE SET r.docIds = [], r.evidence = [], r.justCreated = true
     WITH r, rel, coalesce(r.justCreated, false) AS created
     REMOVE r.justCreated
     SET r.docIds = r.docIds + rel.docIds, r.evidence = r.evidence + rel.evidence,
       r.weight = coalesce(r.weight, 0) + size(rel.docIds)
     RETURN rel.source AS source, rel.target AS target, created`;
}

const RELATION_STATEMENTS = new Map(RELATIONSHIP_TYPES.map((type) => [type, relationStatement(type)]));

export interface WrittenEntity {
  id: string;
  type: EntityType;
  name: string;
  created: boolean;
}

export interface WrittenRelation {
  type: RelationType;
  source: string;
  target: string;
  created: boolean;
}

export interface WrittenGraph {
  entities: WrittenEntity[];
  relations: WrittenRelation[];
  /** Prepared relations not written: their ends are of types the relation table does not join. */
  misfitRelations: PreparedRelation[];
  mentions: number;
}

/** Upserts entity rows (one statement); returns each row's node and whether it was created. */
export async function upsertEntities(tx: WriteTransaction, entities: readonly PreparedEntity[]): Promise<WrittenEntity[]> {
  if (entities.length === 0) return [];
  const rows = await tx.run(UPSERT_ENTITIES, { entities });
  return rows.map((row) => ({
    id: row.id as string,
    type: row.type as EntityType,
    name: row.name as string,
    created: row.created === true,
  }));
}

/** Writes MENTIONS edges (one statement); the documents and entities must exist already. */
export async function writeMentions(tx: WriteTransaction, mentions: readonly PreparedMention[]): Promise<number> {
  if (mentions.length === 0) return 0;
  await tx.run(WRITE_MENTIONS, { mentions });
  return mentions.length;
}

/**
 * Upserts relation rows, one statement per type present, adding their support (docIds,
 * evidence, weight). Both endpoints must exist already; a row whose endpoints' types the
 * relation table does not join for its type is left out (not in the answer).
 */
export async function upsertRelations(tx: WriteTransaction, relations: readonly PreparedRelation[]): Promise<WrittenRelation[]> {
  const written: WrittenRelation[] = [];
  const byType = new Map<RelationType, PreparedRelation[]>();
  for (const relation of relations) {
    const list = byType.get(relation.type);
    if (list) list.push(relation);
    else byType.set(relation.type, [relation]);
  }
  for (const [type, rows] of byType) {
    const result = await tx.run(RELATION_STATEMENTS.get(type)!, { relations: rows });
    for (const row of result) {
      written.push({ type, source: row.source as string, target: row.target as string, created: row.created === true });
    }
  }
  await refreshDegrees(
    tx,
    written.filter((relation) => relation.created).flatMap((relation) => [relation.source, relation.target]),
  );
  return written;
}

/**
 * Sets `degree` (model.ts) on the given entities that still exist, counted from their
 * relationships. Every write that adds or removes a relation calls it, in its transaction, with
 * the entities at both ends. Each node's write lock is taken before counting, so a concurrent
 * write to the same entity counts after this one commits and sees its relations: the last count
 * is always right, whatever locks Neo4j took when creating the relationships.
 */
export async function refreshDegrees(tx: WriteTransaction, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.run(
    `UNWIND $ids AS id
     MATCH (n:${ENTITY_LABEL} {id: id})
     SET n.degreeLock = true
     REMOVE n.degreeLock
     WITH n
     SET n.degree = COUNT { (n)-[:${ANY_RELATION}]-() }`,
    // Sorted: every writer takes the locks in the same order.
    { ids: [...new Set(ids)].sort() },
  );
}

/**
 * Writes a prepared batch: entities (one statement), mentions (one), relations (one per type
 * present). The documents must exist already (mergeDocuments, same transaction).
 */
export async function writeGraph(tx: WriteTransaction, graph: PreparedGraph): Promise<WrittenGraph> {
  if (graph.entities.length === 0) return { entities: [], relations: [], misfitRelations: [], mentions: 0 };
  const entities = await upsertEntities(tx, graph.entities);
  const mentions = await writeMentions(tx, graph.mentions);
  const relations = await upsertRelations(tx, graph.relations);
  // Both ends of every prepared relation were just upserted: a row missing from the answer is
  // one the relation table does not allow.
  const written = new Set(relations.map((relation) => `${relation.type}|${relation.source}|${relation.target}`));
  const misfitRelations = graph.relations.filter(
    (relation) => !written.has(`${relation.type}|${relation.source}|${relation.target}`),
  );
  return { entities, relations, misfitRelations, mentions };
}

/**
 * Leaves `(:Redirect {id: from, target: into})` for each merged id, and re-points the redirects
 * that led to `from`, so one hop always reaches the survivor (redirects.ts).
 */
export async function writeRedirects(tx: WriteTransaction, redirects: readonly { from: string; into: string }[]): Promise<void> {
  if (redirects.length === 0) return;
  await tx.run(
    `UNWIND $redirects AS r
     MERGE (redirect:${REDIRECT_LABEL} {id: r.from})
     SET redirect.target = r.into
     WITH r
     OPTIONAL MATCH (older:${REDIRECT_LABEL} {target: r.from})
     SET older.target = r.into`,
    { redirects },
  );
}
