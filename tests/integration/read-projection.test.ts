import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { removeFixture, writeFixture, type FixtureEntity, type FixtureRelation } from '../support/fixture-graph.js';
import { createTestApp, execute, uniqueTag, type TestApp } from '../support/services.js';

/**
 * Relation reads project what the operation selects (RelationPlan.nodeFields / support): an
 * ids-only walk reads references, a walk that selects names, evidence or documents reads them,
 * and either way the answer is the one the per-level loaders give with the look-ahead off
 * (`@include` on a relation field makes it load itself).
 */

const tag = uniqueTag('proj');
const SIZE = 4;
const agency = (i: number) => `agency:${tag}-a${i}`;
const tactic = (i: number) => `tactic:${tag}-t${i}`;
const group = (i: number) => `target-group:${tag}-g${i}`;
const doc = `document:${tag}-d`;
const TEXT = 'Agency warns group. Tactic targets group.';

const entities: FixtureEntity[] = [];
const relations: FixtureRelation[] = [];
for (let i = 0; i < SIZE; i += 1) {
  entities.push(
    { id: agency(i), type: 'Agency', name: `Agency ${i} ${tag}`, aliases: [[`A${i}`, 'en']] },
    { id: tactic(i), type: 'Tactic', name: `Tactic ${i} ${tag}` },
    { id: group(i), type: 'TargetGroup', name: `Group ${i} ${tag}` },
  );
  relations.push(
    // The last agency's own tactic has two supporting documents: it comes before tactic 0.
    { type: 'USES', source: agency(i), target: tactic(i), docIds: i === SIZE - 1 ? [doc, `${doc}-2`] : [doc], evidence: [`${doc}:0:19`] },
    { type: 'USES', source: agency(i), target: tactic((i + 1) % SIZE), docIds: [doc], evidence: [`${doc}:20:41`] },
    { type: 'TARGETS', source: tactic(i), target: group(i), docIds: [doc], evidence: [`${doc}:20:41`] },
    { type: 'TARGETS', source: tactic(i), target: group((i + 1) % SIZE), docIds: [doc], evidence: [] },
    { type: 'WARNS', source: agency(i), target: group(i), docIds: [doc], evidence: [`${doc}:0:19`] },
    { type: 'WARNS', source: agency((i + 1) % SIZE), target: group(i), docIds: [doc], evidence: [`${doc}:0:19`] },
  );
}

/** `directive` goes on every relation field: '' reads ahead, '@include(if: $always)' loads level by level. */
const idsOnly = (directive: string) => `
  query IdsOnly($id: ID!, $always: Boolean!) {
    entity(id: $id) {
      id
      __typename @include(if: $always)
      ... on Agency {
        tactics ${directive} { edges { node { id targets ${directive} { edges { node { id
          warnedBy ${directive} { edges { node { id } } } } } } } } }
      }
    }
  }`;

const withSupport = (directive: string) => `
  query WithSupport($id: ID!, $always: Boolean!) {
    entity(id: $id) {
      id
      __typename @include(if: $always)
      name
      ... on Agency {
        tactics ${directive} {
          totalCount
          edges {
            weight
            documentCount
            node { id name targets ${directive} { edges { cursor type direction
              evidence { document { id } start end text }
              node { id
                warnedBy ${directive} { edges { documents { id } node { id name aliases { name language } } } } } } } }
          }
        }
      }
    }
  }`;

// Names at one level, ids at another; fragments; aliases of one field with different arguments.
const mixed = (directive: string) => `
  query Mixed($id: ID!, $always: Boolean!) {
    entity(id: $id) {
      id
      __typename @include(if: $always)
      ... on Agency {
        one: tactics(first: 1) ${directive} { edges { node { ...TacticName
          targets ${directive} { edges { weight node { id } } } } } }
        rest: tactics(first: 2) ${directive} { pageInfo { hasNextPage } edges { node { id
          targets ${directive} { edges { node { id ... on TargetGroup { name } } } } } } }
        related(types: [TARGET_GROUP]) ${directive} { edges { type node { __typename id
          ... on TargetGroup { warnedBy ${directive} { edges { node { ... on Agency { name } id } } } }
          ... on Agency { name } } } }
        plain: related(types: [TACTIC]) ${directive} { edges { node { id related ${directive} { totalCount edges { node { id } } } } } }
      }
    }
  }
  fragment TacticName on Tactic { name }`;

let app: TestApp;

beforeAll(async () => {
  // Each operation here is a new nested statement that Neo4j plans on first use: seconds on a
  // busy shared machine, so the read timeout must not be what these correctness checks measure.
  app = await createTestApp({ READ_TIMEOUT_MS: '120000' });
  await writeFixture(app.store, {
    entities,
    relations,
    documents: [{ id: doc, text: TEXT, title: 'Projection fixture' }],
  });
});

afterAll(async () => {
  await removeFixture(app.store, tag);
  await app.close();
});

async function both(query: (directive: string) => string, id: string) {
  const ahead = await execute(app.yoga, query(''), { id, always: true });
  const loaded = await execute(app.yoga, query('@include(if: $always)'), { id, always: true });
  expect(ahead.errors).toBeUndefined();
  expect(loaded.errors).toBeUndefined();
  return { ahead: ahead.data, loaded: loaded.data };
}

