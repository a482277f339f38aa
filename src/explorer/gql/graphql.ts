/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** An entity the client found in the text, as in the extraction output. */
export type AnnotatedEntityInput = {
  /** Other names (never anaphora such as "the ministry"). */
  aliases?: Array<string> | null | undefined;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (Events, Laws). */
  date?: string | null | undefined;
  /** How much of the date is known; from the date when omitted. */
  datePrecision?: DatePrecision | null | undefined;
  /** An unnamed actor ("foreign spies"): never matched by name. */
  generic?: boolean | null | undefined;
  /** `<prefix>:<slug>`; derived from type and name when omitted. */
  id?: string | number | null | undefined;
  /** Where the text names it (default: none). */
  mentions?: Array<AnnotatedMentionInput> | null | undefined;
  /** Canonical name, English where one is known. */
  name: string;
  /** Its entity type. */
  type: EntityType;
};

/** A mention: offsets into the text as sent (UTF-16 code units, end exclusive) and the text there. */
export type AnnotatedMentionInput = {
  /** UTF-16 offset just after the last character. */
  end: number;
  /** UTF-16 offset of the first character. */
  start: number;
  /** The text at start..end, checked against the document (a mismatch is BAD_USER_INPUT). */
  text: string;
};

/** A relation the client found between two of its annotated entities; its endpoints must fit the ontology. */
export type AnnotatedRelationInput = {
  /** Sentences that support it (default: none). */
  evidence?: Array<AnnotatedSpanInput> | null | undefined;
  /** Id of an entity of these annotations. */
  source: string | number;
  /** Id of an entity of these annotations. */
  target: string | number;
  /** Its relation type; source and target must fit it (see the ontology). */
  type: RelationType;
};

/** A range of the text as sent (UTF-16 code units, end exclusive), e.g. a supporting sentence. */
export type AnnotatedSpanInput = {
  /** UTF-16 offset just after the last character. */
  end: number;
  /** UTF-16 offset of the first character. */
  start: number;
};

/** Entities and relations found by the client (its own NLP or LLM), in the shape of the extraction output; validated against the ontology and the text. */
export type AnnotationsInput = {
  /** The entities (default: none). */
  entities?: Array<AnnotatedEntityInput> | null | undefined;
  /** Relations between those entities (default: none). */
  relations?: Array<AnnotatedRelationInput> | null | undefined;
};

/** How much of a date is known: `2024-05-10` is DAY, `2024-05` MONTH, `2024` YEAR. */
export type DatePrecision =
  /** The day is known (`YYYY-MM-DD`). */
  | 'DAY'
  /** Only the month is known (`YYYY-MM`). */
  | 'MONTH'
  /** Only the year is known (`YYYY`). */
  | 'YEAR';

/** The kinds of entity the graph holds (see the ontology). */
export type EntityType =
  /** An organisation that acts: ministry, intelligence or security service, police, prosecutor, court, legislature, … */
  | 'AGENCY'
  /** A dated or datable happening: a warning published, a law entering into force, an arrest, a charge, … */
  | 'EVENT'
  /** A law, regulation, treaty or legally-worded offence. */
  | 'LAW'
  /** A concrete method an actor uses: approach, recruitment, manipulation, coercion, cover, cyber technique. */
  | 'TACTIC'
  /** A group targeted or addressed: nationals posted abroad, students and researchers, engineers, … */
  | 'TARGET_GROUP';

/** One document to load: its text, what is known about it, and optionally the client's own annotations. */
export type IngestDocumentInput = {
  /** Entities and relations of your own, written with (or instead of) the extractor's. */
  annotations?: AnnotationsInput | null | undefined;
  /** The language to read the text in; detected when omitted (a text in a language the extractor does not read is stored with its detected ISO code, read by the language-neutral rules only). */
  language?: Language | null | undefined;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; relative dates in the text resolve against it. */
  publishedAt?: string | null | undefined;
  /** Where the text comes from, kept as metadata. */
  sourceUrl?: string | null | undefined;
  /** The plain text (at most MAX_DOCUMENT_CHARS, 1,000,000 by default); its hash is the document id. */
  text: string;
  /** Headline, kept as metadata (not extracted from). */
  title?: string | null | undefined;
  /** Run the built-in extractor (default true); false writes the annotations alone. */
  useExtractor?: boolean | null | undefined;
};

/** What a load did with the document. */
export type IngestDocumentStatus =
  /** The document was new. */
  | 'CREATED'
  /** Loaded before with an older extractor: the document's part of the graph was replaced. */
  | 'REPLACED'
  /** The same text was loaded before with the same extractor version: nothing was written. */
  | 'UNCHANGED';

/** Whether a load created an entity or relation or found it in the graph already. */
export type IngestWriteStatus =
  /** Written for the first time by this load. */
  | 'CREATED'
  /** Existed already; this document added its support. */
  | 'MATCHED';

/** A language the extractor reads; each value stands for its ISO 639-1 code (`EN` for `en`). */
export type Language =
  /** English (`en`). */
  | 'EN'
  /** French (`fr`). */
  | 'FR';

