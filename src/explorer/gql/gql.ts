/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ExplorerGraphView on GraphView {\n    truncated\n    nodes {\n      id\n      type\n      name\n      degree\n      generic\n    }\n    edges {\n      id\n      source\n      target\n      type\n      weight\n    }\n  }\n": typeof types.ExplorerGraphViewFragmentDoc,
    "\n  query ExplorerOverview($limit: Int, $includeGeneric: Boolean) {\n    subgraph(limit: $limit, filter: { includeGeneric: $includeGeneric }) {\n      ...ExplorerGraphView\n    }\n  }\n": typeof types.ExplorerOverviewDocument,
    "\n  query ExplorerNeighborhood($ids: [ID!]!, $includeGeneric: Boolean, $limit: Int) {\n    neighborhood(ids: $ids, depth: 1, includeGeneric: $includeGeneric, limit: $limit) {\n      ...ExplorerGraphView\n    }\n  }\n": typeof types.ExplorerNeighborhoodDocument,
    "\n  query ExplorerShortestPath($from: ID!, $to: ID!, $includeGeneric: Boolean) {\n    shortestPath(from: $from, to: $to, includeGeneric: $includeGeneric) {\n      ...ExplorerGraphView\n    }\n  }\n": typeof types.ExplorerShortestPathDocument,
    "\n  query ExplorerSearch($query: String!, $first: Int) {\n    search(query: $query, first: $first) {\n      edges {\n        node {\n          id\n          name\n          type\n          generic\n        }\n      }\n    }\n  }\n": typeof types.ExplorerSearchDocument,
    "\n  query ExplorerDates($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Event {\n        id\n        date\n      }\n      ... on Law {\n        id\n        date\n      }\n    }\n  }\n": typeof types.ExplorerDatesDocument,
    "\n  query ExplorerEntity($id: ID!) {\n    entity(id: $id) {\n      id\n      name\n      type\n      generic\n      degree\n      documentCount\n      aliases {\n        name\n        language\n      }\n      ... on Event {\n        date\n      }\n      ... on Law {\n        date\n      }\n      documents {\n        id\n        title\n        sourceUrl\n        publishedAt\n        language\n      }\n      mentions {\n        start\n        end\n        sentence\n        sentenceStart\n        document {\n          id\n        }\n      }\n    }\n  }\n": typeof types.ExplorerEntityDocument,
    "\n  query ExplorerRelation($source: ID!, $target: ID!, $relationTypes: [RelationType!]) {\n    source: entity(id: $source) {\n      id\n      name\n      related(direction: OUT, relationTypes: $relationTypes, first: 100) {\n        edges {\n          type\n          weight\n          node {\n            id\n          }\n          documents {\n            id\n            title\n            sourceUrl\n            publishedAt\n          }\n          evidence {\n            text\n            start\n            end\n            document {\n              id\n            }\n          }\n        }\n      }\n      mentions {\n        start\n        end\n        document {\n          id\n        }\n      }\n    }\n    target: entity(id: $target) {\n      id\n      name\n      mentions {\n        start\n        end\n        document {\n          id\n        }\n      }\n    }\n  }\n": typeof types.ExplorerRelationDocument,
    "\n  mutation ExplorerIngest($input: IngestDocumentInput!, $dryRun: Boolean) {\n    ingestDocument(input: $input, dryRun: $dryRun) {\n      status\n      dryRun\n      created\n      warnings\n      document {\n        id\n        title\n        language\n      }\n      entities {\n        id\n        name\n        type\n        status\n      }\n      relations {\n        source\n        target\n        type\n        status\n      }\n    }\n  }\n": typeof types.ExplorerIngestDocument,
};
const documents: Documents = {
    "\n  fragment ExplorerGraphView on GraphView {\n    truncated\n    nodes {\n      id\n      type\n      name\n      degree\n      generic\n    }\n    edges {\n      id\n      source\n      target\n      type\n      weight\n    }\n  }\n": types.ExplorerGraphViewFragmentDoc,
    "\n  query ExplorerOverview($limit: Int, $includeGeneric: Boolean) {\n    subgraph(limit: $limit, filter: { includeGeneric: $includeGeneric }) {\n      ...ExplorerGraphView\n    }\n  }\n": types.ExplorerOverviewDocument,
    "\n  query ExplorerNeighborhood($ids: [ID!]!, $includeGeneric: Boolean, $limit: Int) {\n    neighborhood(ids: $ids, depth: 1, includeGeneric: $includeGeneric, limit: $limit) {\n      ...ExplorerGraphView\n    }\n  }\n": types.ExplorerNeighborhoodDocument,
    "\n  query ExplorerShortestPath($from: ID!, $to: ID!, $includeGeneric: Boolean) {\n    shortestPath(from: $from, to: $to, includeGeneric: $includeGeneric) {\n      ...ExplorerGraphView\n    }\n  }\n": types.ExplorerShortestPathDocument,
    "\n  query ExplorerSearch($query: String!, $first: Int) {\n    search(query: $query, first: $first) {\n      edges {\n        node {\n          id\n          name\n          type\n          generic\n        }\n      }\n    }\n  }\n": types.ExplorerSearchDocument,
    "\n  query ExplorerDates($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Event {\n        id\n        date\n      }\n      ... on Law {\n        id\n        date\n      }\n    }\n  }\n": types.ExplorerDatesDocument,
    "\n  query ExplorerEntity($id: ID!) {\n    entity(id: $id) {\n      id\n      name\n      type\n      generic\n      degree\n      documentCount\n      aliases {\n        name\n        language\n      }\n      ... on Event {\n        date\n      }\n      ... on Law {\n        date\n      }\n      documents {\n        id\n        title\n        sourceUrl\n        publishedAt\n        language\n      }\n      mentions {\n        start\n        end\n        sentence\n        sentenceStart\n        document {\n          id\n        }\n      }\n    }\n  }\n": types.ExplorerEntityDocument,
    "\n  query ExplorerRelation($source: ID!, $target: ID!, $relationTypes: [RelationType!]) {\n    source: entity(id: $source) {\n      id\n      name\n      related(direction: OUT, relationTypes: $relationTypes, first: 100) {\n        edges {\n          type\n          weight\n          node {\n            id\n          }\n          documents {\n            id\n            title\n            sourceUrl\n            publishedAt\n          }\n          evidence {\n            text\n            start\n            end\n            document {\n              id\n            }\n          }\n        }\n      }\n      mentions {\n        start\n        end\n        document {\n          id\n        }\n      }\n    }\n    target: entity(id: $target) {\n      id\n      name\n      mentions {\n        start\n        end\n        document {\n          id\n        }\n      }\n    }\n  }\n": types.ExplorerRelationDocument,
    "\n  mutation ExplorerIngest($input: IngestDocumentInput!, $dryRun: Boolean) {\n    ingestDocument(input: $input, dryRun: $dryRun) {\n      status\n      dryRun\n      created\n      warnings\n      document {\n        id\n        title\n        language\n      }\n      entities {\n        id\n        name\n        type\n        status\n      }\n      relations {\n        source\n        target\n        type\n        status\n      }\n    }\n  }\n": types.ExplorerIngestDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ExplorerGraphView on GraphView {\n    truncated\n    nodes {\n      id\n      type\n      name\n      degree\n      generic\n    }\n    edges {\n      id\n      source\n      target\n      type\n      weight\n    }\n  }\n"): typeof import('./graphql.js').ExplorerGraphViewFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplorerOverview($limit: Int, $includeGeneric: Boolean) {\n    subgraph(limit: $limit, filter: { includeGeneric: $includeGeneric }) {\n      ...ExplorerGraphView\n    }\n  }\n"): typeof import('./graphql.js').ExplorerOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplorerNeighborhood($ids: [ID!]!, $includeGeneric: Boolean, $limit: Int) {\n    neighborhood(ids: $ids, depth: 1, includeGeneric: $includeGeneric, limit: $limit) {\n      ...ExplorerGraphView\n    }\n  }\n"): typeof import('./graphql.js').ExplorerNeighborhoodDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplorerShortestPath($from: ID!, $to: ID!, $includeGeneric: Boolean) {\n    shortestPath(from: $from, to: $to, includeGeneric: $includeGeneric) {\n      ...ExplorerGraphView\n    }\n  }\n"): typeof import('./graphql.js').ExplorerShortestPathDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplorerSearch($query: String!, $first: Int) {\n    search(query: $query, first: $first) {\n      edges {\n        node {\n          id\n          name\n          type\n          generic\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').ExplorerSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplorerDates($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Event {\n        id\n        date\n      }\n      ... on Law {\n        id\n        date\n      }\n    }\n  }\n"): typeof import('./graphql.js').ExplorerDatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplorerEntity($id: ID!) {\n    entity(id: $id) {\n      id\n      name\n      type\n      generic\n      degree\n      documentCount\n      aliases {\n        name\n        language\n      }\n      ... on Event {\n        date\n      }\n      ... on Law {\n        date\n      }\n      documents {\n        id\n        title\n        sourceUrl\n        publishedAt\n        language\n      }\n      mentions {\n        start\n        end\n        sentence\n        sentenceStart\n        document {\n          id\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').ExplorerEntityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplorerRelation($source: ID!, $target: ID!, $relationTypes: [RelationType!]) {\n    source: entity(id: $source) {\n      id\n      name\n      related(direction: OUT, relationTypes: $relationTypes, first: 100) {\n        edges {\n          type\n          weight\n          node {\n            id\n          }\n          documents {\n            id\n            title\n            sourceUrl\n            publishedAt\n          }\n          evidence {\n            text\n            start\n            end\n            document {\n              id\n            }\n          }\n        }\n      }\n      mentions {\n        start\n        end\n        document {\n          id\n        }\n      }\n    }\n    target: entity(id: $target) {\n      id\n      name\n      mentions {\n        start\n        end\n        document {\n          id\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').ExplorerRelationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExplorerIngest($input: IngestDocumentInput!, $dryRun: Boolean) {\n    ingestDocument(input: $input, dryRun: $dryRun) {\n      status\n      dryRun\n      created\n      warnings\n      document {\n        id\n        title\n        language\n      }\n      entities {\n        id\n        name\n        type\n        status\n      }\n      relations {\n        source\n        target\n        type\n        status\n      }\n    }\n  }\n"): typeof import('./graphql.js').ExplorerIngestDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
