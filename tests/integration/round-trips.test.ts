import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { removeFixture, writeFixture, type FixtureEntity, type FixtureRelation } from '../support/fixture-graph.js';
import { createTestApp, execute, uniqueTag, type TestApp } from '../support/services.js';

/**
 * "No N+1", asserted: a query nested d levels deep makes at most d + 1 Cypher round trips,
 * whether its lists hold 1, 10 or 100 items. The count comes from the request's own counter
 * (context.queries, exposed with QUERY_STATS=true), and is checked against every call that
 * reached GraphStore.read or readRaw, so a read that forgot to pass the counter would show up too.
 */

const tag = uniqueTag('rt');
const SIZE = 100;
const agency = (i: number) => `agency:${tag}-a${i}`;
const tactic = (i: number) => `tactic:${tag}-t${i}`;
const group = (i: number) => `target-group:${tag}-g${i}`;
const doc = `document:${tag}-d`;

// Agency i uses tactic i; tactic i targets groups i and i+1; agencies i and i+1 warn group i.
const entities: FixtureEntity[] = [];
const relations: FixtureRelation[] = [];
for (let i = 0; i < SIZE; i += 1) {
  entities.push(
    { id: agency(i), type: 'Agency', name: `Agency ${i} ${tag}` },
    { id: tactic(i), type: 'Tactic', name: `Tactic ${i} ${tag}` },
    { id: group(i), type: 'TargetGroup', name: `Group ${i} ${tag}` },
  );
  const evidence = [`${doc}:0:10`];
  relations.push(
    { type: 'USES', source: agency(i), target: tactic(i), docIds: [doc], evidence },
    { type: 'TARGETS', source: tactic(i), target: group(i), docIds: [doc], evidence },
    { type: 'TARGETS', source: tactic(i), target: group((i + 1) % SIZE), docIds: [doc], evidence },
    { type: 'WARNS', source: agency(i), target: group(i), docIds: [doc], evidence },
    { type: 'WARNS', source: agency((i + 1) % SIZE), target: group(i), docIds: [doc], evidence },
  );
}

// Depth 1: the root list. Each further level is one relation connection deeper.
const Depth1 = graphql(`
  query RoundTripDepth1($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
      ... on Agency {
        name
        type
        aliases {
          name
        }
      }
    }
  }
`);

