import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import type { ReadRelatedPageQuery, ReadRelatedPageQueryVariables } from '../gql/graphql.js';
import { removeFixture, writeFixture, type Fixture } from '../support/fixture-graph.js';
import { createTestApp, execute, uniqueTag, type TestApp } from '../support/services.js';

const tag = uniqueTag('re');
const id = {
  mss: `agency:${tag}-mss`,
  oldMss: `agency:${tag}-old-mss`,
  bfv: `agency:${tag}-bfv`,
  spies: `agency:${tag}-foreign-spies`,
  encounters: `tactic:${tag}-staged-encounters`,
  profiles: `tactic:${tag}-fake-profiles`,
  nationals: `target-group:${tag}-nationals-abroad`,
  engineers: `target-group:${tag}-engineers`,
  law: `law:${tag}-counter-espionage-law`,
  warning: `event:${tag}-warning-2024-05-10`,
  entry: `event:${tag}-law-in-force-2023-07-01`,
  doc: `document:${tag}-fr`,
};

const TEXT =
  "Le ministère chinois de la Sécurité d'État a publié un avertissement. " +
  'Les agents étrangers organisent des rencontres fortuites avec les ressortissants.';
const sentence1 = { start: 0, end: TEXT.indexOf('.') + 1 };
const sentence2 = { start: sentence1.end + 1, end: TEXT.length };
const span = (text: string): [number, number] => [TEXT.indexOf(text), TEXT.indexOf(text) + text.length];

const fixture: Fixture = {
  entities: [
    {
      id: id.mss,
      type: 'Agency',
      name: `Ministry of State Security ${tag}`,
      aliases: [
        [`ministère chinois de la Sécurité d'État ${tag}`, 'fr'],
        [`MSS${tag}`, 'en'],
      ],
    },
    { id: id.bfv, type: 'Agency', name: `BfV ${tag}` },
    { id: id.spies, type: 'Agency', name: `Foreign intelligence agencies (unspecified) ${tag}`, generic: true },
    { id: id.encounters, type: 'Tactic', name: `Staged chance encounters ${tag}`, aliases: [[`rencontres fortuites ${tag}`, 'fr']] },
    { id: id.profiles, type: 'Tactic', name: `Fake profiles ${tag}` },
    { id: id.nationals, type: 'TargetGroup', name: `Chinese nationals posted abroad ${tag}` },
    { id: id.engineers, type: 'TargetGroup', name: `Engineers ${tag}` },
    { id: id.law, type: 'Law', name: `Counter-Espionage Law ${tag}`, date: '2023-07-01', datePrecision: 'DAY' },
    { id: id.warning, type: 'Event', name: `MSS warning ${tag}`, date: '2024-05-10', datePrecision: 'DAY' },
    { id: id.entry, type: 'Event', name: `Law enters into force ${tag}`, date: '2023-07', datePrecision: 'MONTH' },
  ],
  documents: [
    {
      id: id.doc,
      text: TEXT,
      title: `Avertissement ${tag}`,
      language: 'fr',
      publishedAt: '2024-05-10',
      mentions: {
        [id.mss]: [span("ministère chinois de la Sécurité d'État")],
        [id.encounters]: [span('rencontres fortuites')],
        [id.nationals]: [span('ressortissants')],
      },
    },
  ],
  relations: [
    {
      type: 'USES',
      source: id.mss,
      target: id.encounters,
      docIds: [id.doc, `document:${tag}-other`],
      evidence: [`${id.doc}:${sentence2.start}:${sentence2.end}`],
    },
    { type: 'USES', source: id.mss, target: id.profiles, docIds: [id.doc] },
    { type: 'USES', source: id.spies, target: id.encounters },
    { type: 'TARGETS', source: id.encounters, target: id.nationals },
    { type: 'TARGETS', source: id.profiles, target: id.engineers },
    { type: 'WARNS', source: id.mss, target: id.nationals },
    { type: 'WARNS', source: id.bfv, target: id.engineers },
    { type: 'ISSUED', source: id.mss, target: id.warning, evidence: [`${id.doc}:${sentence1.start}:${sentence1.end}`] },
    { type: 'ENFORCES', source: id.mss, target: id.law },
    { type: 'INVOLVES', source: id.warning, target: id.nationals },
    { type: 'INVOLVES', source: id.warning, target: id.encounters },
    { type: 'INVOLVES', source: id.entry, target: id.law },
  ],
  redirects: [{ id: id.oldMss, target: id.mss }],
};

