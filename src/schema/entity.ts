import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { ENTITY_TYPE_INFO, ENTITY_TYPES, type DatePrecision, type EntityType } from '../domain/entities.js';
import {
  loadDocumentEntities,
  loadEntities,
  loadEntityDocumentIds,
  loadEntityStats,
  loadMentions,
  type EntityRecord,
  type EntityStatsRecord,
  type MentionRecord,
} from '../store/entities.js';
import { builder } from './builder.js';
import type { RequestContext } from './context.js';
import { DocumentNode } from './document.js';

/**
 * The Entity interface and the refs of the five entity types. The types' own fields (dates,
 * typed relations) are implemented in agency.ts, law.ts, tactic.ts, target-group.ts and
 * event.ts; keeping the refs here lets those files point at each other without import cycles.
 */

/** `TargetGroup` -> `TARGET_GROUP`: GraphQL enum values are upper case, the domain keeps its names. */
export function entityTypeEnumName(type: EntityType): string {
  return type.replace(/(?<=[a-z])(?=[A-Z])/g, '_').toUpperCase();
}

/**
 * Values in upper case (`AGENCY`, `TARGET_GROUP`) standing for the domain names (`Agency`,
 * `TargetGroup`): resolvers and the store keep the domain strings, and the object types keep
 * their names (`__typename` is still `TargetGroup`).
 */
export const EntityTypeEnum = builder.enumType('EntityType', {
  description: 'The kinds of entity the graph holds (see the ontology).',
  values: Object.fromEntries(
    ENTITY_TYPES.map((type) => [
      entityTypeEnumName(type),
      { value: type, description: ENTITY_TYPE_INFO[type].description },
    ]),
  ) as Record<string, { value: EntityType; description: string }>,
});

export const DatePrecisionEnum = builder.enumType('DatePrecision', {
  description: 'How much of a date is known: `2024-05-10` is DAY, `2024-05` MONTH, `2024` YEAR.',
  values: {
    DAY: { description: 'The day is known (`YYYY-MM-DD`).' },
    MONTH: { description: 'Only the month is known (`YYYY-MM`).' },
    YEAR: { description: 'Only the year is known (`YYYY`).' },
  } satisfies Record<DatePrecision, { description: string }>,
});

/** Loads any entity by id (following merges): what `entity(id)` and `Event.involves` resolve through. */
export const EntityRef = builder.loadableInterfaceRef<EntityRecord | null, string, string, EntityRecord>('Entity', {
  load: (ids: string[], context) => loadEntities(context.store, ids, context.queries),
});

function entityNodeRef(type: EntityType) {
  return builder.loadableNodeRef<EntityRecord | null, string, string, string, EntityRecord>(type, {
    id: { resolve: (entity: EntityRecord) => entity.id },
    // Only ids of this type reach this loader (the id prefix names the type); merged ids follow
    // their redirect, so the record may carry the survivor's id.
    load: (ids: string[], context) => loadEntities(context.store, ids, context.queries, type),
  });
}

/** One node type per entity type: exhaustive, so a new type does not compile until it has one. */
export const ENTITY_REFS: Record<EntityType, ReturnType<typeof entityNodeRef>> = {
  Agency: entityNodeRef('Agency'),
  Law: entityNodeRef('Law'),
  Tactic: entityNodeRef('Tactic'),
  TargetGroup: entityNodeRef('TargetGroup'),
  Event: entityNodeRef('Event'),
};
export const { Agency: AgencyRef, Law: LawRef, Tactic: TacticRef, TargetGroup: TargetGroupRef, Event: EventRef } =
  ENTITY_REFS;

const Alias = builder.simpleObject('Alias', {
  description: 'A name the entity goes by (full name, short name, acronym, translation).',
  fields: (t) => ({
    name: t.string({ description: 'The name as written, accents and case kept.' }),
    language: t.string({ nullable: true, description: 'ISO 639-1 code of the text it was seen in, when known.' }),
  }),
});

