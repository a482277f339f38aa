import { graphql } from './gql/index.js';

/**
 * Every GraphQL operation the explorer sends, in one place (typed by codegen into ./gql): public
 * queries and mutations only, the same an analyst could send from GraphiQL.
 */

export const GraphViewFields = graphql(`
  fragment ExplorerGraphView on GraphView {
    truncated
    nodes {
      id
      type
      name
      degree
      generic
    }
    edges {
      id
      source
      target
      type
      weight
    }
  }
`);

export const Overview = graphql(`
  query ExplorerOverview($limit: Int, $includeGeneric: Boolean) {
    subgraph(limit: $limit, filter: { includeGeneric: $includeGeneric }) {
      ...ExplorerGraphView
    }
  }
`);

export const Neighborhood = graphql(`
  query ExplorerNeighborhood($ids: [ID!]!, $includeGeneric: Boolean, $limit: Int) {
    neighborhood(ids: $ids, depth: 1, includeGeneric: $includeGeneric, limit: $limit) {
      ...ExplorerGraphView
    }
  }
`);

export const ShortestPath = graphql(`
  query ExplorerShortestPath($from: ID!, $to: ID!, $includeGeneric: Boolean) {
    shortestPath(from: $from, to: $to, includeGeneric: $includeGeneric) {
      ...ExplorerGraphView
    }
  }
`);

export const Search = graphql(`
  query ExplorerSearch($query: String!, $first: Int) {
    search(query: $query, first: $first) {
      edges {
        node {
          id
          name
          type
          generic
        }
      }
    }
  }
`);

export const Dates = graphql(`
  query ExplorerDates($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Event {
        id
        date
      }
      ... on Law {
        id
        date
      }
    }
  }
`);

export const EntityDetails = graphql(`
  query ExplorerEntity($id: ID!) {
    entity(id: $id) {
      id
      name
      type
      generic
      degree
      documentCount
      aliases {
        name
        language
      }
      ... on Event {
        date
      }
      ... on Law {
        date
      }
      documents {
        id
        title
        sourceUrl
        publishedAt
        language
      }
      mentions {
        start
        end
        sentence
        sentenceStart
        document {
          id
        }
      }
    }
  }
`);

export const RelationDetails = graphql(`
  query ExplorerRelation($source: ID!, $target: ID!, $relationTypes: [RelationType!]) {
    source: entity(id: $source) {
      id
      name
      related(direction: OUT, relationTypes: $relationTypes, first: 100) {
        edges {
          type
          weight
          node {
            id
          }
          documents {
            id
            title
            sourceUrl
            publishedAt
          }
          evidence {
            text
            start
            end
            document {
              id
            }
          }
        }
      }
      mentions {
        start
        end
        document {
          id
        }
      }
    }
    target: entity(id: $target) {
      id
      name
      mentions {
        start
        end
        document {
          id
        }
      }
    }
  }
`);

export const IngestDocument = graphql(`
  mutation ExplorerIngest($input: IngestDocumentInput!, $dryRun: Boolean) {
    ingestDocument(input: $input, dryRun: $dryRun) {
      status
      dryRun
      created
      warnings
      document {
        id
        title
        language
      }
      entities {
        id
        name
        type
        status
      }
      relations {
        source
        target
        type
        status
      }
    }
  }
`);
