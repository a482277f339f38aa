import cytoscape from 'cytoscape';
import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { removeFixture, writeFixture, type Fixture } from '../support/fixture-graph.js';
import { createTestApp, execute, uniqueTag, type TestApp } from '../support/services.js';

/**
 * The graph views in the shapes front-ends load as they are: Cytoscape elements and graphology's
 * serialised graph, each loaded into the real library. The agency both warns and targets the
 * group, so two edges join one pair (a multi graph).
 */
const tag = uniqueTag('gs');
const id = {
  agency: `agency:${tag}-agency`,
  tactic: `tactic:${tag}-tactic`,
  group: `target-group:${tag}-group`,
};

const fixture: Fixture = {
  entities: [
    { id: id.agency, type: 'Agency', name: `Agency ${tag}` },
    { id: id.tactic, type: 'Tactic', name: `Tactic ${tag}` },
    { id: id.group, type: 'TargetGroup', name: `Group ${tag}` },
  ],
  relations: [
    { type: 'USES', source: id.agency, target: id.tactic, docIds: ['document:gs1', 'document:gs2'] },
    { type: 'WARNS', source: id.agency, target: id.group },
    { type: 'TARGETS', source: id.agency, target: id.group },
  ],
};

const Shapes = graphql(`
  query GraphShapes($ids: [ID!]!) {
    neighborhood(ids: $ids, depth: 1) {
      nodes {
        id
        label
        name
      }
      edges {
        id
        label
        type
      }
      cytoscape
      graphology
    }
  }
`);

describe('graph views for front-end libraries', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
    await writeFixture(app.store, fixture);
  });

  afterAll(async () => {
    await removeFixture(app.store, tag);
    await app.close();
  });

  it('gives nodes and edges a label', async () => {
    const result = await execute(app.yoga, Shapes, { ids: [id.agency] });
    expect(result.errors).toBeUndefined();
    const view = result.data!.neighborhood;
    for (const node of view.nodes) expect(node.label).toBe(node.name);
    for (const edge of view.edges) expect(edge.label).toBe(edge.type);
  });

  it('loads into Cytoscape as it is', async () => {
    const result = await execute(app.yoga, Shapes, { ids: [id.agency] });
    const cy = cytoscape({ headless: true, elements: result.data!.neighborhood.cytoscape as cytoscape.ElementsDefinition });
    expect(cy.nodes().map((node) => node.id()).sort()).toEqual([id.agency, id.group, id.tactic].sort());
    expect(cy.edges()).toHaveLength(3);
    const uses = cy.getElementById(`${id.agency}|USES|${id.tactic}`);
    expect(uses.source().id()).toBe(id.agency);
    expect(uses.target().id()).toBe(id.tactic);
    expect(uses.data('label')).toBe('USES');
    expect(uses.data('weight')).toBe(2);
    expect(cy.getElementById(id.tactic).data('label')).toBe(`Tactic ${tag}`);
    expect(cy.getElementById(id.tactic).data('type')).toBe('TACTIC');
    // Both edges between the agency and the group are there, each under its own id.
    expect(cy.getElementById(id.agency).edgesTo(cy.getElementById(id.group))).toHaveLength(2);
  });

  it("loads into graphology as it is, and exports back to the same serialised graph", async () => {
    const result = await execute(app.yoga, Shapes, { ids: [id.agency] });
    const serialised = result.data!.neighborhood.graphology as SerializedGraph;
    const graph = MultiDirectedGraph.from(serialised);
    expect(graph.type).toBe('directed');
    expect(graph.multi).toBe(true);
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(3);
    expect(graph.getNodeAttribute(id.agency, 'label')).toBe(`Agency ${tag}`);
    expect(graph.getNodeAttribute(id.agency, 'degree')).toBe(3);
    expect(graph.edges(id.agency, id.group).sort()).toEqual(
      [`${id.agency}|TARGETS|${id.group}`, `${id.agency}|WARNS|${id.group}`].sort(),
    );
    expect(graph.getEdgeAttributes(`${id.agency}|USES|${id.tactic}`)).toMatchObject({ label: 'USES', weight: 2 });
    expect(graph.export()).toEqual(serialised);
  });
});
