import type { EntityType } from '../domain/entities.js';
import type { RelationType } from '../domain/relations.js';
import type { GraphStore, QueryCounter } from './graph-store.js';
import { ENTITY_LABEL, RELATIONSHIP_TYPES } from './model.js';
import { isEntityType } from '../domain/entities.js';
import { isRelationType } from '../domain/relations.js';
import { filterClauses, type EntityFilter } from './search.js';
import { int } from './values.js';
import { followRedirects } from './redirects.js';

const REQUESTED = followRedirects('requested');
const FROM = followRedirects('$from');
const TO = followRedirects('$to');

/**
 * Flat, de-duplicated node and edge lists that graph front-ends (Cytoscape, sigma/graphology,
 * NVL) take as they are. Edge ids are `source|TYPE|target`, stable across queries, so a front-end
 * can merge one expansion into the next. Each view is one Cypher query. Generic entities are
 * stepped over unless asked for; documents and MENTIONS never take part.
 */

export interface GraphNodeRecord {
  id: string;
  type: EntityType;
  name: string;
  /** Relations to other entities, both directions, whatever the view shows: for sizing. */
  degree: number;
  generic: boolean;
  /** Hops from the nearest seed (neighbourhood) or position on the path (shortest path); else null. */
  distance: number | null;
}

export interface GraphEdgeRecord {
  id: string;
  source: string;
  target: string;
  type: RelationType;
  /** Number of supporting documents. */
  weight: number;
}

export interface GraphViewRecord {
  nodes: GraphNodeRecord[];
  edges: GraphEdgeRecord[];
  /** True when the node limit cut the view short. */
  truncated: boolean;
}

export function edgeId(source: string, type: string, target: string): string {
  return `${source}|${type}|${target}`;
}

/** Relationship type alternation for a pattern, from checked constants. */
function relationAlternation(relationTypes: readonly RelationType[] | null | undefined): string {
  const types = relationTypes?.length ? relationTypes : RELATIONSHIP_TYPES;
  for (const type of types) {
    if (!isRelationType(type)) throw new Error(`unknown relation type ${type}`);
  }
  return types.join('|');
}

function checkTypes(types: readonly EntityType[] | null | undefined): readonly EntityType[] | null {
  for (const type of types ?? []) {
    if (!isEntityType(type)) throw new Error(`unknown entity type ${type}`);
  }
  return types?.length ? types : null;
}

/** `degree` is the stored count (model.ts), kept by every write that adds or removes a relation. */
const NODE_FIELDS = `.id, .type, .name, .degree, generic: coalesce(n.generic, false)`;

/** Edges among `kept` (a list of nodes) of the given types, each once. */
const EDGES_AMONG_KEPT = (relation: string) => `
  CALL (kept) {
    UNWIND kept AS a
    MATCH (a)-[r:${relation}]->(b)
    WHERE b IN kept
    RETURN collect({source: a.id, target: b.id, type: type(r), weight: r.weight}) AS edges
  }`;

function toView(row: Record<string, unknown> | undefined, truncated: boolean): GraphViewRecord {
  const nodes = ((row?.nodes as Record<string, unknown>[] | undefined) ?? []).map(
    (node): GraphNodeRecord => ({
      id: node.id as string,
      type: node.type as EntityType,
      name: (node.name as string | null) ?? (node.id as string),
      degree: (node.degree as number | null) ?? 0,
      generic: node.generic === true,
      distance: (node.distance as number | null | undefined) ?? null,
    }),
  );
  const edges = ((row?.edges as Record<string, unknown>[] | undefined) ?? []).map(
    (edge): GraphEdgeRecord => ({
      id: edgeId(edge.source as string, edge.type as string, edge.target as string),
      source: edge.source as string,
      target: edge.target as string,
      type: edge.type as RelationType,
      weight: (edge.weight as number | null) ?? 0,
    }),
  );
  return { nodes, edges, truncated };
}

export interface NeighborhoodInput {
  ids: readonly string[];
  /** 1 to 3; checked by the caller against the configured maximum. */
  depth: number;
  relationTypes?: readonly RelationType[] | null;
  /** Entities of other types are neither shown nor walked through. */
  types?: readonly EntityType[] | null;
  /** Most nodes to return, seeds first, then nearest first. */
  limit: number;
  includeGeneric?: boolean;
}

/**
 * The entities within `depth` hops of the seeds, breadth first: each level expands only the
 * previous one and skips what was already seen, so a hub does not blow up into every path
 * through it, and expansion stops once `limit` nodes are known.
 */
