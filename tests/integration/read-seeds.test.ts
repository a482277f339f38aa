import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { listDocumentFiles, readDocumentFile } from '../../src/ingestion/document-files.js';
import { SEEDS_DIR } from '../../src/ingestion/seed.js';
import { RELATION_TYPES } from '../../src/domain/relations.js';
import { EXAMPLE_QUERY } from '../../src/server/example-query.js';
import { createTestApp, execute, ingestInputOf, type TestApp } from '../support/services.js';

/**
 * End to end: the seed documents go in through the ingestDocument mutation (real extraction),
 * and the read API gives back the entities and relations, with their support. Other test files
 * may have loaded the seeds too, so counts are lower bounds, and only documents this file
 * created are deleted afterwards.
 */

const MSS = 'agency:ministry-of-state-security-china';
const NATIONALS = 'target-group:chinese-nationals-posted-abroad';

const IngestSeed = graphql(`
  mutation ReadSeedsIngest($input: IngestDocumentInput!) {
    ingestDocument(input: $input) {
      created
      document {
        id
        title
      }
    }
  }
`);

const DeleteSeed = graphql(`
  mutation ReadSeedsDelete($id: ID!) {
    deleteDocument(id: $id) {
      __typename
    }
  }
`);

const Mss = graphql(`
  query ReadSeedsMss($id: ID!) {
    entity(id: $id) {
      id
      name
      generic
      aliases {
        name
        language
      }
      mentionCount
      documents {
        id
        title
      }
      ... on Agency {
        warns {
          edges {
            weight
            node {
              id
              name
            }
            evidence {
              text
              document {
                id
              }
            }
          }
        }
        issued {
          edges {
            node {
              id
              date
              issuedBy {
                edges {
                  node {
                    id
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`);

const SearchSeeds = graphql(`
  query ReadSeedsSearch($query: String!) {
    search(query: $query, first: 5) {
      edges {
        node {
          id
        }
      }
    }
  }
`);

const SeedNeighborhood = graphql(`
  query ReadSeedsNeighborhood($ids: [ID!]!, $includeGeneric: Boolean) {
    neighborhood(ids: $ids, depth: 2, includeGeneric: $includeGeneric) {
      nodes {
        id
        generic
      }
      edges {
        id
        source
        target
      }
    }
  }
`);

describe('the seed documents, ingested and read back', () => {
  let app: TestApp;
  const created: string[] = [];
  const seedDocuments: { id: string; title: string | null | undefined }[] = [];

  beforeAll(async () => {
    app = await createTestApp();
    for (const file of await listDocumentFiles([SEEDS_DIR])) {
      const input = await readDocumentFile(file);
      const result = await execute(app.yoga, IngestSeed, {
        input: ingestInputOf(input),
      });
      expect(result.errors, file).toBeUndefined();
      const payload = result.data!.ingestDocument;
      seedDocuments.push(payload.document);
      if (payload.created) created.push(payload.document.id);
    }
  });

  afterAll(async () => {
    for (const id of created) await execute(app.yoga, DeleteSeed, { id });
    await app.close();
  });

  it('reads the MSS back with its French alias, its mentions and its documents', async () => {
    const result = await execute(app.yoga, Mss, { id: MSS });
    expect(result.errors).toBeUndefined();
    const mss = result.data!.entity!;
    expect(mss).toMatchObject({ id: MSS, name: 'Ministry of State Security (China)', generic: false });
    expect(mss.aliases.some((alias) => alias.language === 'fr' && /Sécurité d'État/i.test(alias.name))).toBe(true);
    // Named in the French and English warnings and in the law's entry into force.
    const seedIds = seedDocuments.map((doc) => doc.id);
    const mssDocuments = mss.documents.map((doc) => doc.id).filter((id) => seedIds.includes(id));
    expect(mssDocuments.length).toBeGreaterThanOrEqual(3);
    expect(mss.mentionCount).toBeGreaterThanOrEqual(mssDocuments.length);
  });

  it('merges the French and English reports into one relation with both documents as support', async () => {
    const result = await execute(app.yoga, Mss, { id: MSS });
    const warns = (result.data!.entity as any).warns.edges as any[];
    const nationals = warns.find((edge) => edge.node.id === NATIONALS);
    expect(nationals).toBeDefined();
    expect(nationals.weight).toBeGreaterThanOrEqual(2);
    const [french, english] = seedDocuments;
    const evidenceDocuments = nationals.evidence.map((evidence: any) => evidence.document.id);
    expect(evidenceDocuments).toEqual(expect.arrayContaining([french!.id, english!.id]));
    // Each piece of evidence is a sentence of its document.
    for (const evidence of nationals.evidence) expect(evidence.text.length).toBeGreaterThan(20);

    const issued = (result.data!.entity as any).issued.edges as any[];
    expect(issued.length).toBeGreaterThanOrEqual(1);
    for (const edge of issued) expect(edge.node.issuedBy.edges.map((e: any) => e.node.id)).toContain(MSS);
  });

  it('finds the MSS by its French name without accents', async () => {
    const result = await execute(app.yoga, SearchSeeds, { query: "securite d'etat" });
    expect(result.errors).toBeUndefined();
    expect(result.data!.search.edges.map((edge) => edge.node.id)).toContain(MSS);
  });

  it('steps over generic entities in the MSS neighbourhood unless asked', async () => {
    const plain = await execute(app.yoga, SeedNeighborhood, { ids: [MSS] });
    expect(plain.errors).toBeUndefined();
    const ids = plain.data!.neighborhood.nodes.map((node) => node.id);
    expect(ids).toContain(NATIONALS);
    expect(plain.data!.neighborhood.nodes.every((node) => !node.generic)).toBe(true);
    // Every edge joins two nodes of the view.
    for (const edge of plain.data!.neighborhood.edges) {
      expect(ids).toContain(edge.source);
      expect(ids).toContain(edge.target);
      expect(edge.id).toBe(`${edge.source}|${edge.id.split('|')[1]}|${edge.target}`);
    }
    const withGeneric = await execute(app.yoga, SeedNeighborhood, { ids: [MSS], includeGeneric: true });
    // Against the same neighbourhoods read by plain Cypher: everything within two hops, and only
    // what paths avoiding generic entities reach.
    const relations = RELATION_TYPES.join('|');
    const everything = await app.store.read(
      `MATCH (:Entity {id: $id})-[:${relations}*0..2]-(x:Entity) RETURN collect(DISTINCT x.id) AS ids`,
      { id: MSS },
    );
    const avoidingGeneric = await app.store.read(
      `MATCH p = (:Entity {id: $id})-[:${relations}*0..2]-(x:Entity)
       WHERE all(n IN nodes(p)[1..] WHERE NOT coalesce(n.generic, false))
       RETURN collect(DISTINCT x.id) AS ids`,
      { id: MSS },
    );
    expect(withGeneric.data!.neighborhood.nodes.map((node) => node.id).sort()).toEqual(
      (everything[0]!.ids as string[]).sort(),
    );
    expect([...ids].sort()).toEqual((avoidingGeneric[0]!.ids as string[]).sort());
  });

  it('runs the GraphiQL example query without errors', async () => {
    const result = await execute(app.yoga, EXAMPLE_QUERY);
    expect(result.errors).toBeUndefined();
    const data = result.data as any;
    expect(data.search.edges.map((edge: any) => edge.node.id)).toContain(MSS);
    expect(data.entity.id).toBe(MSS);
    expect(data.neighborhood.nodes.length).toBeGreaterThan(3);
  });
});
