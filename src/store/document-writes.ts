import type { DatePrecision, EntityType } from '../domain/entities.js';
import type { ExtractionResult } from '../extraction/types.js';
import type { RelationType } from '../domain/relations.js';
import { validateDocumentInput, type DocumentInput } from '../domain/document.js';
import { fullTextQueryForKeys } from './search.js';
import { matchKey } from '../domain/fold.js';
import { DOCUMENT_FIELDS, type DocumentRecord } from './documents.js';
import type { GraphStore, QueryCounter, WriteTransaction } from './graph-store.js';
import { DOCUMENT_LABEL, ENTITY_LABEL, ENTITY_LABELS, ENTITY_NAME_INDEX, MENTIONS, REDIRECT_LABEL, RELATIONSHIP_TYPES } from './model.js';
import { isRelationType } from '../domain/relations.js';
import { followRedirects } from './redirects.js';

const BY_ID = followRedirects('id');

/**
 * The batched write statements of ingestion. Every statement takes a list parameter and
 * UNWINDs it, so a batch of documents costs a fixed number of statements (documents, redirects,
 * entities, mentions, one per relation type present: at most 13 for the bulk path), never one
 * per entity. Bodies MERGE on constrained ids only, so a transaction the driver retries after
 * a dropped connection writes nothing twice.
 */

export interface DocumentProps {
  id: string;
  text: string;
  title: string | null;
  sourceUrl: string | null;
  language: string | null;
  publishedAt: string | null;
  contentHash: string;
  charCount: number;
  extractorVersion: string;
}

