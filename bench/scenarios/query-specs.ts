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
  /** The same question to @neo4j/graphql's generated schema, where it has one. */
  neo4jGraphql?: {
    graphql: string;
    variables(sample: Sample): Record<string, unknown>;
    fromGraphQL(data: any): string[];
  };
}

export const NEIGHBORHOOD_LIMIT = 200;
export const PATH_MAX_DEPTH = 4;
export const SEARCH_FIRST = 10;

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/**
 * A tree answer (an entity with nested relation lists) as sorted paths of `id=name` steps, each
 * step below the root prefixed by its field: `agency=A>tactics:tactic=T>targets:group=G`. Lists
 * come as arrays (the floor, @neo4j/graphql) or as connections (`edges { node }`, dossier).
 */
function treePaths(node: any, prefix = ''): string[] {
  if (!node) return [];
  const here = `${prefix}${node.id}=${node.name}`;
  const out = [here];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'id' || key === 'name' || key === '__typename') continue;
    const children: any[] = Array.isArray(value) ? value : ((value as any)?.edges ?? []).map((edge: any) => edge.node);
    for (const child of children) out.push(...treePaths(child, `${here}>${key}:`));
  }
  return out;
}
const sortedTree = (node: any) => sorted(treePaths(node));

/** `{ id name }` of the other end of a relation in a pattern comprehension. */
const idName = (variable: string) => `{id: ${variable}.id, name: ${variable}.name}`;

export const QUERY_SPECS: readonly QuerySpec[] = [
  {
    name: 'depth3',
    // Default pages (20): the cost limit multiplies literal `first` values level by level, and no
    // entity of the generated graph has 20 relations of one kind (the id check would show it).
    description: 'agency → tactics (USES) → targets (TARGETS) → warnedBy (WARNS, incoming), id and name at each level',
    roundTripBudget: 4,
    graphql: `query BenchDepth3($id: ID!) {
  entity(id: $id) {
    id name
    ... on Agency {
      tactics { edges { node { id name
        targets { edges { node { id name
          warnedBy { edges { node { id name } } } } } } } } }
    }
  }
}`,
    variables: (sample) => ({ id: sample.agency }),
    cypher: `MATCH (a:${label('Agency')} {id: $id})
RETURN a.id AS id, a.name AS name,
  [(a)-[:${rel('USES')}]->(t:${label('Tactic')}) | {id: t.id, name: t.name,
    targets: [(t)-[:${rel('TARGETS')}]->(g:${label('TargetGroup')}) | {id: g.id, name: g.name,
      warnedBy: [(g)<-[:${rel('WARNS')}]-(w:${label('Agency')}) | ${idName('w')}]}]}] AS tactics`,
    params: (sample) => ({ id: sample.agency }),
    fromGraphQL: (data) => sortedTree(data.entity),
    fromFloor: (rows) => sortedTree(rows[0]),
    neo4jGraphql: {
      graphql: `query BenchDepth3($id: ID!) {
  agencies(where: { id: { eq: $id } }) {
    id name
    tactics { id name
      targets { id name
        warnedBy { id name } } }
  }
}`,
      variables: (sample) => ({ id: sample.agency }),
      fromGraphQL: (data) => sortedTree(data.agencies?.[0]),
    },
  },
  {
    name: 'tree2',
    description: "two-hop tree of an agency: its four relation fields (USES, WARNS, ISSUED, ENFORCES) and each node's relations back or on (usedBy, targets, warnedBy, targetedBy, issuedBy, enforcedBy), id and name",
    roundTripBudget: 3,
    graphql: `query BenchTree2($id: ID!) {
  entity(id: $id) {
    id name
    ... on Agency {
      tactics { edges { node { id name
        usedBy { edges { node { id name } } }
        targets { edges { node { id name } } } } } }
      warns { edges { node { id name
        warnedBy { edges { node { id name } } }
        targetedBy { edges { node { id name } } } } } }
      issued { edges { node { id name
        issuedBy { edges { node { id name } } } } } }
      enforces { edges { node { id name
        enforcedBy { edges { node { id name } } } } } }
    }
  }
}`,
    variables: (sample) => ({ id: sample.agency }),
    cypher: `MATCH (a:${label('Agency')} {id: $id})
RETURN a.id AS id, a.name AS name,
  [(a)-[:${rel('USES')}]->(t:${label('Tactic')}) | {id: t.id, name: t.name,
    usedBy: [(t)<-[:${rel('USES')}]-(x:${label('Agency')}) | ${idName('x')}],
    targets: [(t)-[:${rel('TARGETS')}]->(x:${label('TargetGroup')}) | ${idName('x')}]}] AS tactics,
  [(a)-[:${rel('WARNS')}]->(g:${label('TargetGroup')}) | {id: g.id, name: g.name,
    warnedBy: [(g)<-[:${rel('WARNS')}]-(x:${label('Agency')}) | ${idName('x')}],
    targetedBy: [(g)<-[:${rel('TARGETS')}]-(x:${label('Tactic')}) | ${idName('x')}]}] AS warns,
  [(a)-[:${rel('ISSUED')}]->(e:${label('Event')}) | {id: e.id, name: e.name,
    issuedBy: [(e)<-[:${rel('ISSUED')}]-(x:${label('Agency')}) | ${idName('x')}]}] AS issued,
  [(a)-[:${rel('ENFORCES')}]->(l:${label('Law')}) | {id: l.id, name: l.name,
    enforcedBy: [(l)<-[:${rel('ENFORCES')}]-(x:${label('Agency')}) | ${idName('x')}]}] AS enforces`,
    params: (sample) => ({ id: sample.agency }),
    fromGraphQL: (data) => sortedTree(data.entity),
    fromFloor: (rows) => sortedTree(rows[0]),
    neo4jGraphql: {
      graphql: `query BenchTree2($id: ID!) {
  agencies(where: { id: { eq: $id } }) {
    id name
    tactics { id name usedBy { id name } targets { id name } }
    warns { id name warnedBy { id name } targetedBy { id name } }
    issued { id name issuedBy { id name } }
    enforces { id name enforcedBy { id name } }
  }
}`,
      variables: (sample) => ({ id: sample.agency }),
      fromGraphQL: (data) => sortedTree(data.agencies?.[0]),
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
  search(query: $query, first: ${SEARCH_FIRST}) { edges { score node { id } } }
}`,
    variables: (sample) => ({ query: sample.searchTerm }),
    cypher: `CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node, score
RETURN node.id AS id, score ORDER BY score DESC, node.name, node.id LIMIT $first`,
    params: (sample) => ({ index: ENTITY_NAME_INDEX, lucene: toLuceneQuery(sample.searchTerm), first: int(SEARCH_FIRST) }),
    fromGraphQL: (data) => sorted((data.search?.edges ?? []).map((edge: any) => edge.node.id)),
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
