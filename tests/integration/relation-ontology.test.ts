import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractionResult, Extractor } from '../../src/extraction/types.js';
import { writeDocumentGraphs } from '../../src/ingestion/bulk-load.js';
import { ingestDocument } from '../../src/ingestion/ingest-document.js';
import { upsertRelations } from '../../src/store/graph-writes.js';
import { applySchema } from '../../src/store/schema-setup.js';
import { annotate } from '../support/annotate.js';
import { removeFixture, writeFixture } from '../support/fixture-graph.js';
import { createTestApp, execute, uniqueTag, type TestApp } from '../support/services.js';

/**
 * Every stored relation joins the entity types the relation table allows (domain/relations.ts):
 * each write path refuses a mis-typed one, and relation reads, which drop the label filter on
 * the other end when the store counted no mis-typed relation, answer the same either way.
 */

const tag = uniqueTag('onto');
const agency = `agency:${tag}-a`;
const tactic = `tactic:${tag}-t`;
const group = `target-group:${tag}-g`;

/** Stored relations between this test's entities, as `TYPE source->target`, sorted. */
async function storedRelations(app: TestApp): Promise<string[]> {
  const rows = await app.store.read(
    `MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id CONTAINS $tag AND b.id CONTAINS $tag
     RETURN type(r) + ' ' + a.id + '->' + b.id AS edge ORDER BY edge`,
    { tag },
  );
  return rows.map((row) => row.edge as string);
}

const READ = `
  query Read($id: ID!) {
    entity(id: $id) {
      id
      ... on Agency {
        tactics { totalCount edges { node { id name usedBy { totalCount edges { node { id } } } } } }
        warns { totalCount edges { node { id warnedBy { edges { node { id } } } } } }
      }
    }
  }`;

