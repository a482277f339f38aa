import { badInput, type ErrorCode } from '../errors.js';
import type { EntityType } from '../domain/entities.js';
import type { RelationType } from '../domain/relations.js';
import { runBatch, type BatchItem } from '../ingestion/ingest-batch.js';
import { documentLoads } from '../metrics.js';
import {
  ingestDocument,
  type IngestedEntity,
  type IngestedRelation,
  type IngestInput,
  type IngestResult,
} from '../ingestion/ingest-document.js';
import { requireWriteAccess } from './auth.js';
import { builder } from './builder.js';
import type { RequestContext } from './context.js';
import { DocumentNode } from './document.js';
import { DatePrecisionEnum, EntityTypeEnum } from './entity.js';
import { LanguageEnum } from './language.js';
import { RelationTypeEnum } from './relations.js';

/** How many documents one ingestDocuments call takes; larger loads go through the CLI. */
export const MAX_DOCUMENTS_PER_CALL = 100;
/** How many of them are extracted and written at once. */
const BULK_CONCURRENCY = 2;

const MentionInput = builder.inputType('AnnotatedMentionInput', {
  description: 'A mention: offsets into the text as sent (UTF-16 code units, end exclusive) and the text there.',
  fields: (t) => ({
    start: t.int({ required: true, description: 'UTF-16 offset of the first character.' }),
    end: t.int({ required: true, description: 'UTF-16 offset just after the last character.' }),
    text: t.string({ required: true, description: 'The text at start..end, checked against the document (a mismatch is BAD_USER_INPUT).' }),
  }),
});

const SpanInput = builder.inputType('AnnotatedSpanInput', {
  description: 'A range of the text as sent (UTF-16 code units, end exclusive), e.g. a supporting sentence.',
  fields: (t) => ({
    start: t.int({ required: true, description: 'UTF-16 offset of the first character.' }),
    end: t.int({ required: true, description: 'UTF-16 offset just after the last character.' }),
  }),
});

const AnnotatedEntityInput = builder.inputType('AnnotatedEntityInput', {
  description: 'An entity the client found in the text, as in the extraction output.',
  fields: (t) => ({
    id: t.id({ description: '`<prefix>:<slug>`; derived from type and name when omitted.' }),
    type: t.field({ type: EntityTypeEnum, required: true, description: 'Its entity type.' }),
    name: t.string({ required: true, description: 'Canonical name, English where one is known.' }),
    aliases: t.stringList({ description: 'Other names (never anaphora such as "the ministry").' }),
    date: t.string({ description: '`YYYY-MM-DD`, `YYYY-MM` or `YYYY` (Events, Laws).' }),
    datePrecision: t.field({ type: DatePrecisionEnum, description: 'How much of the date is known; from the date when omitted.' }),
    generic: t.boolean({ description: 'An unnamed actor ("foreign spies"): never matched by name.' }),
    mentions: t.field({ type: [MentionInput], description: 'Where the text names it (default: none).' }),
  }),
});

const AnnotatedRelationInput = builder.inputType('AnnotatedRelationInput', {
  description: 'A relation the client found between two of its annotated entities; its endpoints must fit the ontology.',
  fields: (t) => ({
    type: t.field({ type: RelationTypeEnum, required: true, description: 'Its relation type; source and target must fit it (see the ontology).' }),
    source: t.id({ required: true, description: 'Id of an entity of these annotations.' }),
    target: t.id({ required: true, description: 'Id of an entity of these annotations.' }),
    evidence: t.field({ type: [SpanInput], description: 'Sentences that support it (default: none).' }),
  }),
});

const AnnotationsInput = builder.inputType('AnnotationsInput', {
  description:
    'Entities and relations found by the client (its own NLP or LLM), in the shape of the extraction output; validated against the ontology and the text.',
  fields: (t) => ({
    entities: t.field({ type: [AnnotatedEntityInput], description: 'The entities (default: none).' }),
    relations: t.field({ type: [AnnotatedRelationInput], description: 'Relations between those entities (default: none).' }),
  }),
});