/** Typed relations between entities (see the ontology for their direction). */
export type RelationType =
  /** A legislature adopted the law. */
  | 'ENACTED'
  /** The agency applies the law (charges, investigates under it). */
  | 'ENFORCES'
  /** Participants and subjects of an event. */
  | 'INVOLVES'
  /** The agency published the warning, statement or advisory, or announced the case. */
  | 'ISSUED'
  /** Subordination of an agency; sub-events of an event. */
  | 'PART_OF'
  /** The outlet or body that reported or disclosed the event. */
  | 'REPORTED_BY'
  /** Whom a method or an actor aims at. */
  | 'TARGETS'
  /** The actor uses the method. */
  | 'USES'
  /** The group an agency's warning addresses. */
  | 'WARNS';

export type ExplorerGraphViewFragment = { truncated: boolean, nodes: Array<{ id: string, type: EntityType, name: string, degree: number, generic: boolean }>, edges: Array<{ id: string, source: string, target: string, type: RelationType, weight: number }> };

export type ExplorerOverviewQueryVariables = Exact<{
  limit?: number | null | undefined;
  includeGeneric?: boolean | null | undefined;
}>;


export type ExplorerOverviewQuery = { subgraph: { truncated: boolean, nodes: Array<{ id: string, type: EntityType, name: string, degree: number, generic: boolean }>, edges: Array<{ id: string, source: string, target: string, type: RelationType, weight: number }> } };

export type ExplorerNeighborhoodQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
  includeGeneric?: boolean | null | undefined;
  limit?: number | null | undefined;
}>;


export type ExplorerNeighborhoodQuery = { neighborhood: { truncated: boolean, nodes: Array<{ id: string, type: EntityType, name: string, degree: number, generic: boolean }>, edges: Array<{ id: string, source: string, target: string, type: RelationType, weight: number }> } };

export type ExplorerShortestPathQueryVariables = Exact<{
  from: string | number;
  to: string | number;
  includeGeneric?: boolean | null | undefined;
}>;


export type ExplorerShortestPathQuery = { shortestPath: { truncated: boolean, nodes: Array<{ id: string, type: EntityType, name: string, degree: number, generic: boolean }>, edges: Array<{ id: string, source: string, target: string, type: RelationType, weight: number }> } | null };

export type ExplorerSearchQueryVariables = Exact<{
  query: string;
  first?: number | null | undefined;
}>;


export type ExplorerSearchQuery = { search: { edges: Array<{ node:
        | { id: string, name: string, type: EntityType, generic: boolean }
        | { id: string, name: string, type: EntityType, generic: boolean }
        | { id: string, name: string, type: EntityType, generic: boolean }
        | { id: string, name: string, type: EntityType, generic: boolean }
        | { id: string, name: string, type: EntityType, generic: boolean }
       }> } };

export type ExplorerDatesQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type ExplorerDatesQuery = { nodes: Array<
    | { id: string, date: string | null }
    | { id: string, date: string | null }
    | Record<PropertyKey, never>
   | null> };

export type ExplorerEntityQueryVariables = Exact<{
  id: string | number;
}>;


export type ExplorerEntityQuery = { entity:
    | { id: string, name: string, type: EntityType, generic: boolean, degree: number, documentCount: number, aliases: Array<{ name: string, language: string | null }>, documents: Array<{ id: string, title: string | null, sourceUrl: string | null, publishedAt: string | null, language: string | null }>, mentions: Array<{ start: number, end: number, sentence: string, sentenceStart: number, document: { id: string } }> }
    | { date: string | null, id: string, name: string, type: EntityType, generic: boolean, degree: number, documentCount: number, aliases: Array<{ name: string, language: string | null }>, documents: Array<{ id: string, title: string | null, sourceUrl: string | null, publishedAt: string | null, language: string | null }>, mentions: Array<{ start: number, end: number, sentence: string, sentenceStart: number, document: { id: string } }> }
    | { date: string | null, id: string, name: string, type: EntityType, generic: boolean, degree: number, documentCount: number, aliases: Array<{ name: string, language: string | null }>, documents: Array<{ id: string, title: string | null, sourceUrl: string | null, publishedAt: string | null, language: string | null }>, mentions: Array<{ start: number, end: number, sentence: string, sentenceStart: number, document: { id: string } }> }
    | { id: string, name: string, type: EntityType, generic: boolean, degree: number, documentCount: number, aliases: Array<{ name: string, language: string | null }>, documents: Array<{ id: string, title: string | null, sourceUrl: string | null, publishedAt: string | null, language: string | null }>, mentions: Array<{ start: number, end: number, sentence: string, sentenceStart: number, document: { id: string } }> }
    | { id: string, name: string, type: EntityType, generic: boolean, degree: number, documentCount: number, aliases: Array<{ name: string, language: string | null }>, documents: Array<{ id: string, title: string | null, sourceUrl: string | null, publishedAt: string | null, language: string | null }>, mentions: Array<{ start: number, end: number, sentence: string, sentenceStart: number, document: { id: string } }> }
   | null };

