import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteDocument, mergeEntities } from '../../src/store/curation.js';
import { ANY_RELATION } from '../../src/store/entities.js';
import { loadSubgraph } from '../../src/store/graph-views.js';
import { applySchema } from '../../src/store/schema-setup.js';
import { listEntities } from '../../src/store/search.js';
import { removeFixture, writeFixture } from '../support/fixture-graph.js';
import { createTestApp, uniqueTag, type TestApp } from '../support/services.js';

/**
 * Ordering by degree and subgraphs read the stored `degree` through an index instead of counting
 * every entity's relations; so every write path that adds or removes a relation must leave it
 * equal to the count of the entity's relations: loads (upserts), a document's deletion (its
 * unsupported relations and entities go), merges (edges move, join the survivor's, or become
 * loops), a fixture's removal, and the schema setup that fills it on older data.
 */

const tag = uniqueTag('deg');
const outside = uniqueTag('dego');
const id = (name: string) => `agency:${tag}-${name}`;
const doc = `document:${tag}-doc`;
const other = `document:${tag}-other`;
const hub = `agency:${outside}-hub`;
const busy = uniqueTag('degc');

/** Each entity of the tag with its stored degree and its relations counted now. */
async function degrees(app: TestApp, marker: string) {
  const rows = await app.store.read(
    `MATCH (n:Entity) WHERE n.id CONTAINS $marker
     RETURN n.id AS id, n.degree AS stored, COUNT { (n)-[:${ANY_RELATION}]-() } AS counted ORDER BY id`,
    { marker },
  );
  return rows.map((row) => ({ id: row.id as string, stored: row.stored as number, counted: row.counted as number }));
}

async function expectStoredDegreesRight(app: TestApp) {
  for (const marker of [tag, outside]) {
    const rows = await degrees(app, marker);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.stored, row.id).toBe(row.counted);
  }
}

const degreeOf = async (app: TestApp, entityId: string) =>
  (await app.store.read('MATCH (n:Entity {id: $id}) RETURN n.degree AS degree', { id: entityId }))[0]?.degree;

describe('stored degree', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
    // A hub outside the tag (removing the fixture must recount it), a and b both related to c
    // and to the hub (merging b into a joins their edges), d supported only by `doc`.
    await writeFixture(app.store, { entities: [{ id: hub, type: 'Agency', name: `Hub ${outside}` }] });
    await writeFixture(app.store, {
      entities: ['a', 'b', 'c', 'd'].map((name) => ({ id: id(name), type: 'Agency' as const, name: `Agency ${name} ${tag}` })),
      relations: [
        { type: 'PART_OF', source: id('a'), target: id('c'), docIds: [other] },
        { type: 'PART_OF', source: id('b'), target: id('c'), docIds: [other] },
        { type: 'PART_OF', source: id('a'), target: id('b'), docIds: [other] },
        { type: 'PART_OF', source: id('b'), target: hub, docIds: [other] },
        { type: 'PART_OF', source: id('a'), target: hub, docIds: [other] },
        { type: 'PART_OF', source: id('d'), target: id('c'), docIds: [doc] },
        { type: 'PART_OF', source: id('d'), target: hub, docIds: [doc] },
      ],
      documents: [
        { id: doc, text: `Agency d ${tag}.`, mentions: { [id('d')]: [[0, 8]] } },
        { id: other, text: `Agencies a, b, c ${tag}.`, mentions: { [id('a')]: [[0, 8]], [id('b')]: [[0, 8]], [id('c')]: [[0, 8]] } },
      ],
    });
  });

  afterAll(async () => {
    await removeFixture(app.store, busy);
    await removeFixture(app.store, tag);
    await removeFixture(app.store, outside);
    await app.close();
  });

  it('is set by loads, and ordering by degree and subgraphs follow it', async () => {
    await expectStoredDegreesRight(app);
    expect(await degreeOf(app, id('c'))).toBe(3);
    expect(await degreeOf(app, hub)).toBe(3);
    // A second load of an existing relation adds support, not a relation.
    await writeFixture(app.store, {
      entities: [],
      relations: [{ type: 'PART_OF', source: id('a'), target: id('c'), docIds: [doc] }],
    });
    expect(await degreeOf(app, id('a'))).toBe(3);

    const filter = { search: tag };
    const page = await listEntities(app.store, filter, 'DEGREE', { from: null, backward: false, limit: 2 });
    const rest = await listEntities(app.store, filter, 'DEGREE', { from: page.rows.at(-1)!.key, backward: false, limit: 10 });
    const order = [...page.rows, ...rest.rows].map((row) => row.entity.id);
    // a, b, c have 3 relations, d has 2: most first, then by id descending.
    expect(order).toEqual([id('c'), id('b'), id('a'), id('d')]);
    const view = await loadSubgraph(app.store, { filter, limit: 3 });
    expect(view.nodes.map((node) => node.id).sort()).toEqual([id('a'), id('b'), id('c')]);
    expect(view.truncated).toBe(true);
  });

  it('stays right when a document is deleted and its unsupported relations and entities go', async () => {
    const result = await deleteDocument(app.store, doc);
    // d lost both its relations and its only mention: it is gone; c and the hub lost one relation.
    expect(result.deletedEntityIds).toEqual([id('d')]);
    expect(await degreeOf(app, id('c'))).toBe(2);
    expect(await degreeOf(app, hub)).toBe(2);
    await expectStoredDegreesRight(app);
  });

  it('stays right when entities are merged: edges move, join the survivor’s, or become loops', async () => {
    await mergeEntities(app.store, id('a'), id('b'));
    // a–b became a loop (dropped); b–c and b–hub joined a–c and a–hub.
    expect(await degreeOf(app, id('a'))).toBe(2);
    expect(await degreeOf(app, id('c'))).toBe(1);
    expect(await degreeOf(app, hub)).toBe(1);
    await expectStoredDegreesRight(app);
  });

  it('stays right for neighbours when a fixture is removed, and is filled on older data', async () => {
    await removeFixture(app.store, tag);
    expect(await degreeOf(app, hub)).toBe(0);
    await app.store.write((tx) => tx.run('MATCH (n:Entity {id: $id}) REMOVE n.degree', { id: hub }));
    await applySchema(app.store);
    expect(await degreeOf(app, hub)).toBe(0);
    const rows = await degrees(app, outside);
    expect(rows).toEqual([{ id: hub, stored: 0, counted: 0 }]);
  });

  it('stays right when loads add relations to the same entity at once', async () => {
    // 80 relations to one hub in 8 concurrent transactions (past 50 relationships Neo4j stores a
    // node as dense): whatever order they commit in, the last count sees them all.
    const busyHub = `agency:${busy}-hub`;
    const spokes = Array.from({ length: 80 }, (_, i) => `agency:${busy}-s${i}`);
    await writeFixture(app.store, {
      entities: [busyHub, ...spokes].map((entityId) => ({ id: entityId, type: 'Agency' as const, name: `Spoke ${entityId}` })),
    });
    await Promise.all(
      Array.from({ length: 8 }, (_, batch) =>
        writeFixture(app.store, {
          entities: [],
          relations: spokes.slice(batch * 10, batch * 10 + 10).map((spoke) => ({ type: 'PART_OF' as const, source: spoke, target: busyHub })),
        }),
      ),
    );
    expect(await degreeOf(app, busyHub)).toBe(80);
    const rows = await degrees(app, busy);
    for (const row of rows) expect(row.stored, row.id).toBe(row.counted);
  });
});
