import type { EntityType } from '../domain/entities.js';
import type { GraphStore, QueryCounter } from './graph-store.js';
import { ANY_RELATION, ENTITY_PROJECTION, toEntityRecord, type EntityRecord } from './entities.js';
import { DOCUMENT_LABEL, ENTITY_LABEL, ENTITY_NAME_INDEX, MENTIONS } from './model.js';
import { isEntityType } from '../domain/entities.js';
import { foldApostrophes, foldName, matchKey } from '../domain/fold.js';
import { followRedirects } from './redirects.js';
import { keysetClauses, keysetResult, type KeyValues, type KeysetPage, type SortKey } from './keyset.js';

const BY_ENTITY = followRedirects('$entityId');

/** Characters with a meaning in Lucene's query syntax; user input has them escaped. */
const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

/** A Lucene query for the full-text index that finds any of the names (match keys) as a phrase. */
export function fullTextQueryForKeys(keys: readonly string[]): string {
  return keys
    .filter((key) => key.length > 0)
    .map((key) => `"${key.replace(/["\\]/g, ' ')}"`)
    .join(' OR ');
}

export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (char) => `\\${char}`);
}

/**
 * A Lucene query from what a user typed: every word must match (so "securite d'etat" finds
 * "Sécurité d'État" but not every "sécurité"), and the last word also matches as a prefix, for
 * search-as-you-type. Wildcard terms skip the analyzer, so that prefix is folded here
 * (domain/fold.ts), as the `standard-folding` analyzer folds indexed text. Returns null when
 * nothing searchable is left.
 */
