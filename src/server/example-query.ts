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
    score
    entity { id name type }
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
