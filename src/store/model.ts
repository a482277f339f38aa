import { ENTITY_TYPES, type EntityType } from '../domain/entities.js';
import { RELATION_TYPES, RELATIONS, type RelationType } from '../domain/relations.js';

/**
 * How the knowledge model is laid out in Neo4j. Labels and relationship types come from these
 * constants only, never from input: Cypher text that names them is built from this map after
 * the input was checked against it.
 *
 * - Entities: `(:Entity:<Type> {id, type, name, nameKey, nameCurated, aliases, aliasLanguages,
 *   aliasesCurated, searchText, generic, date, datePrecision, mentionCount, matchKeys})`. `aliases` and
 *   `aliasLanguages` are parallel lists; `searchText` feeds the full-text index; `matchKeys`
 *   holds the folded form of the name and each alias (domain/fold.ts), what a later
 *   document's names are matched against; `nameKey` is the name's own folded form (search ranks
 *   and pages by it); `degree` counts the entity's relations to other entities, both
 *   directions (graph-writes.ts refreshDegrees, called by every write that adds or removes one),
 *   so ordering by degree reads an index instead of counting every node's relations; `mentionCount` is the number of mention spans over all
 *   documents.
 * - Documents: `(:Document {id, title, sourceUrl, language, publishedAt, contentHash, text,
 *   extractorVersion, ingestedAt, charCount})`.
 * - Mentions: `(:Document)-[:MENTIONS {spans: ["start:end", ...]}]->(entity)`. Every entity a
 *   document supports has one (spans may be empty), so its support is found from the document.
 * - Relations: one relationship per (type, source, target) with `docIds`, `evidence`
 *   (`docId:start:end`) and `weight` (number of supporting documents).
 * - Merged ids: `(:Redirect {id, target})`, left by mergeEntities.
 * - `(:WriteLock {key})`: created and deleted inside one write transaction (write-locks.ts).
 * - `(:GraphVersion {id: 'graph', version})`: one node, its version raised by every write
 *   transaction (GraphStore.write), so any process can tell that the graph changed.
 */

export const ENTITY_LABEL = 'Entity';
export const DOCUMENT_LABEL = 'Document';
export const REDIRECT_LABEL = 'Redirect';
export const MENTIONS = 'MENTIONS';
/** Short-lived lock nodes of write transactions (write-locks.ts); never committed. */
export const WRITE_LOCK_LABEL = 'WriteLock';
/** The graph's version stamp (GraphStore.write raises it; the response cache reads it). */
export const GRAPH_VERSION_LABEL = 'GraphVersion';

export const ENTITY_LABELS: readonly EntityType[] = ENTITY_TYPES;
export const RELATIONSHIP_TYPES: readonly RelationType[] = RELATION_TYPES;

/**
 * A Cypher condition: a `type` relation from node `a` to node `b` joins the entity types the
 * relation table allows (domain/relations.ts). On labels, what relation reads filter on, so a
 * graph where every relation passes it lets those reads skip the filter where the table fixes
 * the other end's type. Built from the model's constants only.
 */
export function relationFitsCondition(type: RelationType, a: string, b: string): string {
  return RELATIONS[type].endpoints
    .map((rule) => `(${a}:${rule.from.join('|')} AND ${b}:${rule.to === 'any' ? ENTITY_LABEL : rule.to.join('|')})`)
    .join(' OR ');
}

/** The full-text index over entity names and aliases, accent- and case-insensitive. */
export const ENTITY_NAME_INDEX = 'entityNames';

/** Applied at start; every statement is idempotent. */
export const SCHEMA_STATEMENTS: readonly string[] = [
  `CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:${ENTITY_LABEL}) REQUIRE n.id IS UNIQUE`,
  ...ENTITY_LABELS.map(
    (label) => `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  ),
  `CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:${DOCUMENT_LABEL}) REQUIRE d.id IS UNIQUE`,
  `CREATE CONSTRAINT redirect_id IF NOT EXISTS FOR (r:${REDIRECT_LABEL}) REQUIRE r.id IS UNIQUE`,
  `CREATE CONSTRAINT write_lock_key IF NOT EXISTS FOR (l:${WRITE_LOCK_LABEL}) REQUIRE l.key IS UNIQUE`,
  `CREATE CONSTRAINT graph_version_id IF NOT EXISTS FOR (v:${GRAPH_VERSION_LABEL}) REQUIRE v.id IS UNIQUE`,
  `CREATE INDEX entity_type IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON (n.type)`,
  `CREATE INDEX entity_date IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON (n.date)`,
  `CREATE INDEX entity_name IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON (n.name)`,
  // Degree, then id: the full order of "best connected first", so a page reads only its own rows.
  `CREATE INDEX entity_degree_id IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON (n.degree, n.id)`,
  `CREATE INDEX document_published IF NOT EXISTS FOR (d:${DOCUMENT_LABEL}) ON (d.publishedAt)`,
  `CREATE INDEX document_ingested IF NOT EXISTS FOR (d:${DOCUMENT_LABEL}) ON (d.ingestedAt)`,
  `CREATE FULLTEXT INDEX ${ENTITY_NAME_INDEX} IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON EACH [n.searchText]
     OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding', \`fulltext.eventually_consistent\`: false } }`,
];
