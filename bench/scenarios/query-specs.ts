import type { EntityType } from '../../src/domain/entities.js';
import type { RelationType } from '../../src/domain/relations.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { ENTITY_LABEL, ENTITY_NAME_INDEX, RELATIONSHIP_TYPES } from '../../src/store/model.js';
import { isEntityType } from '../../src/domain/entities.js';
import { isRelationType } from '../../src/domain/relations.js';
import { toLuceneQuery } from '../../src/store/search.js';
import { int } from '../../src/store/values.js';
import { createRandom } from '../corpus/random.js';

/**
 * The relationship queries of the benchmark: each as the GraphQL operation a client sends and
 * as the one hand-written Cypher query that reads the same answer (the "floor"), with a way to
 * reduce both answers to comparable ids.
 */

const label = (type: EntityType): string => {
  if (!isEntityType(type)) throw new Error(`not an entity type: ${type}`);
  return type;
};
const rel = (type: RelationType): string => {
  if (!isRelationType(type)) throw new Error(`not a relation type: ${type}`);
  return type;
};
/** Every relation between entities (MENTIONS is not one): what neighbourhoods and paths walk. */
const ANY = RELATIONSHIP_TYPES.map(rel).join('|');

/** What one request is about: drawn at random from lists sampled before the clock starts. */
export interface Sample {
  agency: string;
  searchTerm: string;
  pathTo: string;
}

export interface QuerySpec {
  name: string;
  description: string;
  /** Expected Cypher round trips per request at most (perf-notes: depth + 1). */
  roundTripBudget: number;
  graphql: string;
  variables(sample: Sample): Record<string, unknown>;
  cypher: string;
  params(sample: Sample): Record<string, unknown>;
  /** Sorted ids that make up the answer, from the GraphQL `data`. */
  fromGraphQL(data: any): string[];
  /** The same from the floor's rows (plain objects). */
  fromFloor(rows: Record<string, unknown>[]): string[];
}

export const NEIGHBORHOOD_LIMIT = 200;
export const PATH_MAX_DEPTH = 4;
export const SEARCH_FIRST = 10;

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