describe('relations fit the ontology', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
    await writeFixture(app.store, {
      entities: [
        { id: agency, type: 'Agency', name: `Agency ${tag}` },
        { id: tactic, type: 'Tactic', name: `Tactic ${tag}` },
        { id: group, type: 'TargetGroup', name: `Group ${tag}` },
      ],
      relations: [
        { type: 'USES', source: agency, target: tactic },
        { type: 'WARNS', source: agency, target: group },
      ],
    });
  });

  afterAll(async () => {
    await removeFixture(app.store, tag);
    await applySchema(app.store);
    await app.close();
  });

  it('upsertRelations writes only the rows whose ends the relation table joins', async () => {
    const written = await app.store.write((tx) =>
      upsertRelations(tx, [
        { type: 'USES', source: tactic, target: agency, docIds: ['document:x'], evidence: [] },
        { type: 'WARNS', source: agency, target: tactic, docIds: ['document:x'], evidence: [] },
        { type: 'TARGETS', source: tactic, target: group, docIds: ['document:x'], evidence: [] },
      ]),
    );
    expect(written.map((relation) => `${relation.type} ${relation.source}->${relation.target}`)).toEqual([
      `TARGETS ${tactic}->${group}`,
    ]);
    expect(await storedRelations(app)).toEqual([`TARGETS ${tactic}->${group}`, `USES ${agency}->${tactic}`, `WARNS ${agency}->${group}`]);
    await app.store.write((tx) => tx.run(`MATCH (:Entity {id: $tactic})-[r:TARGETS]->() DELETE r`, { tactic }));
  });

  it('a mis-typed relation from the extractor is not stored, and the load says why', async () => {
    const text = `Tactic ${tag} uses Agency ${tag}.`;
    const extractor: Extractor = {
      name: 'misfit',
      version: 'misfit-1',
      extract: async (): Promise<ExtractionResult> => ({
        language: 'en',
        entities: [
          { id: tactic, type: 'Tactic', name: `Tactic ${tag}`, aliases: [], date: null, mentions: [{ start: 0, end: 6, text: 'Tactic' }] },
          { id: agency, type: 'Agency', name: `Agency ${tag}`, aliases: [], date: null, mentions: [] },
        ],
        relations: [{ type: 'USES', source: tactic, target: agency, evidence: [{ start: 0, end: text.length }] }],
      }),
    };
    const result = await ingestDocument(app.store, { text, language: 'en' }, { maxDocumentChars: 10_000, extractor });
    expect(result.relations).toEqual([]);
    expect(result.warnings).toContain(
      `relation USES ${tactic} -> ${agency} not stored: the ontology does not join these entity types`,
    );
    expect(await storedRelations(app)).toEqual([`USES ${agency}->${tactic}`, `WARNS ${agency}->${group}`]);
  });

  it('a bulk load counts the mis-typed relations it leaves out', async () => {
    const text = `Agency ${tag} warns Tactic ${tag} in bulk.`;
    const result = await writeDocumentGraphs(app.store, [
      {
        document: { text, language: 'en' },
        extraction: {
          language: 'en',
          entities: [
            { id: agency, type: 'Agency', name: `Agency ${tag}`, aliases: [], date: null, mentions: [] },
            { id: tactic, type: 'Tactic', name: `Tactic ${tag}`, aliases: [], date: null, mentions: [] },
          ],
          relations: [{ type: 'WARNS', source: agency, target: tactic, evidence: [] }],
        },
      },
    ]);
    expect(result.relationsRejected).toBe(1);
    expect(result.relationsCreated + result.relationsUpdated).toBe(0);
    expect(await storedRelations(app)).toEqual([`USES ${agency}->${tactic}`, `WARNS ${agency}->${group}`]);
  });

  it('a mis-typed annotation is a BAD_USER_INPUT and writes nothing', async () => {
    const text = `Tactic ${tag} uses Agency ${tag} by annotation.`;
    const annotations = annotate(
      text,
      [
        { type: 'Tactic', name: `Tactic ${tag}`, id: tactic, mentions: [`Tactic ${tag}`] },
        { type: 'Agency', name: `Agency ${tag}`, id: agency, mentions: [`Agency ${tag}`] },
      ],
      [{ type: 'USES', source: tactic, target: agency }],
    );
    const response = await execute(
      app.yoga,
      `mutation Load($input: IngestDocumentInput!) { ingestDocument(input: $input) { status } }`,
      { input: { text, language: 'EN', annotations, useExtractor: false } },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/USES cannot join Tactic to Agency/);
    expect(await storedRelations(app)).toEqual([`USES ${agency}->${tactic}`, `WARNS ${agency}->${group}`]);
  });

  it('relation fields answer the same with and without the label filter, and keep it while older data does not fit', async () => {
    await applySchema(app.store);
    expect(app.store.relationsFitOntology).toBe(true);
    const withoutFilter = await execute(app.yoga, READ, { id: agency });
    expect(withoutFilter.errors).toBeUndefined();
    app.store.relationsFitOntology = false;
    const withFilter = await execute(app.yoga, READ, { id: agency });
    expect(withoutFilter.data).toEqual(withFilter.data);
    expect(withFilter.data).toMatchObject({
      entity: { tactics: { totalCount: 1, edges: [{ node: { id: tactic } }] }, warns: { totalCount: 1 } },
    });

    // A relation stored before the write paths checked them (written here past them): the count
    // at setup keeps the filter, and the reads leave it out.
    await app.store.write((tx) =>
      tx.run(`MATCH (a:Entity {id: $agency}), (g:Entity {id: $group}) CREATE (a)-[:USES {docIds: [], evidence: [], weight: 5}]->(g)`, {
        agency,
        group,
      }),
    );
    await applySchema(app.store);
    expect(app.store.relationsFitOntology).toBe(false);
    expect((await execute(app.yoga, READ, { id: agency })).data).toEqual(withFilter.data);
    // What the count guards against: without the filter, the read would list the group as a tactic.
    app.store.relationsFitOntology = true;
    const unguarded = await execute(app.yoga, READ, { id: agency });
    expect(unguarded.data).toMatchObject({ entity: { tactics: { totalCount: 2 } } });
  });
});