const EntityById = graphql(`
  query ReadEntityById($id: ID!) {
    entity(id: $id) {
      __typename
      id
      name
      type
      generic
      aliases {
        name
        language
      }
      mentionCount
      documentCount
      degree
      documents {
        id
        title
      }
      mentions {
        document {
          id
        }
        start
        end
        text
        sentence
      }
    }
  }
`);

const AgencyRelations = graphql(`
  query ReadAgencyRelations($id: ID!) {
    entity(id: $id) {
      id
      ... on Agency {
        tactics {
          totalCount
          edges {
            weight
            documentCount
            type
            direction
            documents {
              id
            }
            evidence {
              document {
                id
              }
              start
              end
              text
            }
            node {
              id
              name
              usedBy {
                edges {
                  node {
                    id
                  }
                }
              }
              targets {
                edges {
                  node {
                    id
                    warnedBy {
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
        warns {
          edges {
            node {
              id
            }
          }
        }
        issued {
          edges {
            node {
              id
              date
              datePrecision
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
        enforces {
          edges {
            node {
              id
              date
              enforcedBy {
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

const RelatedPage = graphql(`
  query ReadRelatedPage($id: ID!, $first: Int, $after: String, $direction: RelationDirection, $types: [EntityType!]) {
    entity(id: $id) {
      related(first: $first, after: $after, direction: $direction, types: $types) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          type
          direction
          node {
            id
            type
          }
        }
      }
    }
  }
`);

const EventInvolves = graphql(`
  query ReadEventInvolves($id: ID!) {
    entity(id: $id) {
      ... on Event {
        involves {
          edges {
            node {
              __typename
              id
            }
          }
        }
      }
    }
  }
`);

const NodeLookup = graphql(`
  query ReadNodeLookup($id: ID!, $ids: [ID!]!) {
    node(id: $id) {
      __typename
      id
      ... on Entity {
        name
      }
    }
    nodes(ids: $ids) {
      __typename
      id
    }
  }
`);

const DocumentEntities = graphql(`
  query ReadDocumentEntities($id: ID!, $types: [EntityType!]) {
    document(id: $id) {
      id
      entities(types: $types) {
        id
        type
      }
    }
  }