describe('relation reads project the selected fields', () => {
  it('answers the ids-only depth-3 walk from references, as the loaders do', async () => {
    const { ahead, loaded } = await both(idsOnly, agency(0));
    expect(ahead).toEqual(loaded);
    // The read-ahead query reads references and no support (level-by-level loads under a
    // directive are conservative: a node whose relation field loads itself is read whole).
    const read = vi.spyOn(app.store, 'read');
    const readRaw = vi.spyOn(app.store, 'readRaw');
    try {
      expect((await execute(app.yoga, idsOnly(''), { id: agency(0), always: true })).data).toEqual(ahead);
      const reads = [...read.mock.calls, ...readRaw.mock.calls].map((call) => String(call[0]));
      expect(reads).toHaveLength(1);
      const cypher = reads.join('\n');
      // Each level's edge is [id, nested…]: the label fixes the type, the weight is read for the
      // order but not returned (not selected), no other property, no support.
      expect(cypher).toContain('RETURN[o0.id,COLLECT');
      expect(cypher).toContain('RETURN[o2.id]ORDER BY r2.weight DESC,o2.id LIMIT $l0}');
      expect(cypher).not.toMatch(/o\d\.(name|type)/);
      expect(cypher).not.toMatch(/coalesce\(r\d\.weight/);
      expect(cypher).not.toContain('.evidence');
      // The root entity: its id and type, nothing else selected.
      expect(cypher).toContain('RETURN q,[n.id,n.type]AS e,');
      expect(cypher).not.toContain('.aliases');
    } finally {
      read.mockRestore();
      readRaw.mockRestore();
    }
    const tactics = (ahead as any).entity.tactics.edges.map((edge: any) => edge.node.id);
    expect(tactics).toEqual([tactic(0), tactic(1)]);
    const targets = (ahead as any).entity.tactics.edges[0].node.targets.edges.map((edge: any) => edge.node.id);
    expect(targets).toEqual([group(0), group(1)]);
    const warners = (ahead as any).entity.tactics.edges[0].node.targets.edges[1].node.warnedBy.edges.map(
      (edge: any) => edge.node.id,
    );
    expect(warners).toEqual([agency(1), agency(2)]);
  });

  it('orders edges by weight when the weight is read for the order only', async () => {
    const { ahead, loaded } = await both(idsOnly, agency(SIZE - 1));
    expect(ahead).toEqual(loaded);
    const tactics = (ahead as any).entity.tactics.edges.map((edge: any) => edge.node.id);
    expect(tactics).toEqual([tactic(SIZE - 1), tactic(0)]);
  });

  it('reads names, evidence and documents when they are selected', async () => {
    const { ahead, loaded } = await both(withSupport, agency(1));
    expect(ahead).toEqual(loaded);
    const entity = (ahead as any).entity;
    expect(entity.name).toBe(`Agency 1 ${tag}`);
    expect(entity.tactics.edges[0]).toMatchObject({ weight: 1, documentCount: 1, node: { name: `Tactic 1 ${tag}` } });
    const target = entity.tactics.edges[0].node.targets.edges[0];
    expect(target.evidence).toEqual([{ document: { id: doc }, start: 20, end: 41, text: 'Tactic targets group.' }]);
    const warnedBy = target.node.warnedBy.edges[0];
    // Names and aliases selected: those properties and no others.
    const readRaw = vi.spyOn(app.store, 'readRaw');
    try {
      await execute(app.yoga, withSupport(''), { id: agency(1), always: true });
      const cypher = readRaw.mock.calls.map((call) => String(call[0])).join('\n');
      expect(cypher).toContain('RETURN q,[n.id,n.type,n.name]AS e,');
      expect(cypher).toContain('[o0.id,o0.name,coalesce(r0.weight,size(r0.docIds)),r0.docIds,r0.evidence,');
      expect(cypher).toContain('[o2.id,o2.aliasLanguages,o2.aliases,o2.name,coalesce(r2.weight,size(r2.docIds)),');
      expect(cypher).not.toContain('o2.generic');
      expect(cypher).toContain('r1.evidence');
    } finally {
      readRaw.mockRestore();
    }
    expect(warnedBy.documents).toEqual([{ id: doc }]);
    expect(warnedBy.node).toEqual({ id: agency(1), name: `Agency 1 ${tag}`, aliases: [{ name: 'A1', language: 'en' }] });
  });

  it('keeps mixed selections, fragments and aliases with different arguments correct', async () => {
    const { ahead, loaded } = await both(mixed, agency(2));
    expect(ahead).toEqual(loaded);
    const entity = (ahead as any).entity;
    expect(entity.one.edges).toHaveLength(1);
    expect(entity.one.edges[0].node.name).toBe(`Tactic 2 ${tag}`);
    // Tactic 3 targets groups 3 and 0, equal weights, so by id.
    expect(entity.rest.edges[1].node.targets.edges[0].node.name).toBe(`Group 0 ${tag}`);
    const related = entity.related.edges.map((edge: any) => edge.node);
    expect(related.map((node: any) => node.__typename)).toEqual(['TargetGroup', 'TargetGroup']);
    expect(related[0].warnedBy.edges.map((edge: any) => edge.node.name)).toEqual([
      `Agency 1 ${tag}`,
      `Agency 2 ${tag}`,
    ]);
    expect(entity.plain.edges[0].node.related.totalCount).toBeGreaterThan(0);
  });
});
