import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchKey } from '../../src/domain/fold.js';
import { updateEntity } from '../../src/store/curation.js';
import { applySchema } from '../../src/store/schema-setup.js';
import { graphql } from '../gql/index.js';
import { removeFixture, writeFixture, type FixtureEntity } from '../support/fixture-graph.js';
import { createTestApp, execute, uniqueTag, type TestApp } from '../support/services.js';

/**
 * Search cursors are keyset cursors over a key each hit computes from its own names (score,
 * folded name, id): loads between two pages, whether their hits rank above the cursor, below it,
 * or only change the full-text index's statistics, must not make the next page repeat or skip a
 * hit of the order the final data has.
 */

const tag = uniqueTag('sc');
const late = uniqueTag('scl');
// Made-up words, so the hits are this file's alone; the query needs both.
const word = `zq${tag}`;
const query = `${word} relay`;

const entity = (id: string, name: string, aliases: string[] = []): FixtureEntity => ({
  id: `agency:${id}`,
  type: 'Agency',
  name,
  aliases: aliases.map((alias) => [alias, 'en']),
});

// Before the first page: hits of every match class, several of the same class and length.
const initial: FixtureEntity[] = [
  entity(`${tag}-prefix-a`, `${word} relay office`),
  entity(`${tag}-prefix-b`, `${word} relay bureau`),
  entity(`${tag}-alias`, `Bureau of signals ${word}`, [`${word} Relay`]),
  entity(`${tag}-token-a`, `Relay station ${word} north`),
  entity(`${tag}-token-b`, `Relay station ${word} south`),
  entity(`${tag}-token-c`, `Relay station ${word} east`),
  entity(`${tag}-token-d`, `The long-named relay authority of ${word} and its provinces`),
  entity(`${tag}-token-e`, `Relay ${word} west`),
  entity(`${tag}-token-f`, `Relay ${word} far west annex`),
  entity(`${tag}-token-g`, `Relay ${word} central`),
];

// Loaded between the pages: an exact name and a short prefix hit (above any cursor), hits of the
// same class and length as those near the cursors (falling either side by name), long names
// (below), and entities that hold one of the two words only: no hits, but they move the index's
// statistics (document frequencies, field lengths) that a relevance score would depend on.
const additions: FixtureEntity[] = [
  entity(`${late}-exact`, `${word} RELAY`),
  entity(`${late}-prefix`, `${word} relay hq`),
  entity(`${late}-token-a`, `Relay station ${word} aaaa`),
  entity(`${late}-token-z`, `Relay station ${word} zzzz`),
  entity(`${late}-token-m`, `Relay ${word} midland`),
  entity(`${late}-long`, `An extremely long-named relay commission of ${word} with many offices abroad`),
  ...Array.from({ length: 25 }, (_, i) => entity(`${late}-word-only-${i}`, `${word} ${word} bureau number ${i}`)),
  ...Array.from({ length: 25 }, (_, i) => entity(`${late}-relay-only-${i}`, `Relay relay office ${late} ${i}`)),
];

const Forward = graphql(`
  query SearchCursorsForward($query: String!, $first: Int, $after: String) {
    search(query: $query, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
      edges {
        score
        node {
          id
        }
      }
    }
  }
`);

const Backward = graphql(`
  query SearchCursorsBackward($query: String!, $last: Int, $before: String) {
    search(query: $query, last: $last, before: $before) {
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
      }
      edges {
        score
        node {
          id
        }
      }
    }
  }
`);

type Page = { edges: { score: number; node: { id: string } }[] };
const ids = (page: Page) => page.edges.map((edge) => edge.node.id);
const scores = (page: Page) => new Map(page.edges.map((edge) => [edge.node.id, edge.score]));