`);

describe('reading entities and their relations', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
    await writeFixture(app.store, fixture);
  });

  afterAll(async () => {
    await removeFixture(app.store, tag);
    await app.close();
  });

  it('reads an entity with aliases, counts, documents and mentions with their sentence', async () => {
    const result = await execute(app.yoga, EntityById, { id: id.mss });
    expect(result.errors).toBeUndefined();
    const entity = result.data!.entity!;
    expect(entity).toMatchObject({
      __typename: 'Agency',
      id: id.mss,
      name: `Ministry of State Security ${tag}`,
      type: 'AGENCY',
      generic: false,
      mentionCount: 1,
      documentCount: 1,
      // USES x2, WARNS, ISSUED, ENFORCES
      degree: 5,
      documents: [{ id: id.doc, title: `Avertissement ${tag}` }],
    });
    expect(entity.aliases).toEqual([
      { name: `ministère chinois de la Sécurité d'État ${tag}`, language: 'fr' },
      { name: `MSS${tag}`, language: 'en' },
    ]);
    expect(entity.mentions).toEqual([
      {
        document: { id: id.doc },
        start: 3,
        end: 3 + "ministère chinois de la Sécurité d'État".length,
        text: "ministère chinois de la Sécurité d'État",
        sentence: TEXT.slice(sentence1.start, sentence1.end),
      },
    ]);
  });

  it('follows a merged id to the survivor, and answers null for an unknown id', async () => {
    const merged = await execute(app.yoga, EntityById, { id: id.oldMss });
    expect(merged.errors).toBeUndefined();
    expect(merged.data!.entity!.id).toBe(id.mss);

    const unknown = await execute(app.yoga, EntityById, { id: `agency:${tag}-nobody` });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.entity).toBeNull();
  });

  it('serves node and nodes with global ids, following redirects, null for unknown ids', async () => {
    const result = await execute(app.yoga, NodeLookup, {
      id: id.oldMss,
      ids: [id.law, id.doc, `tactic:${tag}-none`, `agency:${tag}-bfv`],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.node).toEqual({ __typename: 'Agency', id: id.mss, name: `Ministry of State Security ${tag}` });
    expect(result.data!.nodes).toEqual([
      { __typename: 'Law', id: id.law },
      { __typename: 'Document', id: id.doc },
      null,
      { __typename: 'Agency', id: id.bfv },
    ]);
    // An id that names no type at all is a typed NOT_FOUND, not an internal error.
    const garbage = await execute(app.yoga, NodeLookup, { id: 'no-prefix-at-all', ids: [] });
    expect(garbage.data?.node).toBeNull();
    expect(garbage.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('walks typed relations both ways, with each edge carrying its support', async () => {
    const result = await execute(app.yoga, AgencyRelations, { id: id.mss });
    expect(result.errors).toBeUndefined();
    const agency = result.data!.entity as any;
    const tactics = agency.tactics;
    expect(tactics.totalCount).toBe(2);
    // Heaviest first: two documents support USES staged-encounters.
    expect(tactics.edges.map((edge: any) => edge.node.id)).toEqual([id.encounters, id.profiles]);
    const first = tactics.edges[0];
    expect(first).toMatchObject({ weight: 2, documentCount: 2, type: 'USES', direction: 'OUT' });
    expect(first.documents).toEqual([{ id: id.doc }]);
    expect(first.evidence).toEqual([
      { document: { id: id.doc }, start: sentence2.start, end: sentence2.end, text: TEXT.slice(sentence2.start) },
    ]);
    // Inverse direction: the generic agency uses the tactic too.
    expect(first.node.usedBy.edges.map((edge: any) => edge.node.id).sort()).toEqual([id.spies, id.mss].sort());
    expect(first.node.targets.edges).toEqual([{ node: { id: id.nationals, warnedBy: { edges: [{ node: { id: id.mss } }] } } }]);
    expect(tactics.edges[1].node.targets.edges[0].node.warnedBy.edges).toEqual([{ node: { id: id.bfv } }]);
    expect(agency.warns.edges).toEqual([{ node: { id: id.nationals } }]);
    expect(agency.issued.edges).toEqual([
      { node: { id: id.warning, date: '2024-05-10', datePrecision: 'DAY', issuedBy: { edges: [{ node: { id: id.mss } }] } } },
    ]);
    expect(agency.enforces.edges).toEqual([
      { node: { id: id.law, date: '2023-07-01', enforcedBy: { edges: [{ node: { id: id.mss } }] } } },
    ]);
  });

  it('returns any type through Event.involves', async () => {
    const result = await execute(app.yoga, EventInvolves, { id: id.warning });
    expect(result.errors).toBeUndefined();
    const nodes = (result.data!.entity as any).involves.edges.map((edge: any) => edge.node);
    expect(nodes).toEqual(
      expect.arrayContaining([
        { __typename: 'TargetGroup', id: id.nationals },
        { __typename: 'Tactic', id: id.encounters },
      ]),
    );
    expect(nodes).toHaveLength(2);
  });

  it('pages through Entity.related with cursors, filtered by direction and type', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const result: Awaited<ReturnType<typeof execute<ReadRelatedPageQuery, ReadRelatedPageQueryVariables>>> =
        await execute(app.yoga, RelatedPage, { id: id.mss, first: 2, after });
      expect(result.errors).toBeUndefined();
      const related = result.data!.entity!.related;
      expect(related.totalCount).toBe(5);
      seen.push(...related.edges.map((edge) => edge.node.id));
      if (!related.pageInfo.hasNextPage) break;
      after = related.pageInfo.endCursor ?? null;
    }
    expect(seen.sort()).toEqual([id.encounters, id.profiles, id.nationals, id.warning, id.law].sort());

    const incoming = await execute(app.yoga, RelatedPage, { id: id.encounters, direction: 'IN', types: ['AGENCY'] });
    const edges = incoming.data!.entity!.related.edges;
    expect(edges.map((edge) => edge.node.id).sort()).toEqual([id.mss, id.spies].sort());
    expect(edges.every((edge) => edge.direction === 'IN' && edge.type === 'USES')).toBe(true);
  });

  it('refuses a page over the limit and a cursor that is not one', async () => {
    const tooBig = await execute(app.yoga, RelatedPage, { id: id.mss, first: 101 });
    expect(tooBig.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await execute(app.yoga, RelatedPage, { id: id.mss, after: 'not a cursor' });
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists the entities a document mentions', async () => {
    const all = await execute(app.yoga, DocumentEntities, { id: id.doc });
    expect(all.errors).toBeUndefined();
    expect(all.data!.document!.entities.map((entity) => entity.id).sort()).toEqual(
      [id.mss, id.encounters, id.nationals].sort(),
    );
    const tactics = await execute(app.yoga, DocumentEntities, { id: id.doc, types: ['TACTIC'] });
    expect(tactics.data!.document!.entities).toEqual([{ id: id.encounters, type: 'TACTIC' }]);
  });
});
