/** What GraphiQL opens with: a query that works on the seed data. */
export const EXAMPLE_QUERY = `# dossier: a knowledge graph of state-security news.
# Run this query (▶) to list the loaded documents.
query Documents {
  documents(first: 10) {
    totalCount
    edges {
      node {
        id
        title
        language
        publishedAt
        sourceUrl
      }
    }
  }
}
`;
