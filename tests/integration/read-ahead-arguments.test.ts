import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeFixture, writeFixture } from '../support/fixture-graph.js';
import { createTestApp, execute, uniqueTag, type TestApp } from '../support/services.js';

/**
 * `entity(id)` reads the relation fields below it ahead, from the query's text: their arguments
 * must mean what they mean to the resolvers. Found by the fuzz suite: an enum literal in upper
 * case (`types: [TARGET_GROUP]`) reached the store as written and failed as an internal error.
 */
describe('arguments of fields read ahead', () => {
  let app: TestApp;
  const tag = uniqueTag('ra');
  const agency = `agency:${tag}-a`;
  const tactic = `tactic:${tag}-t`;
  const group = `target-group:${tag}-g`;
  const doc = `document:${tag}`;

  beforeAll(async () => {
    app = await createTestApp();
    await writeFixture(app.store, {
      entities: [
        { id: agency, type: 'Agency', name: `Agency ${tag}` },
        { id: tactic, type: 'Tactic', name: `Tactic ${tag}` },
        { id: group, type: 'TargetGroup', name: `Group ${tag}` },
      ],
      relations: [
        { type: 'USES', source: agency, target: tactic, docIds: [doc] },
        { type: 'TARGETS', source: agency, target: group, docIds: [doc] },
      ],
      documents: [{ id: doc, text: `Agency ${tag} and the rest.` }],
    });
  });
  afterAll(async () => {
    await removeFixture(app.store, tag);
    await app.close();
  });

  const related = (types: string) =>
    `query Related($id: ID!${types.startsWith('$') ? ', $types: [EntityType!]' : ''}) {
      entity(id: $id) { id related(types: ${types}, direction: OUT) { edges { node { id } } } }
    }`;

  it('takes enum literals and variables as the resolver does', async () => {
    const literal = await execute<{ entity: { related: { edges: { node: { id: string } }[] } } }, unknown>(app.yoga, related('[TARGET_GROUP]'), {
      id: agency,
    });
    expect(literal.errors).toBeUndefined();
    expect(literal.data!.entity.related.edges.map((edge) => edge.node.id)).toEqual([group]);

    const variable = await execute<{ entity: { related: { edges: { node: { id: string } }[] } } }, unknown>(app.yoga, related('$types'), {
      id: agency,
      types: ['TACTIC'],
    });
    expect(variable.errors).toBeUndefined();
    expect(variable.data!.entity.related.edges.map((edge) => edge.node.id)).toEqual([tactic]);
  });

  it('plans a repeated operation the same each time, and again when a variable below it changes', async () => {
    type Answer = { entity: { related: { edges: { node: { id: string } }[] } } };
    const ids = (answer: { data?: Answer | null; errors?: unknown }) => {
      expect(answer.errors).toBeUndefined();
      return answer.data!.entity.related.edges.map((edge) => edge.node.id);
    };
    // Literal arguments: the plans are kept for the operation, the answers stay per request.
    for (let round = 0; round < 2; round += 1) {
      expect(ids(await execute<Answer, unknown>(app.yoga, related('[TARGET_GROUP]'), { id: agency }))).toEqual([group]);
      expect(ids(await execute<Answer, unknown>(app.yoga, related('[TACTIC]'), { id: agency }))).toEqual([tactic]);
    }
    // A variable below entity(id): planned for each request's value.
    for (const [types, expected] of [
      [['TACTIC'], [tactic]],
      [['TARGET_GROUP'], [group]],
      [['TACTIC', 'TARGET_GROUP'], [group, tactic].sort()],
    ] as const) {
      expect(ids(await execute<Answer, unknown>(app.yoga, related('$types'), { id: agency, types })).sort()).toEqual(expected);
    }
    const pageOf = `query Page($id: ID!, $first: Int) {
      entity(id: $id) { id related(direction: OUT, first: $first) { edges { node { id } } } }
    }`;
    expect(ids(await execute<Answer, unknown>(app.yoga, pageOf, { id: agency, first: 1 }))).toHaveLength(1);
    expect(ids(await execute<Answer, unknown>(app.yoga, pageOf, { id: agency, first: 2 }))).toHaveLength(2);
  });
});