/** One document and the entities and relations it supports (ids already resolved). */
export interface GraphItem {
  document: DocumentProps;
  extraction: ExtractionResult;
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

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Folds a batch into one row per entity, per (document, entity) and per (type, source,
 * target), sorted by id so concurrent transactions lock nodes in the same order. Aliases carry
 * the document's language; the canonical name counts as an English alias.
 */
export function prepareGraph(items: readonly GraphItem[]): PreparedGraph {
  const entities = new Map<string, PreparedEntity>();
  const mentions: PreparedMention[] = [];
  const relations = new Map<string, PreparedRelation>();
  for (const { document, extraction } of items) {
    const language = document.language ?? 'und';
    const entityIds = new Set<string>();
    for (const entity of extraction.entities) {
      entityIds.add(entity.id);
      let row = entities.get(entity.id);
      if (!row) {
        row = {
          id: entity.id,
          type: entity.type,
          name: entity.name,
          generic: entity.generic ?? false,
          date: entity.date ?? null,
          datePrecision: entity.date ? (entity.datePrecision ?? null) : null,
          aliases: [],
          mentionCount: 0,
        };
        entities.set(entity.id, row);
      } else if (row.date === null && entity.date) {
        row.date = entity.date;
        row.datePrecision = entity.datePrecision ?? null;
      }
      const names = [
        ...entity.aliases.map((text) => ({ text, language })),
        { text: entity.name, language: 'en' },
      ];
      for (const { text, language: aliasLanguage } of names) {
        const key = matchKey(text);
        if (key.length > 0 && !row.aliases.some((alias) => alias.key === key)) {
          row.aliases.push({ text: text.trim(), language: aliasLanguage, key });
        }
      }
      const spans = [...new Set(entity.mentions.map((m) => `${m.start}:${m.end}`))];
      row.mentionCount += spans.length;
      // Every entity a document supports gets a MENTIONS edge, even without spans: deleting the
      // document then finds everything it supported from its own MENTIONS.
      mentions.push({ docId: document.id, entityId: entity.id, spans });
    }
    for (const relation of extraction.relations) {
      if (!entityIds.has(relation.source) || !entityIds.has(relation.target) || relation.source === relation.target) {
        continue;
      }
      const key = `${relation.source}|${relation.type}|${relation.target}`;
      let row = relations.get(key);
      if (!row) {
        row = { type: relation.type, source: relation.source, target: relation.target, docIds: [], evidence: [] };
        relations.set(key, row);
      }
      if (!row.docIds.includes(document.id)) row.docIds.push(document.id);
      for (const span of relation.evidence) {
        const evidence = `${document.id}:${span.start}:${span.end}`;
        if (!row.evidence.includes(evidence)) row.evidence.push(evidence);
      }
    }
  }
  return {
    entities: [...entities.values()].sort(byId),
    mentions,
    relations: [...relations.values()].sort((a, b) =>
      a.type !== b.type ? (a.type < b.type ? -1 : 1) : a.source !== b.source ? (a.source < b.source ? -1 : 1) : a.target < b.target ? -1 : 1,
    ),
  };
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

/** Where merged ids now live: each id maps to its redirect target, or to itself. */
export async function resolveRedirects(tx: WriteTransaction, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.run(
    `UNWIND $ids AS id
     ${BY_ID.match}
     WITH id, ${BY_ID.target} AS target WHERE target <> id
     RETURN id, target`,
    { ids },
  );
  const targets = new Map(ids.map((id) => [id, id]));
  for (const row of rows) targets.set(row.id as string, row.target as string);
  return targets;
}

export interface EntityLookup {
  /** The id after following a redirect left by mergeEntities. */
  target: string;
  exists: boolean;
}

/** Follows redirects and tells which ids already name an entity (one statement). */
export async function lookupEntities(tx: WriteTransaction, ids: readonly string[]): Promise<Map<string, EntityLookup>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.run(
    `UNWIND $ids AS id
     ${BY_ID.match}
     WITH id, ${BY_ID.target} AS target
     OPTIONAL MATCH (n:${ENTITY_LABEL} {id: target})
     RETURN id, target, n IS NOT NULL AS exists`,
    { ids },
  );
  return new Map(rows.map((row) => [row.id as string, { target: row.target as string, exists: row.exists === true }]));
}

export interface NameCandidate {
  id: string;
  type: EntityType;
  /** matchKey of each of its names. */
  keys: string[];
}

/**
 * Existing entities of the same type that share a name (folded) with each candidate, through
 * the full-text index (phrase query) and then an exact check on `matchKeys`. Generic entities
 * never match by name.
 */
export async function findEntitiesByNames(
  tx: WriteTransaction,
  candidates: readonly NameCandidate[],
): Promise<Map<string, string[]>> {
  const rows = candidates.filter((candidate) => candidate.keys.length > 0);
  if (rows.length === 0) return new Map();
  const found = await tx.run(
    `UNWIND $candidates AS c
     CALL (c) {
       CALL db.index.fulltext.queryNodes($index, c.query, {limit: 25}) YIELD node
       RETURN node
     }
     WITH c, node
     WHERE node.type = c.type AND NOT coalesce(node.generic, false)
       AND any(k IN coalesce(node.matchKeys, []) WHERE k IN c.keys)
     RETURN c.id AS id, collect(DISTINCT node.id) AS matches`,
    {
      index: ENTITY_NAME_INDEX,
      candidates: rows.map((candidate) => ({ ...candidate, query: fullTextQueryForKeys(candidate.keys) })),
    },
  );
  return new Map(found.map((row) => [row.id as string, (row.matches as string[]).sort()]));
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
     ON CREATE SET n.type = e.type, n.name = e.name, n.nameCurated = false, n.aliases = [], n.aliasLanguages = [],
       n.aliasesCurated = false, n.matchKeys = [], n.generic = e.generic, n.mentionCount = 0, n.justCreated = true
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
function relationStatement(type: RelationType): string {
  if (!isRelationType(type)) throw new Error(`not a relation type: ${String(type)}`);
  return `UNWIND $relations AS rel
     MATCH (a:${ENTITY_LABEL} {id: rel.source})
     MATCH (b:${ENTITY_LABEL} {id: rel.target})
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
  mentions: number;
}

/**
 * Writes a prepared batch: entities (one statement), mentions (one), relations (one per type
 * present). The documents must exist already (mergeDocuments, same transaction).
 */
export async function writeGraph(tx: WriteTransaction, graph: PreparedGraph): Promise<WrittenGraph> {
  if (graph.entities.length === 0) return { entities: [], relations: [], mentions: 0 };
  const entityRows = await tx.run(UPSERT_ENTITIES, { entities: graph.entities });
  await tx.run(WRITE_MENTIONS, { mentions: graph.mentions });
  const relations: WrittenRelation[] = [];
  const byType = new Map<RelationType, PreparedRelation[]>();
  for (const relation of graph.relations) {
    const list = byType.get(relation.type);
    if (list) list.push(relation);
    else byType.set(relation.type, [relation]);
  }
  for (const [type, rows] of byType) {
    const written = await tx.run(RELATION_STATEMENTS.get(type)!, { relations: rows });
    for (const row of written) {
      relations.push({ type, source: row.source as string, target: row.target as string, created: row.created === true });
    }
  }
  return {
    entities: entityRows.map((row) => ({
      id: row.id as string,
      type: row.type as EntityType,
      name: row.name as string,
      created: row.created === true,
    })),
    relations,
    mentions: graph.mentions.length,
  };
}

/**
 * Takes a document's support off the graph without deleting anything yet: its id and evidence
 * leave every relationship, its MENTIONS go (and their spans leave mentionCount). Returns the
 * entities it touched, for collectUnsupported once the transaction's other writes are done.
 */
export async function stripDocumentSupport(
  tx: WriteTransaction,
  docId: string,
): Promise<{ entityIds: string[]; relationsUpdated: number }> {
  const relationRows = await tx.run(
    `MATCH (:${DOCUMENT_LABEL} {id: $docId})-[:${MENTIONS}]->(:${ENTITY_LABEL})-[r]->(:${ENTITY_LABEL})
     WHERE $docId IN r.docIds
     WITH DISTINCT r
     SET r.docIds = [x IN r.docIds WHERE x <> $docId],
       r.evidence = [x IN coalesce(r.evidence, []) WHERE NOT x STARTS WITH $evidencePrefix]
     SET r.weight = size(r.docIds)
     RETURN count(r) AS relations`,
    { docId, evidencePrefix: `${docId}:` },
  );
  const mentionRows = await tx.run(
    `MATCH (:${DOCUMENT_LABEL} {id: $docId})-[m:${MENTIONS}]->(n:${ENTITY_LABEL})
     SET n.mentionCount = coalesce(n.mentionCount, 0) - size(coalesce(m.spans, []))
     DELETE m
     RETURN collect(n.id) AS entityIds`,
    { docId },
  );
  return {
    entityIds: (mentionRows[0]?.entityIds as string[] | undefined) ?? [],
    relationsUpdated: (relationRows[0]?.relations as number | undefined) ?? 0,
  };
}

/**
 * Deletes, around the given entities, every relationship no document supports any more, then
 * every entity that no document mentions and no supported relationship touches, and the
 * redirects that pointed to those.
 */
export async function collectUnsupported(
  tx: WriteTransaction,
  entityIds: readonly string[],
): Promise<{ deletedEntityIds: string[]; deletedRelations: number }> {
  if (entityIds.length === 0) return { deletedEntityIds: [], deletedRelations: 0 };
  const relationRows = await tx.run(
    `UNWIND $ids AS id
     MATCH (:${ENTITY_LABEL} {id: id})-[r]-(:${ENTITY_LABEL})
     WHERE r.docIds IS NOT NULL AND size(r.docIds) = 0
     WITH DISTINCT r
     DELETE r
     RETURN count(*) AS deleted`,
    { ids: entityIds },
  );
  const entityRows = await tx.run(
    `UNWIND $ids AS id
     MATCH (n:${ENTITY_LABEL} {id: id})
     WHERE NOT EXISTS { (:${DOCUMENT_LABEL})-[:${MENTIONS}]->(n) }
       AND NOT EXISTS { (n)-[r]-(:${ENTITY_LABEL}) WHERE size(coalesce(r.docIds, [])) > 0 }
     WITH DISTINCT n
     WITH n, n.id AS deletedId
     DETACH DELETE n
     WITH collect(deletedId) AS deletedIds
     OPTIONAL MATCH (redirect:${REDIRECT_LABEL}) WHERE redirect.target IN deletedIds
     DELETE redirect
     RETURN deletedIds`,
    { ids: entityIds },
  );
  return {
    deletedEntityIds: [...new Set((entityRows[0]?.deletedIds as string[] | undefined) ?? [])],
    deletedRelations: (relationRows[0]?.deleted as number | undefined) ?? 0,
  };
}

export function documentProps(input: DocumentInput, extractorVersion: string, maxChars = Number.MAX_SAFE_INTEGER): DocumentProps {
  const doc = validateDocumentInput(input, maxChars);
  return {
    ...doc,
    contentHash: doc.id.slice('document:'.length),
    charCount: doc.text.length,
    extractorVersion,
  };
}

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
    };
  }, counter);
}

/**
 * Rewrites an extraction onto resolved ids: entities that land on the same node become one
 * (aliases and mentions add up), relations follow, self-loops drop out.
 */
export function redirectExtraction(extraction: ExtractionResult, targets: ReadonlyMap<string, string>): ExtractionResult {
  const target = (id: string) => targets.get(id) ?? id;
  const entities = new Map<string, ExtractionResult['entities'][number]>();
  for (const entity of extraction.entities) {
    const id = target(entity.id);
    const known = entities.get(id);
    if (!known) {
      entities.set(id, { ...entity, id });
    } else {
      const spans = new Set(known.mentions.map((m) => `${m.start}:${m.end}`));
      entities.set(id, {
        ...known,
        aliases: [...new Set([...known.aliases, entity.name, ...entity.aliases])],
        date: known.date ?? entity.date,
        datePrecision: known.date ? known.datePrecision : entity.datePrecision,
        mentions: [...known.mentions, ...entity.mentions.filter((m) => !spans.has(`${m.start}:${m.end}`))],
      });
    }
  }
  const relations = new Map<string, ExtractionResult['relations'][number]>();
  for (const relation of extraction.relations) {
    const source = target(relation.source);
    const targetId = target(relation.target);
    if (source === targetId) continue;
    const key = `${source}|${relation.type}|${targetId}`;
    const known = relations.get(key);
    relations.set(
      key,
      known
        ? { ...known, evidence: [...known.evidence, ...relation.evidence] }
        : { ...relation, source, target: targetId },
    );
  }
  return { ...extraction, entities: [...entities.values()], relations: [...relations.values()] };
}