export function toLuceneQuery(input: string): string | null {
  const words = foldApostrophes(input.normalize('NFC'))
    .split(/[^\p{L}\p{N}']+/u)
    .map((word) => word.replace(/^'+|'+$/g, ''))
    .filter((word) => word.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  const clauses = words.map((word, index) => {
    // Lower case so that words such as AND or NOT stay words, not operators.
    const exact = escapeLucene(word.toLowerCase());
    const prefix = foldName(word);
    // A prefix of one or two letters would match half the index.
    if (index === words.length - 1 && prefix.length >= 3) return `+(${exact} OR ${escapeLucene(prefix)}*)`;
    return `+${exact}`;
  });
  return clauses.join(' ');
}

export interface SearchHitRecord {
  entity: EntityRecord;
  score: number;
  /** The row's sort key values, for its cursor. */
  key: KeyValues;
}

export interface SearchInput {
  query: string;
  types: readonly EntityType[] | null;
}

/**
 * How well an entity's own names match the query, from those names alone (never from index
 * statistics, which move whenever anything is loaded): 4 when the name is the query (folded, as
 * domain/fold.ts matchKey folds), 3 when an alias is, 2 when the name or an alias starts with it,
 * 1 for any other hit of the full-text index (every word found somewhere in the names). The
 * fraction added, in (0, 1), ranks shorter names first within a class: the query covers more of
 * them. An entity's score changes only when its own names do, so a search's order is a keyset
 * order like any other and its cursors stay valid when data is added.
 */
const MATCH_SCORE = `CASE
       WHEN n.nameKey = $searchKey THEN 4
       WHEN $searchKey IN coalesce(n.matchKeys, []) THEN 3
       WHEN any(key IN coalesce(n.matchKeys, []) WHERE key STARTS WITH $searchKey) THEN 2
       ELSE 1
     END + toFloat(size($searchKey)) / (size($searchKey) + size(coalesce(n.nameKey, '')) + 1)`;

/** Best match first; ties by folded name, then id, so the order is total (keyset.ts). */
const SEARCH_ORDER: SortKey[] = [
  { expression: 'score', direction: 'DESC' },
  { expression: "coalesce(n.nameKey, '')", direction: 'ASC' },
  { expression: 'n.id', direction: 'ASC' },
];

export const SEARCH_ORDER_KEY_COUNT = SEARCH_ORDER.length;

/**
 * The hits of a search as `n`, or null when nothing searchable was typed. The full-text index
 * finds them (every word, the last also as a prefix); whether a node is a hit depends on its own
 * text only, not on what else is indexed.
 */
function searchClauses(input: SearchInput): { match: string; params: Record<string, unknown> } | null {
  const lucene = toLuceneQuery(input.query);
  if (lucene === null) return null;
  return {
    match: `CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node AS n
     WHERE $types IS NULL OR n.type IN $types`,
    params: { index: ENTITY_NAME_INDEX, lucene, types: input.types, searchKey: matchKey(input.query) },
  };
}

/**
 * One page of a search over names and aliases (the `entityNames` index), best match first
 * (MATCH_SCORE), after or before a sort key (keyset paging). Every hit's key (score, folded name,
 * id) comes from the hit itself, so loads elsewhere never move a cursor's place: a next page
 * neither repeats nor skips hits.
 */
export async function searchEntities(
  store: GraphStore,
  input: SearchInput,
  page: KeysetPage,
  counter?: QueryCounter,
): Promise<{ rows: SearchHitRecord[]; hasMore: boolean }> {
  const search = searchClauses(input);
  if (search === null) return { rows: [], hasMore: false };
  const keyset = keysetClauses(SEARCH_ORDER, page);
  const rows = await store.read(
    `${search.match}
     WITH n, ${MATCH_SCORE} AS score
     WITH n, score WHERE ${keyset.where}
     ORDER BY ${keyset.order}
     LIMIT $keysetLimit
     RETURN n ${ENTITY_PROJECTION} AS entity, score, ${keyset.values} AS key`,
    { ...search.params, ...keyset.params },
    counter,
  );
  return keysetResult(
    rows.map((row) => ({ entity: toEntityRecord(row.entity), score: row.score as number, key: row.key as KeyValues })),
    page,
  );
}

/** How many entities a search finds in all. */
export async function countSearchHits(store: GraphStore, input: SearchInput, counter?: QueryCounter): Promise<number> {
  const search = searchClauses(input);
  if (search === null) return 0;
  const rows = await store.read(`${search.match} RETURN count(n) AS total`, search.params, counter);
  return (rows[0]?.total as number | undefined) ?? 0;
}

export type EntityOrder = 'NAME' | 'DATE_ASC' | 'DATE_DESC' | 'DEGREE' | 'MENTIONS';

export interface EntityFilter {
  types?: readonly EntityType[] | null;
  /** Words matched against names and aliases (full-text). */
  search?: string | null;
  /** Entities with an alias seen in this language. */
  language?: string | null;
  documentId?: string | null;
  /** Inclusive bounds on the entity's date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); partial dates overlap. */
  dateFrom?: string | null;
  dateTo?: string | null;
  includeGeneric?: boolean | null;
}

/** A partial date's first and last day, as comparable strings (`2024-05` spans `2024-05-01`..`2024-05-31`). */
export function dateBounds(date: string): { first: string; last: string } {
  if (date.length === 4) return { first: `${date}-01-01`, last: `${date}-12-31` };
  if (date.length === 7) return { first: `${date}-01`, last: `${date}-31` };
  return { first: date, last: date };
}

/**
 * The MATCH and WHERE that select the entities of a filter, as `n`. A search goes through the
 * full-text index first (its hits are few); the other conditions are plain predicates.
 */
export function filterClauses(filter: EntityFilter): { match: string; params: Record<string, unknown> } {
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  // One type: its label narrows the scan (checked against the model before it becomes Cypher).
  const singleType = filter.types?.length === 1 && isEntityType(filter.types[0]!) ? filter.types[0]! : null;
  let match = `MATCH (n:${singleType ?? ENTITY_LABEL})`;
  const lucene = filter.search ? toLuceneQuery(filter.search) : null;
  if (filter.search && lucene === null) {
    // Nothing searchable in the input: no entity matches.
    conditions.push('false');
  } else if (lucene !== null) {
    match = `CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node AS n`;
    params.index = ENTITY_NAME_INDEX;
    params.lucene = lucene;
  }
  if (filter.documentId) {
    match += ` MATCH (:${DOCUMENT_LABEL} {id: $documentId})-[:${MENTIONS}]->(n)`;
    params.documentId = filter.documentId;
  }
  if (filter.types?.length) {
    conditions.push('n.type IN $types');
    params.types = filter.types;
  }
  if (filter.language) {
    conditions.push('$language IN coalesce(n.aliasLanguages, [])');
    params.language = filter.language;
  }
  if (filter.dateFrom || filter.dateTo) {
    conditions.push('n.date IS NOT NULL');
    // A date overlaps the range when its last day is not before the start and its first day not after the end.
    const last = `CASE size(n.date) WHEN 4 THEN n.date + '-12-31' WHEN 7 THEN n.date + '-31' ELSE n.date END`;
    const first = `CASE size(n.date) WHEN 4 THEN n.date + '-01-01' WHEN 7 THEN n.date + '-01' ELSE n.date END`;
    if (filter.dateFrom) {
      conditions.push(`${last} >= $dateFrom`);
      params.dateFrom = dateBounds(filter.dateFrom).first;
    }
    if (filter.dateTo) {
      conditions.push(`${first} <= $dateTo`);
      params.dateTo = dateBounds(filter.dateTo).last;
    }
  }
  if (filter.includeGeneric === false) conditions.push('NOT coalesce(n.generic, false)');
  const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
  return { match: `${match}${where}`, params };
}

const ASC = 'ASC' as const;
const DESC = 'DESC' as const;
const UNDATED_LAST: SortKey = { expression: 'n.date IS NULL', direction: ASC };
const BY_ID: SortKey = { expression: 'n.id', direction: ASC };

/**
 * Each order as non-null sort keys ending with the id (keyset.ts), the rank it may compute first,
 * and a condition it may need. DEGREE reads the stored `degree` (model.ts), ties by id
 * descending: that is the order of the entity_degree_id index, which Neo4j walks from the cursor
 * and leaves after the page (its `IS NOT NULL` conditions allow that scan; every entity has both),
 * instead of counting every entity's relations.
 */
const ORDER_BY: Record<EntityOrder, { extra: string; condition?: string; keys: SortKey[] }> = {
  NAME: { extra: '', keys: [{ expression: 'n.name', direction: ASC }, BY_ID] },
  DATE_ASC: { extra: '', keys: [UNDATED_LAST, { expression: "coalesce(n.date, '')", direction: ASC }, BY_ID] },
  DATE_DESC: { extra: '', keys: [UNDATED_LAST, { expression: "coalesce(n.date, '')", direction: DESC }, BY_ID] },
  DEGREE: {
    extra: '',
    condition: 'n.degree IS NOT NULL AND n.id IS NOT NULL',
    keys: [
      { expression: 'n.degree', direction: DESC },
      { expression: 'n.id', direction: DESC },
    ],
  },
  MENTIONS: { extra: `, coalesce(n.mentionCount, 0) AS rank`, keys: [{ expression: 'rank', direction: DESC }, BY_ID] },
};

/** How many values a cursor of each order carries. */
export const ENTITY_ORDER_KEY_COUNT = Object.fromEntries(
  Object.entries(ORDER_BY).map(([order, { keys }]) => [order, keys.length]),
) as Record<EntityOrder, number>;

export interface KeyedEntity {
  entity: EntityRecord;
  /** The row's sort key values, for its cursor. */
  key: KeyValues;
}

/** One page of entities in the given order, after or before a sort key (keyset paging). */
export async function listEntities(
  store: GraphStore,
  filter: EntityFilter,
  orderBy: EntityOrder,
  page: KeysetPage,
  counter?: QueryCounter,
): Promise<{ rows: KeyedEntity[]; hasMore: boolean }> {
  const { match, params } = filterClauses(filter);
  const { extra, condition, keys } = ORDER_BY[orderBy];
  const keyset = keysetClauses(keys, page);
  const rows = await store.read(
    `${match}
     WITH n${extra}
     WHERE ${condition ? `${condition} AND (${keyset.where})` : keyset.where}
     ORDER BY ${keyset.order}
     LIMIT $keysetLimit
     RETURN n ${ENTITY_PROJECTION} AS entity, ${keyset.values} AS key`,
    { ...params, ...keyset.params },
    counter,
  );
  return keysetResult(
    rows.map((row) => ({ entity: toEntityRecord(row.entity), key: row.key as KeyValues })),
    page,
  );
}

export async function countEntities(store: GraphStore, filter: EntityFilter, counter?: QueryCounter): Promise<number> {
  const { match, params } = filterClauses(filter);
  const rows = await store.read(`${match} RETURN count(n) AS total`, params, counter);
  return (rows[0]?.total as number | undefined) ?? 0;
}

export interface TimelineInput {
  from: string | null;
  to: string | null;
  entityId: string | null;
}

/** Date order (a partial date sorts before the days of its month or year), then id. */
const TIMELINE_ORDER: SortKey[] = [
  { expression: 'e.date', direction: 'ASC' },
  { expression: 'e.id', direction: 'ASC' },
];

export const TIMELINE_ORDER_KEY_COUNT = TIMELINE_ORDER.length;

/**
 * The events of a timeline as `e`: dated ones only (a timeline needs a date), optionally only
 * those related to one entity by any relation, either way.
 */
function timelineClauses(input: TimelineInput): { match: string; params: Record<string, unknown> } {
  const conditions = ['e.date IS NOT NULL'];
  const params: Record<string, unknown> = {};
  if (input.from) {
    conditions.push(
      `CASE size(e.date) WHEN 4 THEN e.date + '-12-31' WHEN 7 THEN e.date + '-31' ELSE e.date END >= $from`,
    );
    params.from = dateBounds(input.from).first;
  }
  if (input.to) {
    conditions.push(`CASE size(e.date) WHEN 4 THEN e.date + '-01-01' WHEN 7 THEN e.date + '-01' ELSE e.date END <= $to`);
    params.to = dateBounds(input.to).last;
  }
  let match = `MATCH (e:Event)`;
  if (input.entityId) {
    match = `${BY_ENTITY.match}
     WITH ${BY_ENTITY.target} AS entityId
     MATCH (:${ENTITY_LABEL} {id: entityId})-[:${ANY_RELATION}]-(e:Event) WITH DISTINCT e`;
    params.entityId = input.entityId;
  }
  return { match: `${match}\n     WITH e WHERE ${conditions.join(' AND ')}`, params };
}

/** One page of a timeline after or before a sort key (keyset paging), with each row's key. */
export async function listTimeline(
  store: GraphStore,
  input: TimelineInput,
  page: KeysetPage,
  counter?: QueryCounter,
): Promise<{ rows: KeyedEntity[]; hasMore: boolean }> {
  const { match, params } = timelineClauses(input);
  const keyset = keysetClauses(TIMELINE_ORDER, page);
  const rows = await store.read(
    `${match}
     WITH e WHERE ${keyset.where}
     RETURN e ${ENTITY_PROJECTION} AS entity, ${keyset.values} AS key
     ORDER BY ${keyset.order}
     LIMIT $keysetLimit`,
    { ...params, ...keyset.params },
    counter,
  );
  return keysetResult(
    rows.map((row) => ({ entity: toEntityRecord(row.entity), key: row.key as KeyValues })),
    page,
  );
}

/** How many events a timeline holds in all. */
export async function countTimeline(store: GraphStore, input: TimelineInput, counter?: QueryCounter): Promise<number> {
  const { match, params } = timelineClauses(input);
  const rows = await store.read(`${match} RETURN count(e) AS total`, params, counter);
  return (rows[0]?.total as number | undefined) ?? 0;
}