export type ExplorerRelationQueryVariables = Exact<{
  source: string | number;
  target: string | number;
  relationTypes?: Array<RelationType> | RelationType | null | undefined;
}>;


export type ExplorerRelationQuery = { source:
    | { id: string, name: string, related: { edges: Array<{ type: RelationType, weight: number, node:
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
          , documents: Array<{ id: string, title: string | null, sourceUrl: string | null, publishedAt: string | null }>, evidence: Array<{ text: string, start: number, end: number, document: { id: string } }> }> }, mentions: Array<{ start: number, end: number, document: { id: string } }> }
    | { id: string, name: string, related: { edges: Array<{ type: RelationType, weight: number, node:
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
          , documents: Array<{ id: string, title: string | null, sourceUrl: string | null, publishedAt: string | null }>, evidence: Array<{ text: string, start: number, end: number, document: { id: string } }> }> }, mentions: Array<{ start: number, end: number, document: { id: string } }> }
    | { id: string, name: string, related: { edges: Array<{ type: RelationType, weight: number, node:
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
          , documents: Array<{ id: string, title: string | null, sourceUrl: string | null, publishedAt: string | null }>, evidence: Array<{ text: string, start: number, end: number, document: { id: string } }> }> }, mentions: Array<{ start: number, end: number, document: { id: string } }> }
    | { id: string, name: string, related: { edges: Array<{ type: RelationType, weight: number, node:
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
          , documents: Array<{ id: string, title: string | null, sourceUrl: string | null, publishedAt: string | null }>, evidence: Array<{ text: string, start: number, end: number, document: { id: string } }> }> }, mentions: Array<{ start: number, end: number, document: { id: string } }> }
    | { id: string, name: string, related: { edges: Array<{ type: RelationType, weight: number, node:
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
          , documents: Array<{ id: string, title: string | null, sourceUrl: string | null, publishedAt: string | null }>, evidence: Array<{ text: string, start: number, end: number, document: { id: string } }> }> }, mentions: Array<{ start: number, end: number, document: { id: string } }> }
   | null, target:
    | { id: string, name: string, mentions: Array<{ start: number, end: number, document: { id: string } }> }
    | { id: string, name: string, mentions: Array<{ start: number, end: number, document: { id: string } }> }
    | { id: string, name: string, mentions: Array<{ start: number, end: number, document: { id: string } }> }
    | { id: string, name: string, mentions: Array<{ start: number, end: number, document: { id: string } }> }
    | { id: string, name: string, mentions: Array<{ start: number, end: number, document: { id: string } }> }
   | null };

export type ExplorerIngestMutationVariables = Exact<{
  input: IngestDocumentInput;
  dryRun?: boolean | null | undefined;
}>;


export type ExplorerIngestMutation = { ingestDocument: { status: IngestDocumentStatus, dryRun: boolean, created: boolean, warnings: Array<string>, document: { id: string, title: string | null, language: string | null }, entities: Array<{ id: string, name: string, type: EntityType, status: IngestWriteStatus }>, relations: Array<{ source: string, target: string, type: RelationType, status: IngestWriteStatus }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ExplorerGraphViewFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"ExplorerGraphView"}) as unknown as TypedDocumentString<ExplorerGraphViewFragment, unknown>;
export const ExplorerOverviewDocument = new TypedDocumentString(`
    query ExplorerOverview($limit: Int, $includeGeneric: Boolean) {
  subgraph(limit: $limit, filter: {includeGeneric: $includeGeneric}) {
    ...ExplorerGraphView
  }
}
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
}`) as unknown as TypedDocumentString<ExplorerOverviewQuery, ExplorerOverviewQueryVariables>;
export const ExplorerNeighborhoodDocument = new TypedDocumentString(`
    query ExplorerNeighborhood($ids: [ID!]!, $includeGeneric: Boolean, $limit: Int) {
  neighborhood(
    ids: $ids
    depth: 1
    includeGeneric: $includeGeneric
    limit: $limit
  ) {
    ...ExplorerGraphView
  }
}
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
}`) as unknown as TypedDocumentString<ExplorerNeighborhoodQuery, ExplorerNeighborhoodQueryVariables>;
export const ExplorerShortestPathDocument = new TypedDocumentString(`
    query ExplorerShortestPath($from: ID!, $to: ID!, $includeGeneric: Boolean) {
  shortestPath(from: $from, to: $to, includeGeneric: $includeGeneric) {
    ...ExplorerGraphView
  }
}
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
}`) as unknown as TypedDocumentString<ExplorerShortestPathQuery, ExplorerShortestPathQueryVariables>;
export const ExplorerSearchDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ExplorerSearchQuery, ExplorerSearchQueryVariables>;
export const ExplorerDatesDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ExplorerDatesQuery, ExplorerDatesQueryVariables>;
export const ExplorerEntityDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ExplorerEntityQuery, ExplorerEntityQueryVariables>;
export const ExplorerRelationDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ExplorerRelationQuery, ExplorerRelationQueryVariables>;
export const ExplorerIngestDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ExplorerIngestMutation, ExplorerIngestMutationVariables>;