describe('search cursors across loads', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
    await writeFixture(app.store, { entities: initial });
  });

  afterAll(async () => {
    await removeFixture(app.store, late);
    await removeFixture(app.store, tag);
    await app.close();
  });

  it('ranks by how the names match: exact name, exact alias, prefix, other hits; shorter names first', async () => {
    const all = await execute(app.yoga, Forward, { query, first: 100 });
    expect(all.errors).toBeUndefined();
    const order = ids(all.data!.search);
    expect(order.slice(0, 3)).toEqual([`agency:${tag}-alias`, `agency:${tag}-prefix-b`, `agency:${tag}-prefix-a`]);
    // Alias 3.x, prefix 2.x, the rest 1.x; a shorter name ranks higher within a class.
    const score = scores(all.data!.search);
    expect(Math.floor(score.get(`agency:${tag}-alias`)!)).toBe(3);
    expect(Math.floor(score.get(`agency:${tag}-prefix-a`)!)).toBe(2);
    expect(Math.floor(score.get(`agency:${tag}-token-d`)!)).toBe(1);
    expect(score.get(`agency:${tag}-token-e`)!).toBeGreaterThan(score.get(`agency:${tag}-token-f`)!);
    expect(order.at(-1)).toBe(`agency:${tag}-token-d`);
    expect(all.data!.search.totalCount).toBe(initial.length);
  });

  it('goes on from the cursor after loads, forward and backward, with no hit repeated or skipped', async () => {
    // Page 1 from the start and the last page from the end, on the initial data. The forward
    // cursor ends at "Relay station … east", the backward one starts at "Relay station … north".
    const page1 = await execute(app.yoga, Forward, { query, first: 6 });
    expect(page1.errors).toBeUndefined();
    expect(page1.data!.search.pageInfo.hasNextPage).toBe(true);
    const tail = await execute(app.yoga, Backward, { query, last: 4 });
    expect(tail.errors).toBeUndefined();
    expect(tail.data!.search.pageInfo.hasPreviousPage).toBe(true);
    const before = await execute(app.yoga, Forward, { query, first: 100 });
    const scoresBefore = scores(before.data!.search);

    await writeFixture(app.store, { entities: additions });

    const final = await execute(app.yoga, Forward, { query, first: 100 });
    expect(final.errors).toBeUndefined();
    const finalOrder = ids(final.data!.search);
    // 10 initial and 6 new hits; the one-word entities are no hits.
    expect(finalOrder.length).toBe(16);
    expect(final.data!.search.totalCount).toBe(16);
    // A hit's score comes from its own names: loads elsewhere left every one unchanged.
    for (const [id, score] of scoresBefore) expect(scores(final.data!.search).get(id), id).toBe(score);

    // Forward: page 2 is exactly what follows page 1's last hit in the final order.
    const cursorId = ids(page1.data!.search).at(-1)!;
    const cursorAt = finalOrder.indexOf(cursorId);
    const page2 = await execute(app.yoga, Forward, { query, first: 100, after: page1.data!.search.pageInfo.endCursor });
    expect(page2.errors).toBeUndefined();
    expect(ids(page2.data!.search)).toEqual(finalOrder.slice(cursorAt + 1));
    expect(page2.data!.search.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    // Page 1 kept its relative order; what now sorts before its cursor and it did not show is
    // exactly the new hits that rank above it, and the loads put new hits on both sides.
    const above = finalOrder.slice(0, cursorAt + 1);
    expect(above.filter((id) => ids(page1.data!.search).includes(id))).toEqual(ids(page1.data!.search));
    const newAbove = above.filter((id) => !ids(page1.data!.search).includes(id)).sort();
    expect(newAbove).toEqual(
      [`agency:${late}-exact`, `agency:${late}-prefix`, `agency:${late}-token-m`, `agency:${late}-token-a`].sort(),
    );
    expect(ids(page2.data!.search)).toEqual(expect.arrayContaining([`agency:${late}-token-z`, `agency:${late}-long`]));

    // Backward: the page before the tail's first hit is exactly what precedes it in the final order.
    const tailStartAt = finalOrder.indexOf(ids(tail.data!.search)[0]!);
    const previous = await execute(app.yoga, Backward, { query, last: 100, before: tail.data!.search.pageInfo.startCursor });
    expect(previous.errors).toBeUndefined();
    expect(ids(previous.data!.search)).toEqual(finalOrder.slice(0, tailStartAt));
    expect(previous.data!.search.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    // And a short backward page ends right before the cursor.
    const short = await execute(app.yoga, Backward, { query, last: 2, before: tail.data!.search.pageInfo.startCursor });
    expect(ids(short.data!.search)).toEqual(finalOrder.slice(tailStartAt - 2, tailStartAt));
    expect(short.data!.search.pageInfo.hasPreviousPage).toBe(true);
    // The loads put new hits on both sides of the backward cursor too.
    expect(finalOrder.slice(tailStartAt)).toEqual(expect.arrayContaining([`agency:${late}-long`]));
    expect(finalOrder.slice(0, tailStartAt)).toEqual(expect.arrayContaining([`agency:${late}-token-m`]));
  });

  it('ranks an entity by its new name once curation renames it', async () => {
    // "Relay … far west annex" is one hit among others for these words, until it is renamed to them.
    const id = `agency:${tag}-token-f`;
    const renamed = `Relay ${word} annex`;
    const before = await execute(app.yoga, Forward, { query: renamed, first: 100 });
    expect(before.data!.search.edges.find((edge) => edge.node.id === id)!.score).toBeLessThan(2);
    await updateEntity(app.store, id, { name: renamed });
    const after = await execute(app.yoga, Forward, { query: renamed, first: 1 });
    expect(ids(after.data!.search)).toEqual([id]);
    expect(Math.floor(after.data!.search.edges[0]!.score)).toBe(4);
  });

  it('fills the folded name of entities stored before it existed, when the schema is applied', async () => {
    const id = `agency:${tag}-token-g`;
    await app.store.write((tx) => tx.run('MATCH (n:Entity {id: $id}) REMOVE n.nameKey', { id }));
    await applySchema(app.store);
    const rows = await app.store.read('MATCH (n:Entity {id: $id}) RETURN n.nameKey AS key, n.name AS name', { id });
    expect(rows[0]!.key).toBe(matchKey(rows[0]!.name as string));
    expect(rows[0]!.key).toBe(`relay ${word} central`);
  });

  it('refuses a cursor of the old relevance order', async () => {
    const old = Buffer.from(JSON.stringify(['SCORE', 1.5, 'x', 'agency:x'])).toString('base64url');
    const result = await execute(app.yoga, Forward, { query, first: 2, after: old });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
