/**
 * What GraphiQL opens with: a query that works on the seed data (tests/integration/read-seeds.test.ts
 * runs it). The MSS id is the one the extractor gives the Ministry of State Security (China).
 */
export const EXAMPLE_QUERY = `# dossier: a knowledge graph of state-security news, in French and English.
# Run this query (▶). It finds the Ministry of State Security by a French name (accents and
# case do not matter), reads whom it warns and what it published with the sentences that
# support each relation, and draws its two-hop neighbourhood as flat nodes and edges that
# Cytoscape, sigma/graphology or NVL take as they are (generic "foreign spies" are stepped over).
query Explore {
  search(query: "securite d'etat", first: 3) {
    edges { score node { id name type } }
  }
  entity(id: "agency:ministry-of-state-security-china") {
    id
    name
    aliases { name language }
    mentionCount
    documents { title language publishedAt }
    ... on Agency {
      warns {
        totalCount
        edges {
          weight
          node { id name }
          evidence { text document { title } }
        }
      }
      issued {
        edges { node { id name date datePrecision } }
      }
    }
  }
  neighborhood(ids: ["agency:ministry-of-state-security-china"], depth: 2) {
    nodes { id type name degree generic }
    edges { id source target type weight }
  }
  stats { documents entities relations }
}
`;

export interface GraphiQLTab {
  query: string;
  variables?: string;
  headers?: string;
}

/**
 * The tabs GraphiQL opens with, one per thing a newcomer tries first. Every query is validated
 * against the schema by tests/unit/graphiql-tabs.test.ts, so a schema change cannot leave a
 * broken example behind.
 */
export const GRAPHIQL_TABS: GraphiQLTab[] = [
  { query: EXAMPLE_QUERY },
  {
    query: `# Full-text search over names and aliases, in French or English: accents and case do not
# matter, every word must match, the last one also as a prefix. Change $text in Variables below;
# $types takes AGENCY, LAW, TACTIC, TARGET_GROUP, EVENT. Next page: $after = pageInfo.endCursor.
query Search($text: String!, $types: [EntityType!], $after: String) {
  search(query: $text, types: $types, first: 10, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      score
      node { id type name aliases { name language } mentionCount }
    }
  }
}
`,
    variables: JSON.stringify({ text: 'renseignement', types: ['AGENCY', 'LAW'], after: null }, null, 2),
  },
  {
    query: `# The neighbourhood of one or more entities: everything within $depth hops (1 to 3) and the
# relations among them, as flat nodes and edges for Cytoscape, sigma/graphology or Neo4j NVL.
# Edge ids are stable (source|TYPE|target); degree sizes a node.
query Neighbourhood($ids: [ID!]!, $depth: Int) {
  neighborhood(ids: $ids, depth: $depth) {
    nodes { id type name degree generic }
    edges { id source target type weight }
  }
}
`,
    variables: JSON.stringify({ ids: ['agency:ministry-of-state-security-china'], depth: 2 }, null, 2),
  },
  {
    query: `# Dated events in date order (arrests, warnings, laws entering into force…), with who was
# involved and who announced them. Partial dates ("May 2024") sort before the days of their month.
# Next page: $after = pageInfo.endCursor (cursors stay valid when documents are added).
query Timeline($from: String, $to: String, $after: String) {
  timeline(from: $from, to: $to, first: 50, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id
        name
        date
        datePrecision
        involves { edges { node { id type name } } }
        issuedBy { edges { node { id name } } }
        documents { title publishedAt sourceUrl }
      }
    }
  }
}
`,
    variables: JSON.stringify({ from: '2020', to: null, after: null }, null, 2),
  },
  {
    query: `# Load a document: the extractor finds the entities and relations, and everything is written
# in one transaction (the same text again changes nothing). $dryRun: true answers as a load
# would and writes nothing; set it to false to write. When the server has an API_KEY, put it in
# the Authorization header (Headers tab below). Many files at once: npm run ingest -- --endpoint.
mutation LoadDocument($input: IngestDocumentInput!, $dryRun: Boolean) {
  ingestDocument(input: $input, dryRun: $dryRun) {
    status
    dryRun
    document { id title language publishedAt }
    entities { id type name status }
    relations { type source target status }
    warnings
  }
}
`,
    variables: JSON.stringify(
      {
        dryRun: true,
        input: {
          title: 'Security service warns researchers about online recruiters',
          language: 'EN',
          publishedAt: '2025-02-14',
          sourceUrl: 'https://example.org/your-article',
          text:
            'MI5 warned British researchers on Friday that foreign intelligence services use fake profiles on ' +
            'professional networking sites to approach them. The agency said recruiters offer paid consulting work ' +
            'before asking for unpublished research.',
        },
      },
      null,
      2,
    ),
    headers: JSON.stringify({ Authorization: 'Bearer <your API_KEY>' }, null, 2),
  },
];
