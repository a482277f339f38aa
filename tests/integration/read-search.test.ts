import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { dateBounds } from '../../src/store/search.js';
import { removeFixture, writeFixture, type Fixture } from '../support/fixture-graph.js';
import { createTestApp, execute, uniqueTag, type TestApp } from '../support/services.js';

// A made-up word in every name, so full-text hits are this fixture's alone.
const tag = uniqueTag('rs');
const word = `zq${tag}`;
const id = {
  mss: `agency:${tag}-mss`,
  dgsi: `agency:${tag}-dgsi`,
  law: `law:${tag}-law`,
  w1: `event:${tag}-warning-2024-05-10`,
  w2: `event:${tag}-warning-2024-05`,
  w3: `event:${tag}-advisory-2023`,
  undated: `event:${tag}-undated`,
  other: `event:${tag}-other-2024-01-02`,
  doc: `document:${tag}-doc`,
};

const fixture: Fixture = {
  entities: [
    {
      id: id.mss,
      type: 'Agency',
      name: `Ministry of State Security ${word}`,
      aliases: [[`Ministère de la Sécurité d'État ${word}`, 'fr']],
    },
    { id: id.dgsi, type: 'Agency', name: `Direction générale de la sécurité intérieure ${word}`, aliases: [[`DGSI ${word}`, 'fr']] },
    { id: id.law, type: 'Law', name: `Counter-Espionage Law ${word}`, date: '2023-07-01', datePrecision: 'DAY' },
    { id: id.w1, type: 'Event', name: `Warning one ${word}`, date: '2024-05-10', datePrecision: 'DAY' },
    { id: id.w2, type: 'Event', name: `Warning two ${word}`, date: '2024-05', datePrecision: 'MONTH' },
    { id: id.w3, type: 'Event', name: `Advisory ${word}`, date: '2023', datePrecision: 'YEAR' },
    { id: id.undated, type: 'Event', name: `Undated ${word}`, date: null },
    { id: id.other, type: 'Event', name: `Other agency's event ${word}`, date: '2024-01-02', datePrecision: 'DAY' },
  ],
  relations: [
    { type: 'ISSUED', source: id.mss, target: id.w1 },
    { type: 'ISSUED', source: id.mss, target: id.w2 },
    { type: 'INVOLVES', source: id.w3, target: id.mss },
    { type: 'ISSUED', source: id.dgsi, target: id.other },
    { type: 'ENFORCES', source: id.mss, target: id.law },
  ],
  documents: [{ id: id.doc, text: `Le ministère ${word}.`, mentions: { [id.mss]: [[3, 11]], [id.law]: [[3, 11]] } }],
};

const Search = graphql(`
  query ReadSearch($query: String!, $types: [EntityType!], $first: Int, $after: String) {
    search(query: $query, types: $types, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        score
        node {
          id
          name
          type
        }
      }
    }
  }
`);

const Entities = graphql(`
  query ReadEntities($filter: EntityFilter, $orderBy: EntityOrder, $first: Int, $after: String) {
    entities(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ... on Event {
            date
          }
        }
      }
    }
  }
`);

const EntitiesBackward = graphql(`
  query ReadEntitiesBackward($filter: EntityFilter, $orderBy: EntityOrder, $last: Int, $before: String) {
    entities(filter: $filter, orderBy: $orderBy, last: $last, before: $before) {
      pageInfo {
        hasPreviousPage
        startCursor
      }
      edges {
        node {
          id
        }
      }
    }
  }
`);

const Timeline = graphql(`
  query ReadTimeline($from: String, $to: String, $entityId: ID, $first: Int, $after: String) {
    timeline(from: $from, to: $to, entityId: $entityId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          date
          datePrecision
        }
      }
    }
  }
`);

const Stats = graphql(`
  query ReadStats {
    stats {
      documents
      entities
      relations
      entitiesByType {
        type
        count
      }
      relationsByType {
        type
        count
      }
    }
  }
`);

const ids = (search: { edges: { node: { id: string } }[] } | undefined) => (search?.edges ?? []).map((edge) => edge.node.id);
const events = (timeline: { edges: { node: { id: string; date?: string | null } }[] }) => timeline.edges.map((edge) => edge.node);

