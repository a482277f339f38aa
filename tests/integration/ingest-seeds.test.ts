import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { readDocumentFile } from '../../src/ingestion/document-files.js';
import { createTestApp, execute, ingestInputOf, type TestApp } from '../support/services.js';

const LoadSeed = graphql(`
  mutation LoadSeed($input: IngestDocumentInput!) {
    ingestDocument(input: $input) {
      status
      warnings
      document {
        id
        language
        extractorVersion
      }
      entities {
        id
        status
      }
      relations {
        type
        source
        target
        status
      }
    }
  }
`);

const DeleteSeed = graphql(`
  mutation DeleteSeed($id: ID!) {
    deleteDocument(id: $id) {
      documentId
    }
  }
`);

const seed = (name: string) => fileURLToPath(new URL(`../../seeds/${name}`, import.meta.url));
const FRENCH = seed('01-fr-mss-avertissement-ressortissants.txt');
const ENGLISH = seed('02-en-mss-warning-nationals-abroad.txt');
const MSS = 'agency:ministry-of-state-security-china';

/**
 * The part of the graph these documents make: the documents, the entities they mention, their
 * MENTIONS, and the relationships they support (other test files' data is left out).
 */
async function footprint(app: TestApp, docIds: string[]) {
  const [row] = await app.store.read(
    `MATCH (d:Document) WHERE d.id IN $docIds
     OPTIONAL MATCH (d)-[m:MENTIONS]->(n:Entity)
     WITH collect(DISTINCT d) AS docs, collect(DISTINCT n) AS entities, count(m) AS mentions
     CALL (entities) {
       UNWIND entities AS n
       MATCH (n)-[r]->(:Entity) WHERE any(id IN r.docIds WHERE id IN $docIds)
       RETURN count(DISTINCT r) AS relations
     }
     RETURN size(docs) + size(entities) AS nodes, mentions + relations AS relationships,
       size(entities) AS entities, relations`,
    { docIds },
  );
  return row as { nodes: number; relationships: number; entities: number; relations: number };
}

describe('seed documents through the built-in extractor', () => {
  let app: TestApp;
  const created: string[] = [];

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    for (const id of created) await execute(app.yoga, DeleteSeed, { id });
    await app.close();
  });

  it('merges a French and an English report of the same facts into the same nodes, and a replay changes nothing', async () => {
    const french = await execute(app.yoga, LoadSeed, { input: ingestInputOf(await readDocumentFile(FRENCH)) });
    expect(french.errors).toBeUndefined();
    const frenchDoc = french.data!.ingestDocument;
    if (frenchDoc.status === 'CREATED') created.push(frenchDoc.document.id);
    expect(frenchDoc.document.language).toBe('fr');
    const afterFrench = await footprint(app, [frenchDoc.document.id]);
    expect(afterFrench.entities).toBeGreaterThanOrEqual(10);
    expect(afterFrench.relations).toBeGreaterThanOrEqual(10);

    const replay = await execute(app.yoga, LoadSeed, { input: ingestInputOf(await readDocumentFile(FRENCH)) });
    expect(replay.data!.ingestDocument.status).toBe('UNCHANGED');
    expect(await footprint(app, [frenchDoc.document.id])).toEqual(afterFrench);

    const english = await execute(app.yoga, LoadSeed, { input: ingestInputOf(await readDocumentFile(ENGLISH)) });
    expect(english.errors).toBeUndefined();
    const englishDoc = english.data!.ingestDocument;
    if (englishDoc.status === 'CREATED') created.push(englishDoc.document.id);
    expect(englishDoc.document.language).toBe('en');

    // The facts both texts report land on the same nodes and edges.
    const [shared] = await app.store.read(
      `MATCH (:Document {id: $fr})-[:MENTIONS]->(n:Entity)<-[:MENTIONS]-(:Document {id: $en})
       RETURN collect(n.id) AS ids`,
      { fr: frenchDoc.document.id, en: englishDoc.document.id },
    );
    const sharedIds = shared!.ids as string[];
    expect(sharedIds).toContain(MSS);
    expect(sharedIds).toContain('target-group:chinese-nationals-posted-abroad');
    expect(sharedIds.length).toBeGreaterThanOrEqual(8);
    if (englishDoc.status === 'CREATED') {
      const matched = englishDoc.entities.filter((entity) => entity.status === 'MATCHED').map((entity) => entity.id);
      expect(matched).toEqual(expect.arrayContaining(sharedIds));
    }

    const both = await footprint(app, [frenchDoc.document.id, englishDoc.document.id]);
    const englishAlone = await footprint(app, [englishDoc.document.id]);
    // Nodes shared, not duplicated: the union is far smaller than the sum.
    expect(both.entities).toBe(afterFrench.entities + englishAlone.entities - sharedIds.length);

    const [mss] = await app.store.read(
      `MATCH (n:Entity {id: $id}) RETURN n.aliases AS aliases, n.aliasLanguages AS languages`,
      { id: MSS },
    );
    expect(mss!.aliases).toEqual(expect.arrayContaining(["ministère chinois de la Sécurité d'État", 'MSS', "China's Ministry of State Security"]));
    expect(new Set(mss!.languages as string[])).toEqual(new Set(['fr', 'en']));
    const [warns] = await app.store.read(
      `MATCH (:Entity {id: $id})-[r:WARNS]->(:Entity {id: 'target-group:chinese-nationals-posted-abroad'})
       RETURN r.docIds AS docIds, r.weight AS weight`,
      { id: MSS },
    );
    expect(warns!.docIds).toEqual(expect.arrayContaining([frenchDoc.document.id, englishDoc.document.id]));
    expect(warns!.weight).toBe((warns!.docIds as string[]).length);

    // One node per id, whatever was loaded before.
    const duplicates = await app.store.read(`MATCH (n:Entity) WITH n.id AS id, count(*) AS copies WHERE copies > 1 RETURN id`);
    expect(duplicates).toEqual([]);
  });
});