const IngestDocumentInput = builder.inputType('IngestDocumentInput', {
  description: 'One document to load: its text, what is known about it, and optionally the client\'s own annotations.',
  fields: (t) => ({
    text: t.string({
      required: true,
      description: 'The plain text (at most MAX_DOCUMENT_CHARS, 1,000,000 by default); its hash is the document id.',
    }),
    title: t.string({ description: 'Headline, kept as metadata (not extracted from).' }),
    sourceUrl: t.string({ description: 'Where the text comes from, kept as metadata.' }),
    language: t.field({
      type: LanguageEnum,
      description:
        'The language to read the text in; detected when omitted (a text in a language the extractor does not read ' +
        'is stored with its detected ISO code, read by the language-neutral rules only).',
    }),
    publishedAt: t.string({ description: '`YYYY-MM-DD`, `YYYY-MM` or `YYYY`; relative dates in the text resolve against it.' }),
    annotations: t.field({ type: AnnotationsInput, description: 'Entities and relations of your own, written with (or instead of) the extractor\'s.' }),
    useExtractor: t.boolean({
      description: 'Run the built-in extractor (default true); false writes the annotations alone.',
    }),
  }),
});

const DocumentStatusEnum = builder.enumType('IngestDocumentStatus', {
  description: 'What a load did with the document.',
  values: {
    CREATED: { description: 'The document was new.' },
    UNCHANGED: { description: 'The same text was loaded before with the same extractor version: nothing was written.' },
    REPLACED: { description: "Loaded before with an older extractor: the document's part of the graph was replaced." },
  } as const,
});

const WriteStatusEnum = builder.enumType('IngestWriteStatus', {
  description: 'Whether a load created an entity or relation or found it in the graph already.',
  values: {
    CREATED: { description: 'Written for the first time by this load.' },
    MATCHED: { description: 'Existed already; this document added its support.' },
  } as const,
});

const IngestedEntityRef = builder.objectRef<IngestedEntity>('IngestedEntity').implement({
  description: 'An entity the document supports, as it stands in the graph after resolution.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Its id in the graph (after redirects).' }),
    type: t.field({ type: EntityTypeEnum, description: 'Its entity type.', resolve: (entity) => entity.type as EntityType }),
    name: t.exposeString('name', { description: 'Its canonical name in the graph (a curated name wins).' }),
    status: t.field({ type: WriteStatusEnum, description: 'Created by this load or matched.', resolve: (entity) => entity.status }),
    resolvedFrom: t.exposeIDList('resolvedFrom', {
      description: 'Ids the extraction gave that landed on this entity (redirects, shared names).',
    }),
  }),
});

const IngestedRelationRef = builder.objectRef<IngestedRelation>('IngestedRelation').implement({
  description: 'A relation the document supports, between entities as they stand in the graph.',
  fields: (t) => ({
    type: t.field({ type: RelationTypeEnum, description: 'The relation type.', resolve: (relation) => relation.type as RelationType }),
    source: t.exposeID('source', { description: 'Id of the entity it starts from.' }),
    target: t.exposeID('target', { description: 'Id of the entity it points to.' }),
    status: t.field({ type: WriteStatusEnum, description: 'Created by this load or matched.', resolve: (relation) => relation.status }),
  }),
});

const IngestDocumentPayload = builder.objectRef<IngestResult>('IngestDocumentPayload').implement({
  description: 'What loading one document did (or, with dryRun, would do).',
  fields: (t) => ({
    created: t.exposeBoolean('created', {
      description: 'False when the same text had been loaded before.',
    }),
    status: t.field({ type: DocumentStatusEnum, description: 'Created, unchanged or replaced.', resolve: (payload) => payload.status }),
    dryRun: t.exposeBoolean('dryRun', { description: 'True when nothing was written (the answer is what a load would do).' }),
    document: t.field({ type: DocumentNode, description: 'The document as stored.', resolve: (payload) => payload.document }),
    entities: t.field({
      type: [IngestedEntityRef],
      description: 'The entities the document supports.',
      resolve: (payload) => payload.entities,
    }),
    relations: t.field({
      type: [IngestedRelationRef],
      description: 'The relations the document supports.',
      resolve: (payload) => payload.relations,
    }),
    warnings: t.exposeStringList('warnings', {
      description: 'Notes for a human (e.g. a relation dropped because an end is not in the document); empty when none.',
    }),
  }),
});

type IngestItemResult = BatchItem<IngestResult>;

const ErrorCodeEnum = builder.enumType('ErrorCode', {
  description: 'Codes of expected errors, as in `extensions.code` of a GraphQL error.',
  values: {
    BAD_USER_INPUT: { description: 'The input is invalid; nothing was written.' },
    NOT_FOUND: { description: 'An id names nothing in the graph.' },
    CONFLICT: { description: 'The write clashed with a concurrent one; retrying may succeed.' },
    UNAUTHENTICATED: { description: 'A missing or wrong API key.' },
    FORBIDDEN: { description: 'A cross-site request without a header (CSRF prevention).' },
    QUERY_TOO_COMPLEX: { description: 'The operation is past a depth, alias, token or cost limit.' },
    RATE_LIMITED: { description: 'Too many requests from this client; retry after the Retry-After header.' },
    SERVER_BUSY: { description: 'The extraction queue is full; retry after the Retry-After header.' },
    DATABASE_UNAVAILABLE: { description: 'Neo4j cannot be reached; retry later.' },
    TIMEOUT: { description: 'The transaction ran past its time limit.' },
  } satisfies Record<ErrorCode, { description: string }>,
});