export async function loadNeighborhood(
  store: GraphStore,
  input: NeighborhoodInput,
  counter?: QueryCounter,
): Promise<GraphViewRecord> {
  if (!Number.isInteger(input.depth) || input.depth < 0 || input.depth > 3) {
    throw new Error(`neighbourhood depth must be 0 to 3, got ${input.depth}`);
  }
  const relation = relationAlternation(input.relationTypes);
  const types = checkTypes(input.types);
  const levels: string[] = [];
  const ranked = ['[n IN level0 | {node: n, distance: 0}]'];
  for (let level = 1; level <= input.depth; level += 1) {
    levels.push(`
      CALL (level${level - 1}, visited) {
        WITH level${level - 1} AS frontier, visited WHERE size(visited) < $limit
        UNWIND frontier AS s
        MATCH (s)-[:${relation}]-(m:${ENTITY_LABEL})
        WHERE NOT m IN visited
          AND ($includeGeneric OR NOT coalesce(m.generic, false))
          AND ($types IS NULL OR m.type IN $types)
        WITH DISTINCT m ORDER BY m.id
        RETURN collect(m) AS level${level}
      }
      WITH level${level}, ${Array.from({ length: level }, (_, i) => `level${i}`).join(', ')}, visited + level${level} AS visited`);
    ranked.push(`[n IN level${level} | {node: n, distance: ${level}}]`);
  }
  const rows = await store.read(
    `UNWIND $ids AS requested
     ${REQUESTED.match}
     WITH DISTINCT ${REQUESTED.target} AS id
     MATCH (seed:${ENTITY_LABEL} {id: id})
     WITH seed ORDER BY seed.id
     WITH collect(seed) AS level0
     WITH level0, level0 AS visited
     ${levels.join('\n')}
     WITH ${ranked.join(' + ')} AS ranked
     WITH ranked[0..$limit] AS ranked, size(ranked) > $limit AS truncated
     WITH ranked, truncated, [entry IN ranked | entry.node] AS kept
     CALL (ranked) {
       UNWIND ranked AS entry
       WITH entry.node AS n, entry.distance AS distance
       RETURN collect(n { ${NODE_FIELDS}, distance: distance }) AS nodes
     }
     ${EDGES_AMONG_KEPT(relation)}
     RETURN nodes, edges, truncated`,
    {
      ids: input.ids,
      limit: int(input.limit),
      includeGeneric: input.includeGeneric === true,
      types,
    },
    counter,
  );
  return toView(rows[0], rows[0]?.truncated === true);
}

export interface SubgraphInput {
  filter: EntityFilter;
  relationTypes?: readonly RelationType[] | null;
  /** Most nodes: the best connected first. */
  limit: number;
}

/**
 * The entities a filter selects (best connected first, up to `limit`) and the relations among
 * them. "Best connected" is the stored `degree` (model.ts), ties by id descending: with no search
 * or document filter, Neo4j walks the entity_degree_id index from the top and stops after
 * `limit` + 1 entities that pass the filter, instead of counting every entity's relations.
 */
export async function loadSubgraph(store: GraphStore, input: SubgraphInput, counter?: QueryCounter): Promise<GraphViewRecord> {
  const relation = relationAlternation(input.relationTypes);
  const { match, params } = filterClauses({ ...input.filter, includeGeneric: input.filter.includeGeneric ?? false });
  const rows = await store.read(
    `${match}
     WITH n WHERE n.degree IS NOT NULL AND n.id IS NOT NULL
     ORDER BY n.degree DESC, n.id DESC
     LIMIT $limitPlusOne
     WITH collect(n) AS selected
     WITH selected[0..$limit] AS kept, size(selected) > $limit AS truncated
     CALL (kept) {
       UNWIND kept AS n
       RETURN collect(n { ${NODE_FIELDS} }) AS nodes
     }
     ${EDGES_AMONG_KEPT(relation)}
     RETURN nodes, edges, truncated`,
    { ...params, limit: int(input.limit), limitPlusOne: int(input.limit + 1) },
    counter,
  );
  return toView(rows[0], rows[0]?.truncated === true);
}

export interface ShortestPathInput {
  from: string;
  to: string;
  /** 1 to the configured maximum (at most 10). */
  maxDepth: number;
  relationTypes?: readonly RelationType[] | null;
  includeGeneric?: boolean;
}

export interface ShortestPathRecord {
  fromExists: boolean;
  toExists: boolean;
  /** Null when no path within maxDepth joins the two. */
  path: GraphViewRecord | null;
}

/**
 * One shortest path between two entities, ignoring direction, stepping over generic entities
 * (unless asked) but never over the endpoints themselves.
 */
export async function loadShortestPath(
  store: GraphStore,
  input: ShortestPathInput,
  counter?: QueryCounter,
): Promise<ShortestPathRecord> {
  if (!Number.isInteger(input.maxDepth) || input.maxDepth < 1 || input.maxDepth > 10) {
    throw new Error(`shortest path depth must be 1 to 10, got ${input.maxDepth}`);
  }
  const relation = relationAlternation(input.relationTypes);
  // A variable-length bound cannot be a parameter; it is a checked integer, spliced as text.
  const rows = await store.read(
    `${FROM.match}
     WITH ${FROM.target} AS fromId
     ${TO.match}
     WITH fromId, ${TO.target} AS toId
     OPTIONAL MATCH (a:${ENTITY_LABEL} {id: fromId})
     OPTIONAL MATCH (b:${ENTITY_LABEL} {id: toId})
     OPTIONAL MATCH p = shortestPath((a)-[:${relation}*..${input.maxDepth}]-(b))
     WHERE a <> b AND all(x IN nodes(p) WHERE x = a OR x = b OR $includeGeneric OR NOT coalesce(x.generic, false))
     WITH a, b, CASE WHEN a IS NOT NULL AND a = b THEN [a] ELSE nodes(p) END AS pathNodes,
       CASE WHEN a IS NOT NULL AND a = b THEN [] ELSE relationships(p) END AS pathRelationships
     RETURN a IS NOT NULL AS fromExists, b IS NOT NULL AS toExists, pathNodes IS NOT NULL AS found,
       [x IN pathNodes | x {
         .id, .type, .name, .degree, generic: coalesce(x.generic, false)
       }] AS nodes,
       [r IN pathRelationships | {source: startNode(r).id, target: endNode(r).id, type: type(r), weight: r.weight}] AS edges`,
    { from: input.from, to: input.to, includeGeneric: input.includeGeneric === true },
    counter,
  );
  const row = rows[0];
  const fromExists = row?.fromExists === true;
  const toExists = row?.toExists === true;
  if (!row || row.found !== true) return { fromExists, toExists, path: null };
  const view = toView(row, false);
  // Nodes come in path order: their position is their distance from `from`.
  view.nodes.forEach((node, index) => (node.distance = index));
  return { fromExists, toExists, path: view };
}

