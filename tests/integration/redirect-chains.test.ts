import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotate } from '../support/annotate.js';
import { createTestApp, execute, uniqueTag, type TestApp } from '../support/services.js';

/**
 * After A was merged into B and B into C, every field that takes an entity id lands on C when
 * given A (or B): reads, curation and loads alike. A chain the merges did not flatten (a
 * redirect to a redirect, as older data may hold) is followed the same way.
 */

const INGEST = `mutation ChainIngest($input: IngestDocumentInput!) {
  ingestDocument(input: $input) { entities { id name resolvedFrom } }
}`;
const MERGE = `mutation ChainMerge($into: ID!, $from: ID!) { mergeEntities(into: $into, from: $from) { mergedId survivor { id } } }`;

interface Result<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

function ok<T>(response: Result<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

describe('redirect chains', () => {
  let app: TestApp;
  const tag = uniqueTag('rc');
  const ids = {
    alpha: `agency:alpha-unit-${tag}`,
    bravo: `agency:bravo-unit-${tag}`,
    charlie: `agency:charlie-unit-${tag}`,
    delta: `agency:delta-unit-${tag}`,
    old: `agency:old-unit-${tag}`,
    students: `target-group:students-${tag}`,
  };
  const warning = `event:warning-${tag}`;

  const load = async (text: string, specs: Parameters<typeof annotate>[1], relations: Parameters<typeof annotate>[2] = []) =>
    ok(
      await execute<{ ingestDocument: { entities: { id: string; name: string; resolvedFrom: string[] }[] } }, unknown>(
        app.yoga,
        INGEST,
        { input: { text, language: 'EN' as const, publishedAt: '2024-05-10', useExtractor: false, annotations: annotate(text, specs, relations) } },
      ),
    ).ingestDocument;

  beforeAll(async () => {
    app = await createTestApp();
    const agency = (name: string) => ({ type: 'Agency' as const, name: `${name} ${tag}`, mentions: [`${name} ${tag}`] });
    const students = { type: 'TargetGroup' as const, name: `Students ${tag}`, mentions: [`students ${tag}`] };
    await load(
      `Alpha Unit ${tag} issued a warning ${tag} to students ${tag}.`,
      [agency('Alpha Unit'), students, { type: 'Event' as const, id: warning, name: `Warning ${tag}`, date: '2024-05-10', mentions: [`warning ${tag}`] }],
      [
        { type: 'ISSUED' as const, source: ids.alpha, target: warning },
        { type: 'WARNS' as const, source: ids.alpha, target: ids.students },
      ],
    );
    await load(`Bravo Unit ${tag} warned students ${tag}.`, [agency('Bravo Unit'), students], [
      { type: 'WARNS' as const, source: ids.bravo, target: ids.students },
    ]);
    await load(`Charlie Unit ${tag} warned students ${tag}.`, [agency('Charlie Unit'), students], [
      { type: 'WARNS' as const, source: ids.charlie, target: ids.students },
    ]);
    await load(`Delta Unit ${tag} and Old Unit ${tag} warned students ${tag}.`, [agency('Delta Unit'), agency('Old Unit'), students], [
      { type: 'WARNS' as const, source: ids.delta, target: ids.students },
      { type: 'WARNS' as const, source: ids.old, target: ids.students },
    ]);
    // A -> B, then B -> C: A's redirect is re-pointed to C.
    ok(await execute(app.yoga, MERGE, { into: ids.bravo, from: ids.alpha }));
    ok(await execute(app.yoga, MERGE, { into: ids.charlie, from: ids.bravo }));
    // A chain no merge flattened: old -> alpha -> charlie (old's node made a redirect by hand).
    await app.store.write((tx) =>
      tx.run(`MATCH (n:Entity {id: $old}) DETACH DELETE n MERGE (:Redirect {id: $old, target: $alpha})`, {
        old: ids.old,
        alpha: ids.alpha,
      }),
    );
  });

  afterAll(async () => {
    await app.store.write((tx) =>
      tx.run(
        `MATCH (n) WHERE (n:Entity AND n.name CONTAINS $tag) OR (n:Document AND n.text CONTAINS $tag) OR (n:Redirect AND n.id CONTAINS $tag)
         DETACH DELETE n`,
        { tag },
      ),
    );
    await app.close();
  });

  const merged = () => [ids.alpha, ids.bravo, ids.old];

  it('entity and node land on the survivor', async () => {
    for (const id of merged()) {
      const data = ok(
        await execute<{ entity: { id: string }; node: { id: string } }, unknown>(
          app.yoga,
          `query ChainEntity($id: ID!) { entity(id: $id) { id } node(id: $id) { id } }`,
          { id },
        ),
      );
      expect(data, id).toEqual({ entity: { id: ids.charlie }, node: { id: ids.charlie } });
    }
  });

  it('neighborhood, shortestPath and timeline start from the survivor', async () => {
    for (const id of merged()) {
      const data = ok(
        await execute<
          {
            neighborhood: { nodes: { id: string; distance: number }[] };
            from: { nodes: { id: string }[] } | null;
            to: { nodes: { id: string }[] } | null;
            timeline: { edges: { node: { id: string } }[] };
          },
          unknown
        >(
          app.yoga,
          `query ChainViews($id: ID!, $event: ID!) {
            neighborhood(ids: [$id]) { nodes { id distance } }
            from: shortestPath(from: $id, to: $event) { nodes { id } }
            to: shortestPath(from: $event, to: $id) { nodes { id } }
            timeline(entityId: $id) { edges { node { id } } }
          }`,
          { id, event: warning },
        ),
      );
      expect(data.neighborhood.nodes.find((node) => node.distance === 0)?.id, id).toBe(ids.charlie);
      expect(data.from?.nodes.map((node) => node.id), id).toEqual([ids.charlie, warning]);
      expect(data.to?.nodes.map((node) => node.id), id).toEqual([warning, ids.charlie]);
      expect(data.timeline.edges.map((edge) => edge.node.id), id).toEqual([warning]);
    }
  });

  it('updateEntity, mergeEntities and a load land on the survivor', async () => {
    const updated = ok(
      await execute<{ updateEntity: { id: string } }, unknown>(
        app.yoga,
        `mutation ChainUpdate($id: ID!) { updateEntity(id: $id, input: { aliases: ["Charlie Unit ${tag}", "CU ${tag}"] }) { id } }`,
        { id: ids.old },
      ),
    );
    expect(updated.updateEntity.id).toBe(ids.charlie);

    const mergedDelta = ok(
      await execute<{ mergeEntities: { mergedId: string; survivor: { id: string } } }, unknown>(app.yoga, MERGE, {
        into: ids.old,
        from: ids.delta,
      }),
    );
    expect(mergedDelta.mergeEntities).toEqual({ mergedId: ids.delta, survivor: { id: ids.charlie } });

    const loaded = await load(`Old Unit ${tag} warned students ${tag} once more.`, [
      { type: 'Agency' as const, id: ids.old, name: `Old Unit ${tag}`, mentions: [`Old Unit ${tag}`] },
      { type: 'TargetGroup' as const, name: `Students ${tag}`, mentions: [`students ${tag}`] },
    ]);
    expect(loaded.entities.find((entity) => entity.resolvedFrom.includes(ids.old))?.id).toBe(ids.charlie);
    const [row] = await app.store.read(
      `OPTIONAL MATCH (n:Entity) WHERE n.id IN $ids RETURN count(n) AS entities`,
      { ids: [ids.alpha, ids.bravo, ids.old, ids.delta] },
    );
    expect(row!.entities).toBe(0);
  });
});