const IngestErrorRef = builder.simpleObject('IngestError', {
  description: 'Why one document of ingestDocuments was refused; the others still load.',
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, description: 'The same code a single ingestDocument would put in extensions.code.' }),
    message: t.string({ description: 'What was wrong, for a human.' }),
  }),
});

const IngestItemRef = builder.objectRef<IngestItemResult>('IngestDocumentsItem').implement({
  description: 'The outcome for one document of ingestDocuments: a result or an error, never both.',
  fields: (t) => ({
    index: t.exposeInt('index', { description: 'Position in the inputs.' }),
    result: t.field({
      type: IngestDocumentPayload,
      nullable: true,
      description: 'What the load did; null when it failed.',
      resolve: (item) => item.result,
    }),
    error: t.field({
      type: IngestErrorRef,
      nullable: true,
      description: 'Why the document was refused; null when it loaded.',
      // Errors of a batch are expected errors (ingest-batch.ts classifies with expectedError).
      resolve: (item) => item.error && { code: item.error.code as ErrorCode, message: item.error.message },
    }),
  }),
});

type IngestDocumentArgs = typeof IngestDocumentInput.$inferInput;

function toIngestInput(input: IngestDocumentArgs): IngestInput {
  return {
    text: input.text,
    title: input.title,
    sourceUrl: input.sourceUrl,
    language: input.language,
    publishedAt: input.publishedAt,
    annotations: input.annotations
      ? {
          entities: (input.annotations.entities ?? []).map((entity) => ({ ...entity, id: entity.id ?? null })),
          relations: input.annotations.relations ?? [],
        }
      : null,
  };
}

function load(context: RequestContext, input: IngestDocumentArgs, dryRun: boolean): Promise<IngestResult> {
  const counted = (status: string) => documentLoads.inc({ status, dry_run: String(dryRun) });
  return ingestDocument(
    context.store,
    toIngestInput(input),
    {
      maxDocumentChars: context.config.maxDocumentChars,
      extractor: context.extractor,
      useExtractor: input.useExtractor ?? true,
      dryRun,
    },
    context.queries,
  ).then(
    (result) => {
      counted(result.status);
      return result;
    },
    (error: unknown) => {
      counted('FAILED');
      throw error;
    },
  );
}

builder.mutationFields((t) => ({
  ingestDocument: t.field({
    type: IngestDocumentPayload,
    args: {
      input: t.arg({ type: IngestDocumentInput, required: true, description: 'The document.' }),
      dryRun: t.arg.boolean({ description: 'Answer as a load would, and write nothing.' }),
    },
    description:
      'Loads one document: extraction (and/or annotations), then the document, its entities, mentions and relations in one transaction. The same text again changes nothing.',
    resolve: async (_root, args, context) => {
      requireWriteAccess(context);
      return load(context, args.input, args.dryRun ?? false);
    },
  }),
  ingestDocuments: t.field({
    type: [IngestItemRef],
    args: {
      inputs: t.arg({
        type: [IngestDocumentInput],
        required: true,
        description: `The documents, at most ${MAX_DOCUMENTS_PER_CALL} (more is BAD_USER_INPUT).`,
      }),
      dryRun: t.arg.boolean({ description: 'Answer as a load would, and write nothing.' }),
    },
    description: `Loads up to ${MAX_DOCUMENTS_PER_CALL} documents, each in its own transaction; one result or error per document, in order. The first DATABASE_UNAVAILABLE stops the batch: documents not attempted get that code too, with a message saying which were loaded.`,
    resolve: async (_root, args, context) => {
      requireWriteAccess(context);
      if (args.inputs.length > MAX_DOCUMENTS_PER_CALL) {
        throw badInput(`at most ${MAX_DOCUMENTS_PER_CALL} documents per call, got ${args.inputs.length}`, {
          field: 'inputs',
          max: MAX_DOCUMENTS_PER_CALL,
        });
      }
      // Stops at the first DATABASE_UNAVAILABLE: the items never started say so, and which loaded.
      const outcome = await runBatch(args.inputs, (input) => load(context, input, args.dryRun ?? false), BULK_CONCURRENCY);
      return outcome.items;
    },
  }),
}));