export const MentionType = builder.objectRef<MentionRecord>('Mention').implement({
  description: 'One place a document names the entity, with the sentence around it.',
  fields: (t) => ({
    document: t.field({ type: DocumentNode, description: 'The document that holds the mention.', resolve: (mention) => mention.documentId }),
    start: t.exposeInt('start', { description: 'UTF-16 offset into the document text.' }),
    end: t.exposeInt('end', { description: 'UTF-16 offset, exclusive.' }),
    text: t.exposeString('text', { description: 'The words that name the entity.' }),
    sentence: t.exposeString('sentence', { description: 'The sentence that holds the mention.' }),
    sentenceStart: t.exposeInt('sentenceStart', {
      description: 'UTF-16 offset of the sentence into the document text (the mention is at `start - sentenceStart` in it).',
    }),
  }),
});

/**
 * Mention counts and degree come from one query per batch, whichever of the three fields a query
 * asks for: one loader per request, shared by the fields.
 */
const entityStatsLoader = createContextCache(
  (context: RequestContext) =>
    new DataLoader<string, EntityStatsRecord>((ids) => loadEntityStats(context.store, ids, context.queries)),
);

const entityDocumentIdsLoader = createContextCache(
  (context: RequestContext) =>
    new DataLoader<string, string[]>((ids) => loadEntityDocumentIds(context.store, ids, context.queries)),
);

EntityRef.implement({
  description: 'Anything the graph knows about: an agency, a law, a tactic, a target group or an event.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (entity) => entity.type,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Canonical name, English where one is known.' }),
    type: t.field({ type: EntityTypeEnum, description: 'Which of the five kinds the entity is (also its GraphQL type).', resolve: (entity) => entity.type }),
    aliases: t.field({
      type: [Alias],
      description: 'The names the entity goes by in loaded documents (or as set by curation), with their language.',
      resolve: (entity) => entity.aliases,
    }),
    generic: t.exposeBoolean('generic', {
      description: 'An unnamed actor ("foreign intelligence services"); graph views step over it unless asked.',
    }),
    mentionCount: t.int({
      description: 'How many times documents name the entity.',
      resolve: async (entity, _args, context) => (await entityStatsLoader(context).load(entity.id)).mentionCount,
    }),
    documentCount: t.int({
      description: 'How many documents name the entity.',
      resolve: async (entity, _args, context) => (await entityStatsLoader(context).load(entity.id)).documentCount,
    }),
    degree: t.int({
      description: 'Relations to other entities, both directions (mentions excluded): for sizing a node.',
      resolve: async (entity, _args, context) => (await entityStatsLoader(context).load(entity.id)).degree,
    }),
    documents: t.field({
      type: [DocumentNode],
      description: 'The documents that name the entity, newest first.',
      // Ids here; the Document loader fetches the records, one query for the whole level.
      resolve: (entity, _args, context) => entityDocumentIdsLoader(context).load(entity.id),
    }),
    mentions: t.loadableList({
      type: MentionType,
      description: 'Every place a document names the entity, with its sentence.',
      load: (ids: string[], context) => loadMentions(context.store, ids, context.queries),
      resolve: (entity) => entity.id,
    }),
  }),
});

/**
 * `Document.entities` lives here rather than in document.ts: the Entity refs import the Document
 * type, so the reverse import would make a cycle.
 */
builder.objectField(DocumentNode, 'entities', (t) =>
  t.loadableList({
    type: EntityRef,
    description: 'The entities the document mentions, by name.',
    byPath: true,
    args: { types: t.arg({ type: [EntityTypeEnum], description: 'Only these types.' }) },
    load: (documentIds: string[], context, args) =>
      loadDocumentEntities(context.store, documentIds, (args.types as EntityType[] | null | undefined) ?? null, context.queries),
    resolve: (document) => document.id,
  }),
);