describe('search, lists, timeline and stats', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
    await writeFixture(app.store, fixture);
  });

  afterAll(async () => {
    await removeFixture(app.store, tag);
    await app.close();
  });

  it('finds names and aliases whatever the accents and case', async () => {
    const folded = await execute(app.yoga, Search, { query: `securite d'etat ${word}` });
    expect(folded.errors).toBeUndefined();
    expect(ids(folded.data?.search)).toEqual([id.mss]);

    const upper = await execute(app.yoga, Search, { query: `SÉCURITÉ ${word.toUpperCase()}` });
    expect(ids(upper.data?.search).sort()).toEqual([id.mss, id.dgsi].sort());

    // The last word also matches as a prefix (search as you type).
    const prefix = await execute(app.yoga, Search, { query: `${word} counter-espio` });
    expect(ids(prefix.data?.search)).toEqual([id.law]);

    const acronym = await execute(app.yoga, Search, { query: `dgsi ${word}`, types: ['AGENCY'] });
    expect(ids(acronym.data?.search)).toEqual([id.dgsi]);
    expect(acronym.data!.search.edges[0]!.score).toBeGreaterThan(0);
    expect(acronym.data!.search.edges[0]!.node.type).toBe('AGENCY');
    expect(acronym.data!.search.totalCount).toBe(1);
  });

  it('treats Lucene syntax in the input as text, never as a query error', async () => {
    for (const query of [`${word} AND (`, `"${word}`, `${word}~ ^2 [a TO z] OR NOT`, `*:* ${word}`, '\\', '&& ||', `${word}/x`]) {
      const result = await execute(app.yoga, Search, { query });
      expect(result.errors, query).toBeUndefined();
      expect(Array.isArray(result.data?.search.edges), query).toBe(true);
    }
    const empty = await execute(app.yoga, Search, { query: '   ' });
    expect(empty.data?.search.edges).toEqual([]);
    expect(empty.data?.search.totalCount).toBe(0);
    const tooMany = await execute(app.yoga, Search, { query: word, first: 101 });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('filters and counts entities, and pages through them', async () => {
    const events = await execute(app.yoga, Entities, { filter: { search: word, types: ['EVENT'] }, orderBy: 'DATE_ASC', first: 10 });
    expect(events.errors).toBeUndefined();
    expect(events.data!.entities.totalCount).toBe(5);
    // Undated last.
    expect(events.data!.entities.edges.map((edge) => edge.node.id)).toEqual([id.w3, id.other, id.w2, id.w1, id.undated]);

    // May 2024: the day, the month; 2023 as a year does not overlap.
    const may = await execute(app.yoga, Entities, {
      filter: { search: word, dateFrom: '2024-05-01', dateTo: '2024-05-31' },
      orderBy: 'DATE_DESC',
    });
    expect(may.data!.entities.edges.map((edge) => edge.node.id)).toEqual([id.w1, id.w2]);
    expect(may.data!.entities.totalCount).toBe(2);

    const french = await execute(app.yoga, Entities, { filter: { search: word, language: 'fr' }, orderBy: 'NAME' });
    expect(french.data!.entities.edges.map((edge) => edge.node.id)).toEqual([id.dgsi, id.mss]);

    const inDocument = await execute(app.yoga, Entities, { filter: { documentId: id.doc } });
    expect(inDocument.data!.entities.edges.map((edge) => edge.node.id).sort()).toEqual([id.mss, id.law].sort());

    const byDegree = await execute(app.yoga, Entities, { filter: { search: word, types: ['AGENCY'] }, orderBy: 'DEGREE', first: 1 });
    expect(byDegree.data!.entities.edges.map((edge) => edge.node.id)).toEqual([id.mss]);
    expect(byDegree.data!.entities.pageInfo.hasNextPage).toBe(true);
    const next = await execute(app.yoga, Entities, {
      filter: { search: word, types: ['AGENCY'] },
      orderBy: 'DEGREE',
      first: 1,
      after: byDegree.data!.entities.pageInfo.endCursor,
    });
    expect(next.data!.entities.edges.map((edge) => edge.node.id)).toEqual([id.dgsi]);
  });

  it('keeps its place with keyset cursors when entities are added before the cursor', async () => {
    const filter = { search: word, types: ['EVENT' as const] };
    const first = await execute(app.yoga, Entities, { filter, orderBy: 'NAME', first: 2 });
    expect(first.errors).toBeUndefined();
    const firstPage = first.data!.entities.edges.map((edge) => edge.node.id);
    expect(firstPage).toEqual([id.w3, id.other]);

    // Two events whose names sort before the whole first page: an offset cursor would now
    // repeat `other` on page two; a keyset cursor goes on from where the page ended.
    const lateTag = uniqueTag('rsl');
    await writeFixture(app.store, {
      entities: [
        { id: `event:${lateTag}-a`, type: 'Event', name: `Aardvark alert ${word}`, date: null },
        { id: `event:${lateTag}-b`, type: 'Event', name: `Abacus affair ${word}`, date: null },
      ],
      relations: [],
      documents: [],
    });
    try {
      const second = await execute(app.yoga, Entities, {
        filter,
        orderBy: 'NAME',
        first: 10,
        after: first.data!.entities.pageInfo.endCursor,
      });
      expect(second.errors).toBeUndefined();
      expect(second.data!.entities.edges.map((edge) => edge.node.id)).toEqual([id.undated, id.w1, id.w2]);
      expect(second.data!.entities.pageInfo.hasNextPage).toBe(false);
      expect(second.data!.entities.totalCount).toBe(7);
    } finally {
      await removeFixture(app.store, lateTag);
    }
  });

  it('pages backward with last and before, and refuses a malformed or foreign cursor', async () => {
    const filter = { search: word, types: ['EVENT' as const] };
    const tail = await execute(app.yoga, EntitiesBackward, { filter, orderBy: 'DATE_ASC', last: 2 });
    expect(tail.errors).toBeUndefined();
    expect(tail.data!.entities.edges.map((edge) => edge.node.id)).toEqual([id.w1, id.undated]);
    expect(tail.data!.entities.pageInfo.hasPreviousPage).toBe(true);
    const before = await execute(app.yoga, EntitiesBackward, {
      filter,
      orderBy: 'DATE_ASC',
      last: 10,
      before: tail.data!.entities.pageInfo.startCursor,
    });
    expect(before.data!.entities.edges.map((edge) => edge.node.id)).toEqual([id.w3, id.other, id.w2]);
    expect(before.data!.entities.pageInfo.hasPreviousPage).toBe(false);

    const byName = await execute(app.yoga, Entities, { filter, orderBy: 'NAME', first: 1 });
    const nameCursor = byName.data!.entities.pageInfo.endCursor;
    for (const after of ['not a cursor', Buffer.from('[1,2').toString('base64url'), nameCursor]) {
      // The last one is a real cursor, but of another order.
      const result = await execute(app.yoga, Entities, { filter, orderBy: 'DEGREE', first: 2, after });
      expect(result.errors?.[0]?.extensions?.code, String(after)).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses a malformed filter with BAD_USER_INPUT', async () => {
    for (const filter of [{ dateFrom: '2024-13' }, { dateTo: 'yesterday' }, { language: 'french' }]) {
      const result = await execute(app.yoga, Entities, { filter });
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(filter)).toBe('BAD_USER_INPUT');
    }
  });

  it('lists dated events in date order, for a period and an entity', async () => {
    const mine = await execute(app.yoga, Timeline, { entityId: id.mss });
    expect(mine.errors).toBeUndefined();
    expect(events(mine.data!.timeline).map((event) => event.id)).toEqual([id.w3, id.w2, id.w1]);
    expect(events(mine.data!.timeline)[1]).toEqual({ id: id.w2, date: '2024-05', datePrecision: 'MONTH' });
    expect(mine.data!.timeline.totalCount).toBe(3);

    // A period, per entity (other tests' events may fill a period of the whole graph): the month
    // 2024-05 overlaps it, the day 2024-05-10 and the year 2023 do not.
    const mssPeriod = await execute(app.yoga, Timeline, { from: '2024-01', to: '2024-05-09', entityId: id.mss });
    expect(events(mssPeriod.data!.timeline).map((event) => event.id)).toEqual([id.w2]);
    const dgsiPeriod = await execute(app.yoga, Timeline, { from: '2024-01', to: '2024-05-09', entityId: id.dgsi });
    expect(events(dgsiPeriod.data!.timeline).map((event) => event.id)).toEqual([id.other]);
    // Over the whole graph: dates in order, all within the period.
    const period = events((await execute(app.yoga, Timeline, { from: '2024-01', to: '2024-05-09', first: 100 })).data!.timeline);
    const dates = period.map((event) => event.date!);
    expect([...dates].sort()).toEqual(dates);
    for (const date of dates) {
      const { first, last } = dateBounds(date);
      expect(last >= '2024-01-01' && first <= '2024-05-09', date).toBe(true);
    }

    const bad = await execute(app.yoga, Timeline, { from: '2024-02-30' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pages search hits and the timeline with keyset cursors that keep their place when data is added', async () => {
    // Search: the hits of `word` best first; names break ties between equal scores.
    const all = await execute(app.yoga, Search, { query: word, first: 100 });
    expect(all.errors).toBeUndefined();
    const allIds = ids(all.data!.search);
    expect(allIds.length).toBe(all.data!.search.totalCount);
    const page1 = await execute(app.yoga, Search, { query: word, first: 3 });
    expect(ids(page1.data!.search)).toEqual(allIds.slice(0, 3));
    expect(page1.data!.search.pageInfo.hasNextPage).toBe(true);

    // The timeline of MSS: w3 (2023), then w2 (2024-05), then w1 (2024-05-10).
    const tl1 = await execute(app.yoga, Timeline, { entityId: id.mss, first: 1 });
    expect(events(tl1.data!.timeline).map((event) => event.id)).toEqual([id.w3]);
    expect(tl1.data!.timeline.pageInfo.hasNextPage).toBe(true);

    // Entities and events that sort before both cursors: an offset would now repeat rows.
    const lateTag = uniqueTag('rsk');
    await writeFixture(app.store, {
      entities: [
        { id: `agency:${lateTag}-a`, type: 'Agency', name: `Aardvark bureau ${word}` },
        { id: `event:${lateTag}-old`, type: 'Event', name: `Old warning ${lateTag}`, date: '2001-01-01', datePrecision: 'DAY' },
      ],
      relations: [{ type: 'ISSUED', source: id.mss, target: `event:${lateTag}-old` }],
      documents: [],
    });
    try {
      const page2 = await execute(app.yoga, Search, { query: word, first: 100, after: page1.data!.search.pageInfo.endCursor });
      expect(page2.errors).toBeUndefined();
      const seen = [...ids(page1.data!.search), ...ids(page2.data!.search)];
      // Every hit of before once, whatever the new entity's score.
      for (const hit of allIds) expect(seen.filter((seenId) => seenId === hit), hit).toHaveLength(1);
      expect(page2.data!.search.totalCount).toBe(allIds.length + 1);

      const tl2 = await execute(app.yoga, Timeline, { entityId: id.mss, first: 10, after: tl1.data!.timeline.pageInfo.endCursor });
      expect(tl2.errors).toBeUndefined();
      expect(events(tl2.data!.timeline).map((event) => event.id)).toEqual([id.w2, id.w1]);
      expect(tl2.data!.timeline.pageInfo.hasNextPage).toBe(false);
      expect(tl2.data!.timeline.totalCount).toBe(4);
    } finally {
      await removeFixture(app.store, lateTag);
    }

    // A cursor of the other connection, or none of ours, is refused; page sizes are capped.
    const foreign = await execute(app.yoga, Timeline, { entityId: id.mss, first: 1, after: page1.data!.search.pageInfo.endCursor });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const forged = await execute(app.yoga, Search, { query: word, after: 'not a cursor' });
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await execute(app.yoga, Timeline, { first: 101 });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('counts entities and relations by type', async () => {
    const before = await execute(app.yoga, Stats);
    expect(before.errors).toBeUndefined();
    const stats = before.data!.stats;
    const byType = Object.fromEntries(stats.entitiesByType.map((entry) => [entry.type, entry.count]));
    expect(Object.keys(byType).sort()).toEqual(['AGENCY', 'EVENT', 'LAW', 'TACTIC', 'TARGET_GROUP']);
    expect(byType.EVENT).toBeGreaterThanOrEqual(5);
    expect(stats.entities).toBe(stats.entitiesByType.reduce((total, entry) => total + entry.count, 0));
    expect(stats.relations).toBe(stats.relationsByType.reduce((total, entry) => total + entry.count, 0));

    // Counts move with the graph: removing this fixture takes its 8 entities and 5 relations away.
    await removeFixture(app.store, tag);
    const after = (await execute(app.yoga, Stats)).data!.stats;
    expect(stats.entities - after.entities).toBe(8);
    expect(stats.relations - after.relations).toBe(5);
    expect(stats.documents - after.documents).toBe(1);
    await writeFixture(app.store, fixture);
  });
});