const Depth2 = graphql(`
  query RoundTripDepth2($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
      ... on Agency {
        name
        tactics {
          totalCount
          edges {
            weight
            node {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const Depth3 = graphql(`
  query RoundTripDepth3($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
      ... on Agency {
        tactics {
          edges {
            node {
              id
              targets {
                edges {
                  weight
                  node {
                    id
                    name
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`);

const Depth4 = graphql(`
  query RoundTripDepth4($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
      ... on Agency {
        tactics {
          edges {
            node {
              id
              targets {
                edges {
                  node {
                    id
                    warnedBy {
                      edges {
                        weight
                        node {
                          id
                          name
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`);

// The same depth through the Entity interface: `entity` and the generic `related`.
const RelatedDepth3 = graphql(`
  query RoundTripRelatedDepth3($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Entity {
        id
        related(types: [TACTIC]) {
          edges {
            node {
              id
              related(types: [TARGET_GROUP]) {
                edges {
                  node {
                    id
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`);

// The same depth with the look-ahead switched off (a directive on a field makes it load itself):
// the per-level loaders alone keep to depth + 1.
const Depth4Loaders = graphql(`
  query RoundTripDepth4Loaders($ids: [ID!]!, $always: Boolean!) {
    nodes(ids: $ids) {
      id
      ... on Agency {
        tactics {
          edges {
            node {
              id
              targets @include(if: $always) {
                edges {
                  node {
                    id
                    warnedBy @include(if: $always) {
                      edges {
                        weight
                        node {
                          id
                          name
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`);

// Aliases, page arguments from variables and fragments, read ahead or loaded level by level.
const Paged = graphql(`
  query RoundTripPaged($ids: [ID!]!, $first: Int, $after: String, $always: Boolean!) {
    nodes(ids: $ids) {
      ... on Agency {
        id
        uses: tactics(first: 5) {
          edges {
            node {
              ...TacticTargets
              secondTarget: targets(first: 1, after: $after) @include(if: $always) {
                pageInfo {
                  hasNextPage
                }
                edges {
                  cursor
                  node {
                    id
                  }
                }
              }
              firstTarget: targets(first: $first) {
                edges {
                  node {
                    id
                    related(types: [AGENCY], direction: IN) {
                      edges {
                        type
                        node {
                          id
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
  fragment TacticTargets on Tactic {
    targets {
      edges {
        weight
        node {
          id
        }
      }
    }
  }
`);

// The same, every relation field under a directive: each loads itself, level by level.
const PagedLoaders = graphql(`
  query RoundTripPagedLoaders($ids: [ID!]!, $first: Int, $after: String, $always: Boolean!) {
    nodes(ids: $ids) {
      ... on Agency {
        id
        uses: tactics(first: 5) @include(if: $always) {
          edges {
            node {
              ...TacticTargetsLoaded
              secondTarget: targets(first: 1, after: $after) @include(if: $always) {
                pageInfo {
                  hasNextPage
                }
                edges {
                  cursor
                  node {
                    id
                  }
                }
              }
              firstTarget: targets(first: $first) @include(if: $always) {
                edges {
                  node {
                    id
                    related(types: [AGENCY], direction: IN) @include(if: $always) {
                      edges {
                        type
                        node {
                          id
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
  fragment TacticTargetsLoaded on Tactic {
    targets @include(if: $always) {
      edges {
        weight
        node {
          id
        }
      }
    }
  }
`);

// The benchmark's depth-3 shape from `entity(id)`: the entity and three levels in one query.
const EntityDepth3 = graphql(`
  query RoundTripEntityDepth3($id: ID!) {
    entity(id: $id) {
      id
      ... on Agency {
        tactics {
          edges {
            node {
              id
              targets {
                edges {
                  node {
                    id
                    warnedBy {
                      edges {
                        weight
                        node {
                          id
                          name
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`);

describe('Cypher round trips per request', () => {
  let app: TestApp;
  let storeReads = 0;

  beforeAll(async () => {
    // Each operation here is a new nested statement that Neo4j plans on first use: seconds on a
    // busy shared machine, so the read timeout must not be what these round-trip counts measure.
    // It counts batching, not limits: 100 ids x depth 4 costs about 6 million (the cost counts
    // `ids` and `first` given through variables), past the default of 500,000.
    app = await createTestApp({ QUERY_STATS: 'true', READ_TIMEOUT_MS: '120000', MAX_QUERY_COST: '10000000' });
    await writeFixture(app.store, { entities, relations });
    const read = app.store.read.bind(app.store);
    app.store.read = (...args) => {
      storeReads += 1;
      return read(...args);
    };
    const readRaw = app.store.readRaw.bind(app.store);
    app.store.readRaw = (...args) => {
      storeReads += 1;
      return readRaw(...args);
    };
  });

  afterAll(async () => {
    await removeFixture(app.store, tag);
    await app.close();
  });

  async function roundTrips(operation: TypedDocumentNode<unknown, { ids: string[] }>, size: number) {
    const ids = Array.from({ length: size }, (_, i) => agency(i));
    const readsBefore = storeReads;
    const result = await execute(app.yoga, operation, { ids });
    expect(result.errors).toBeUndefined();
    const counted = (result as { extensions?: { queryStats?: { cypherRoundTrips?: number } } }).extensions?.queryStats
      ?.cypherRoundTrips;
    // Every read went through the request's counter.
    expect(counted).toBe(storeReads - readsBefore);
    return { counted: counted!, data: result.data as any };
  }

  const cases: { depth: number; operation: TypedDocumentNode<any, any> }[] = [
    { depth: 1, operation: Depth1 },
    { depth: 2, operation: Depth2 },
    { depth: 3, operation: Depth3 },
    { depth: 4, operation: Depth4 },
    { depth: 3, operation: RelatedDepth3 },
  ];

  for (const { depth, operation } of cases) {
    const name = (operation as any).definitions[0].name.value as string;
    it(`${name}: at most ${depth + 1} round trips for 1, 10 and 100 items per list`, async () => {
      const counts: number[] = [];
      for (const size of [1, 10, SIZE]) {
        const { counted, data } = await roundTrips(operation, size);
        expect(data.nodes).toHaveLength(size);
        expect(counted).toBeLessThanOrEqual(depth + 1);
        counts.push(counted);
      }
      // The count does not grow with the lists.
      expect(new Set(counts).size).toBe(1);
      process.stderr.write(`${name}: ${counts.join(", ")} round trips for 1, 10, ${SIZE} items\n`);
    });
  }

  it('returns the whole fixture at depth 4 with 100 agencies (so the batches really held every item)', async () => {
    const { data } = await roundTrips(Depth4, SIZE);
    let warnedByEdges = 0;
    for (const node of data.nodes) {
      for (const tacticEdge of node.tactics.edges) {
        for (const targetEdge of tacticEdge.node.targets.edges) {
          const warners = targetEdge.node.warnedBy.edges.map((edge: any) => edge.node.id).sort();
          const groupId: string = targetEdge.node.id;
          const g = Number(groupId.slice(groupId.lastIndexOf('-g') + 2));
          expect(warners).toEqual([agency(g), agency((g + 1) % SIZE)].sort());
          warnedByEdges += warners.length;
        }
      }
    }
    // 100 agencies x 1 tactic x 2 targets x 2 warners.
    expect(warnedByEdges).toBe(SIZE * 2 * 2);
  });
  it('keeps to depth + 1 with the look-ahead off, and reads the same data as with it', async () => {
    const ids = Array.from({ length: SIZE }, (_, i) => agency(i));
    const counts: number[] = [];
    for (const size of [1, 10, SIZE]) {
      const before = storeReads;
      const result = await execute(app.yoga, Depth4Loaders, { ids: ids.slice(0, size), always: true });
      expect(result.errors).toBeUndefined();
      counts.push(storeReads - before);
    }
    expect(counts).toEqual([4, 4, 4]);
    const loaded = await execute(app.yoga, Depth4Loaders, { ids, always: true });
    const readAhead = await execute(app.yoga, Depth4, { ids });
    expect(loaded.data).toEqual(readAhead.data);
  });

  it('reads ahead aliases, variables and fragments exactly as the fields would load them', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => agency(i));
    const firstCursor = (await execute(app.yoga, Paged, { ids, first: 1, always: true })).data!.nodes[0] as any;
    const after = firstCursor.uses.edges[0].node.secondTarget.edges[0].cursor as string;
    const variables = { ids, first: 1, after };
    const before = storeReads;
    const readAhead = await execute(app.yoga, Paged, { ...variables, always: true });
    const readAheadTrips = storeReads - before;
    expect(readAhead.errors).toBeUndefined();
    // The look-ahead off: nested connections under a directive load themselves.
    const loaded = await execute(app.yoga, PagedLoaders, { ...variables, always: true });
    expect(loaded.data).toEqual(readAhead.data);
    const agency0 = readAhead.data!.nodes[0] as any;
    const tactic0 = agency0.uses.edges[0].node;
    expect(tactic0.targets.edges.map((edge: any) => edge.node.id)).toHaveLength(2);
    expect(tactic0.firstTarget.edges).toHaveLength(1);
    expect(tactic0.secondTarget.edges).toHaveLength(1);
    expect(tactic0.secondTarget.edges[0].node.id).not.toBe(tactic0.firstTarget.edges[0].node.id);
    expect(tactic0.firstTarget.edges[0].node.related.edges.every((edge: any) => edge.type === 'WARNS')).toBe(true);
    // nodes, then one query for uses with targets, firstTarget and its related read ahead, one for secondTarget.
    expect(readAheadTrips).toBeLessThanOrEqual(3);
  });

  it('reads entity(id) with three levels of relations in one round trip, the same data as level by level', async () => {
    const before = storeReads;
    const result = await execute(app.yoga, EntityDepth3, { id: agency(7) });
    expect(result.errors).toBeUndefined();
    expect(storeReads - before).toBe(1);
    const levelByLevel = await execute(app.yoga, Depth4Loaders, { ids: [agency(7)], always: true });
    expect(result.data!.entity).toEqual(levelByLevel.data!.nodes[0]);
    const unknown = await execute(app.yoga, EntityDepth3, { id: `agency:${tag}-none` });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.entity).toBeNull();
  });
});
