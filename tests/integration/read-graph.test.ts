import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { removeFixture, writeFixture, type Fixture } from '../support/fixture-graph.js';
import { createTestApp, execute, uniqueTag, type TestApp } from '../support/services.js';

/**
 * Graph views: a chain a1 -USES-> t1 -TARGETS-> g1 <-WARNS- a2 -ISSUED-> e1, plus a generic agency
 * that joins a1 and a3 (a hub that must be stepped over), and a document mentioning a1 (never part
 * of a view).
 */
const tag = uniqueTag('rg');
const id = {
  a1: `agency:${tag}-a1`,
  a2: `agency:${tag}-a2`,
  a3: `agency:${tag}-a3`,
  spies: `agency:${tag}-spies`,
  t1: `tactic:${tag}-t1`,
  g1: `target-group:${tag}-g1`,
  e1: `event:${tag}-e1`,
  lonely: `law:${tag}-lonely`,
  doc: `document:${tag}-doc`,
};

const fixture: Fixture = {
  entities: [
    { id: id.a1, type: 'Agency', name: `A1 ${tag}` },
    { id: id.a2, type: 'Agency', name: `A2 ${tag}` },
    { id: id.a3, type: 'Agency', name: `A3 ${tag}` },
    { id: id.spies, type: 'Agency', name: `Foreign spies ${tag}`, generic: true },
    { id: id.t1, type: 'Tactic', name: `T1 ${tag}` },
    { id: id.g1, type: 'TargetGroup', name: `G1 ${tag}` },
    { id: id.e1, type: 'Event', name: `E1 ${tag}`, date: '2024-01-01', datePrecision: 'DAY' },
    { id: id.lonely, type: 'Law', name: `Lonely ${tag}` },
  ],
  relations: [
    { type: 'USES', source: id.a1, target: id.t1, docIds: ['document:x1', 'document:x2'] },
    { type: 'TARGETS', source: id.t1, target: id.g1 },
    { type: 'WARNS', source: id.a2, target: id.g1 },
    { type: 'ISSUED', source: id.a2, target: id.e1 },
    { type: 'PART_OF', source: id.spies, target: id.a1 },
    { type: 'PART_OF', source: id.spies, target: id.a3 },
  ],
  documents: [{ id: id.doc, text: `A1 ${tag}`, mentions: { [id.a1]: [[0, 2]], [id.a3]: [[0, 2]] } }],
};

const Neighborhood = graphql(`
  query ReadNeighborhood(
    $ids: [ID!]!
    $depth: Int
    $relationTypes: [RelationType!]
    $types: [EntityType!]
    $limit: Int
    $includeGeneric: Boolean
  ) {
    neighborhood(
      ids: $ids
      depth: $depth
      relationTypes: $relationTypes
      types: $types
      limit: $limit
      includeGeneric: $includeGeneric
    ) {
      truncated
      nodes {
        id
        type
        name
        degree
        generic
        distance
      }
      edges {
        id
        source
        target
        type
        weight
      }
    }
  }
`);

const Subgraph = graphql(`
  query ReadSubgraph($filter: EntityFilter, $relationTypes: [RelationType!], $limit: Int) {
    subgraph(filter: $filter, relationTypes: $relationTypes, limit: $limit) {
      truncated
      nodes {
        id
        degree
        generic
      }
      edges {
        id
        source
        target
        type
      }
    }
  }
`);

const ShortestPath = graphql(`
  query ReadShortestPath($from: ID!, $to: ID!, $maxDepth: Int, $includeGeneric: Boolean) {
    shortestPath(from: $from, to: $to, maxDepth: $maxDepth, includeGeneric: $includeGeneric) {
      nodes {
        id
        distance
        degree
      }
      edges {
        id
        source
        target
        type
      }
    }
  }
`);

const nodeIds = (view: { nodes: { id: string }[] } | null | undefined) => (view?.nodes ?? []).map((node) => node.id).sort();