export const QUERY_SPECS: readonly QuerySpec[] = [
  {
    name: 'depth3',
    // Default pages (20): the cost limit multiplies literal `first` values level by level, and no
    // entity of the generated graph has 20 relations of one kind (the id check would show it).
    description: 'agency → tactics (USES) → targets (TARGETS) → warnedBy (WARNS, incoming)',
    roundTripBudget: 4,
    graphql: `query BenchDepth3($id: ID!) {
  entity(id: $id) {
    id
    ... on Agency {
      tactics { edges { node { id
        targets { edges { node { id
          warnedBy { edges { node { id } } } } } } } } }
    }
  }
}`,
    variables: (sample) => ({ id: sample.agency }),
    cypher: `MATCH (a:${label('Agency')} {id: $id})
RETURN [(a)-[:${rel('USES')}]->(t:${label('Tactic')}) | {id: t.id,
  targets: [(t)-[:${rel('TARGETS')}]->(g:${label('TargetGroup')}) | {id: g.id,
    warnedBy: [(g)<-[:${rel('WARNS')}]-(w:${label('Agency')}) | w.id]}]}] AS tactics`,
    params: (sample) => ({ id: sample.agency }),
    fromGraphQL: (data) => {
      const ids: string[] = [];
      for (const t of data.entity?.tactics?.edges ?? []) {
        ids.push(t.node.id);
        for (const g of t.node.targets.edges) {
          ids.push(`${t.node.id}>${g.node.id}`);
          for (const w of g.node.warnedBy.edges) ids.push(`${t.node.id}>${g.node.id}>${w.node.id}`);
        }
      }
      return sorted(ids);
    },
    fromFloor: (rows) => {
      const ids: string[] = [];
      for (const t of (rows[0]?.tactics as any[]) ?? []) {
        ids.push(t.id);
        for (const g of t.targets) {
          ids.push(`${t.id}>${g.id}`);
          for (const w of g.warnedBy) ids.push(`${t.id}>${g.id}>${w}`);
        }
      }
      return sorted(ids);
    },
  },
  {
    name: 'neighborhood2',
    description: `two-hop neighbourhood of an agency (graph view: nodes and the edges among them, generic entities stepped over, at most ${NEIGHBORHOOD_LIMIT} nodes)`,
    roundTripBudget: 3,
    graphql: `query BenchNeighborhood($id: ID!) {
  neighborhood(ids: [$id], depth: 2, limit: ${NEIGHBORHOOD_LIMIT}) {
    nodes { id }
    edges { id source target type }
  }
}`,
    variables: (sample) => ({ id: sample.agency }),
    // Breadth first like the API: hop 1, then hop 2 through non-generic entities, nearest and
    // then by id first, cut at the limit; then the relations among what is kept.
    cypher: `MATCH (seed:${ENTITY_LABEL} {id: $id})
OPTIONAL MATCH (seed)-[:${ANY}]-(m1:${ENTITY_LABEL}) WHERE NOT coalesce(m1.generic, false) AND m1 <> seed
WITH seed, m1 ORDER BY m1.id
WITH seed, collect(DISTINCT m1) AS hop1
OPTIONAL MATCH (seed)-[:${ANY}]-(via:${ENTITY_LABEL})-[:${ANY}]-(m2:${ENTITY_LABEL})
  WHERE NOT coalesce(via.generic, false) AND via <> seed AND NOT coalesce(m2.generic, false)
    AND m2 <> seed AND NOT m2 IN hop1
WITH seed, hop1, m2 ORDER BY m2.id
WITH seed, hop1, collect(DISTINCT m2) AS hop2
WITH ([seed] + hop1 + hop2)[0..$limit] AS kept
RETURN [n IN kept | n.id] AS nodes,
  [a IN kept | [(a)-[r:${ANY}]->(b) WHERE b IN kept | a.id + '|' + type(r) + '|' + b.id]] AS edges`,
    params: (sample) => ({ id: sample.agency, limit: int(NEIGHBORHOOD_LIMIT) }),
    fromGraphQL: (data) => [
      ...sorted((data.neighborhood?.nodes ?? []).map((n: any) => `node ${n.id}`)),
      ...sorted((data.neighborhood?.edges ?? []).map((e: any) => `edge ${e.id}`)),
    ],
    fromFloor: (rows) => [
      ...sorted(((rows[0]?.nodes as string[]) ?? []).map((id) => `node ${id}`)),
      ...sorted(((rows[0]?.edges as string[][]) ?? []).flat().map((id) => `edge ${id}`)),
    ],
  },
  {
    name: 'search',
    description: `full-text search over names and aliases, ${SEARCH_FIRST} best hits`,
    roundTripBudget: 1,
    graphql: `query BenchSearch($query: String!) {
  search(query: $query, first: ${SEARCH_FIRST}) { score entity { id } }
}`,
    variables: (sample) => ({ query: sample.searchTerm }),
    cypher: `CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node, score
RETURN node.id AS id, score ORDER BY score DESC, node.name LIMIT $first`,
    params: (sample) => ({ index: ENTITY_NAME_INDEX, lucene: toLuceneQuery(sample.searchTerm), first: int(SEARCH_FIRST) }),
    fromGraphQL: (data) => sorted((data.search ?? []).map((hit: any) => hit.entity.id)),
    fromFloor: (rows) => sorted(rows.map((row) => row.id as string)),
  },
  {
    name: 'shortestPath',
    description: `shortest path (either direction, at most ${PATH_MAX_DEPTH} hops) from an agency to an entity three steps away`,
    roundTripBudget: 2,
    graphql: `query BenchPath($from: ID!, $to: ID!) {
  shortestPath(from: $from, to: $to, maxDepth: ${PATH_MAX_DEPTH}) { nodes { id } }
}`,
    variables: (sample) => ({ from: sample.agency, to: sample.pathTo }),
    cypher: `MATCH (a:${ENTITY_LABEL} {id: $from}), (b:${ENTITY_LABEL} {id: $to})
MATCH p = shortestPath((a)-[:${ANY}*..${PATH_MAX_DEPTH}]-(b))
WHERE all(x IN nodes(p) WHERE x = a OR x = b OR NOT coalesce(x.generic, false))
RETURN [n IN nodes(p) | n.id] AS ids`,
    params: (sample) => ({ from: sample.agency, to: sample.pathTo }),
    // Several paths may be shortest: the answer compared is the endpoints and the length.
    fromGraphQL: (data) => {
      const ids = ((data.shortestPath?.nodes ?? []) as { id: string }[]).map((n) => n.id);
      return ids.length ? [ids[0]!, ids.at(-1)!, `hops ${ids.length - 1}`] : [];
    },
    fromFloor: (rows) => {
      const ids = (rows[0]?.ids as string[] | undefined) ?? [];
      return ids.length ? [ids[0]!, ids.at(-1)!, `hops ${ids.length - 1}`] : [];
    },
  },
];

/**
 * Requests are drawn from these, sampled once before any timing: agencies that use at least one
 * tactic, the name of an entity next to each (for search), and an entity three steps away (for paths).
 */
export async function sampleRequests(store: GraphStore, seed: number, count: number): Promise<Sample[]> {
  const random = createRandom(seed);
  const agencies = (
    await store.read(
      `MATCH (a:${label('Agency')}) WHERE NOT coalesce(a.generic, false) AND EXISTS { (a)-[:${rel('USES')}]->() }
       RETURN a.id AS id ORDER BY id`,
    )
  ).map((row) => row.id as string);
  if (agencies.length === 0) throw new Error('the graph holds no agency that uses a tactic: nothing to query');
  const chosen = Array.from({ length: count }, () => random.pick(agencies));
  const rows = await store.read(
    `UNWIND $ids AS id
     MATCH (a:${label('Agency')} {id: id})
     CALL (a) {
       MATCH (a)-[:${ANY}]-(b:${ENTITY_LABEL})-[:${ANY}]-(c:${ENTITY_LABEL})-[:${ANY}]-(d:${ENTITY_LABEL})
       WHERE d <> a AND NOT coalesce(b.generic, false) AND NOT coalesce(c.generic, false) AND NOT coalesce(d.generic, false)
       RETURN collect(DISTINCT d.id)[0..20] AS far, collect(DISTINCT b.name)[0..20] AS nearNames
     }
     RETURN id, far, nearNames`,
    { ids: [...new Set(chosen)] },
  );
  const byId = new Map(rows.map((row) => [row.id as string, row]));
  return chosen.map((agency) => {
    const row = byId.get(agency);
    const far = (row?.far as string[] | undefined) ?? [];
    const names = (row?.nearNames as string[] | undefined) ?? [];
    return {
      agency,
      pathTo: far.length ? random.pick(far) : agency,
      // What a user types to find an entity seen nearby: its name.
      searchTerm: names.length ? random.pick(names).slice(0, 200) : 'security',
    };
  });
}