describe('graph views', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
    await writeFixture(app.store, fixture);
  });

  afterAll(async () => {
    await removeFixture(app.store, tag);
    await app.close();
  });

  it('returns a flat, de-duplicated neighbourhood with stable edge ids and degrees', async () => {
    const result = await execute(app.yoga, Neighborhood, { ids: [id.a1, id.a1], depth: 2 });
    expect(result.errors).toBeUndefined();
    const view = result.data!.neighborhood;
    // The generic agency is stepped over, so a3 is not reached; the document is never there.
    expect(nodeIds(view)).toEqual([id.a1, id.t1, id.g1].sort());
    expect(view.truncated).toBe(false);
    expect(view.nodes.find((node) => node.id === id.a1)).toEqual({
      id: id.a1,
      type: 'AGENCY',
      name: `A1 ${tag}`,
      // USES and the generic PART_OF: degree counts every relation, mentions excluded.
      degree: 2,
      generic: false,
      distance: 0,
    });
    expect(view.nodes.find((node) => node.id === id.g1)?.distance).toBe(2);
    expect(view.edges).toEqual(
      expect.arrayContaining([
        { id: `${id.a1}|USES|${id.t1}`, source: id.a1, target: id.t1, type: 'USES', weight: 2 },
        { id: `${id.t1}|TARGETS|${id.g1}`, source: id.t1, target: id.g1, type: 'TARGETS', weight: 1 },
      ]),
    );
    expect(view.edges).toHaveLength(2);
    expect(new Set(view.edges.map((edge) => edge.id)).size).toBe(view.edges.length);

    const deeper = await execute(app.yoga, Neighborhood, { ids: [id.a1], depth: 3 });
    expect(nodeIds(deeper.data!.neighborhood)).toEqual([id.a1, id.t1, id.g1, id.a2].sort());
  });

  it('walks through generic entities only when asked', async () => {
    const result = await execute(app.yoga, Neighborhood, { ids: [id.a1], depth: 2, includeGeneric: true });
    const view = result.data!.neighborhood;
    expect(nodeIds(view)).toEqual([id.a1, id.t1, id.g1, id.spies, id.a3].sort());
    expect(view.nodes.find((node) => node.id === id.spies)?.generic).toBe(true);
  });

  it('filters by relation type and entity type, and truncates at the limit nearest first', async () => {
    const uses = await execute(app.yoga, Neighborhood, { ids: [id.a1], depth: 3, relationTypes: ['USES', 'TARGETS'] });
    expect(nodeIds(uses.data!.neighborhood)).toEqual([id.a1, id.t1, id.g1].sort());

    const agenciesAndGroups = await execute(app.yoga, Neighborhood, { ids: [id.g1], depth: 2, types: ['AGENCY', 'TARGET_GROUP'] });
    // Tactics are neither shown nor walked through, so a1 (behind t1) is out of reach.
    expect(nodeIds(agenciesAndGroups.data!.neighborhood)).toEqual([id.g1, id.a2].sort());

    const limited = await execute(app.yoga, Neighborhood, { ids: [id.g1], depth: 3, limit: 2 });
    const view = limited.data!.neighborhood;
    expect(view.truncated).toBe(true);
    expect(view.nodes).toHaveLength(2);
    expect(view.nodes[0]!.id).toBe(id.g1);
    expect(view.nodes[1]!.distance).toBe(1);
    // Edges only among the nodes kept.
    for (const edge of view.edges) expect(nodeIds(view)).toEqual(expect.arrayContaining([edge.source, edge.target]));
  });

  it('refuses a depth over 3, a limit over the maximum, and unknown seeds', async () => {
    const tooDeep = await execute(app.yoga, Neighborhood, { ids: [id.a1], depth: 4 });
    expect(tooDeep.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const atMax = await execute(app.yoga, Neighborhood, { ids: [id.a1], depth: 3 });
    expect(atMax.errors).toBeUndefined();
    const tooMany = await execute(app.yoga, Neighborhood, { ids: [id.a1], limit: 501 });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await execute(app.yoga, Neighborhood, { ids: [`agency:${tag}-nobody`] });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('returns the entities a filter selects and the relations among them', async () => {
    const result = await execute(app.yoga, Subgraph, { filter: { search: tag } });
    expect(result.errors).toBeUndefined();
    const view = result.data!.subgraph;
    // Generic entities are left out unless asked.
    expect(nodeIds(view)).toEqual([id.a1, id.a2, id.a3, id.t1, id.g1, id.e1, id.lonely].sort());
    expect(view.edges.map((edge) => edge.id).sort()).toEqual(
      [`${id.a1}|USES|${id.t1}`, `${id.t1}|TARGETS|${id.g1}`, `${id.a2}|WARNS|${id.g1}`, `${id.a2}|ISSUED|${id.e1}`].sort(),
    );
    // Best connected first.
    expect(view.nodes[0]!.degree).toBeGreaterThanOrEqual(view.nodes.at(-1)!.degree);

    const withGeneric = await execute(app.yoga, Subgraph, { filter: { search: tag, includeGeneric: true }, relationTypes: ['PART_OF'] });
    expect(withGeneric.data!.subgraph.edges.map((edge) => edge.type)).toEqual(['PART_OF', 'PART_OF']);

    const limited = await execute(app.yoga, Subgraph, { filter: { search: tag }, limit: 2 });
    expect(limited.data!.subgraph.nodes).toHaveLength(2);
    expect(limited.data!.subgraph.truncated).toBe(true);
  });

  it('finds a shortest path either way, stepping over generic entities unless asked', async () => {
    const result = await execute(app.yoga, ShortestPath, { from: id.a1, to: id.e1 });
    expect(result.errors).toBeUndefined();
    const path = result.data!.shortestPath!;
    expect(path.nodes.map((node) => node.id)).toEqual([id.a1, id.t1, id.g1, id.a2, id.e1]);
    expect(path.nodes.map((node) => node.distance)).toEqual([0, 1, 2, 3, 4]);
    expect(path.nodes[3]!.degree).toBe(2);
    expect(path.edges.map((edge) => edge.id)).toEqual([
      `${id.a1}|USES|${id.t1}`,
      `${id.t1}|TARGETS|${id.g1}`,
      `${id.a2}|WARNS|${id.g1}`,
      `${id.a2}|ISSUED|${id.e1}`,
    ]);

    const tooShort = await execute(app.yoga, ShortestPath, { from: id.a1, to: id.e1, maxDepth: 3 });
    expect(tooShort.errors).toBeUndefined();
    expect(tooShort.data!.shortestPath).toBeNull();

    const throughGeneric = await execute(app.yoga, ShortestPath, { from: id.a1, to: id.a3 });
    expect(throughGeneric.data!.shortestPath).toBeNull();
    const allowed = await execute(app.yoga, ShortestPath, { from: id.a1, to: id.a3, includeGeneric: true });
    expect(allowed.data!.shortestPath!.nodes.map((node) => node.id)).toEqual([id.a1, id.spies, id.a3]);

    const itself = await execute(app.yoga, ShortestPath, { from: id.a1, to: id.a1 });
    expect(itself.data!.shortestPath).toEqual({ nodes: [{ id: id.a1, distance: 0, degree: 2 }], edges: [] });
  });

  it('answers NOT_FOUND for unknown endpoints and BAD_USER_INPUT for a depth over the limit', async () => {
    const unknown = await execute(app.yoga, ShortestPath, { from: id.a1, to: `event:${tag}-nothing` });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const tooDeep = await execute(app.yoga, ShortestPath, { from: id.a1, to: id.e1, maxDepth: 7 });
    expect(tooDeep.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
