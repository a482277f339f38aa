import {
  deleteDocument,
  mergeEntities,
  updateEntity,
  type DeleteDocumentResult,
  type EntitySummary,
  type MergeEntitiesResult,
} from '../store/curation.js';
import type { EntityType } from '../domain/entities.js';
import { builder } from './builder.js';
import { EntityTypeEnum } from './entity.js';

/** Hand corrections: delete a document, merge duplicates, set names and aliases. */

const EntitySummaryRef = builder.objectRef<EntitySummary>('CuratedEntity').implement({
  description: 'An entity as curation left it (query `entity(id:)` for its full view).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The entity id.' }),
    type: t.field({ type: EntityTypeEnum, description: 'The entity type.', resolve: (entity) => entity.type as EntityType }),
    name: t.exposeString('name', { description: 'Canonical name after the change.' }),
    aliases: t.exposeStringList('aliases', { description: 'Every alias after the change.' }),
    aliasLanguages: t.exposeStringList('aliasLanguages', { description: 'The language of each alias, in order.' }),
    nameCurated: t.exposeBoolean('nameCurated', { description: 'True once the name was set by hand: loads no longer change it.' }),
    aliasesCurated: t.exposeBoolean('aliasesCurated', {
      description: 'True once the aliases were set by hand: loads no longer change them.',
    }),
  }),
});

const DeleteDocumentPayload = builder.objectRef<DeleteDocumentResult>('DeleteDocumentPayload').implement({
  description: 'What deleting a document removed.',
  fields: (t) => ({
    documentId: t.exposeID('documentId', { description: 'The deleted document.' }),
    deletedEntityIds: t.exposeIDList('deletedEntityIds', { description: 'Entities no remaining document supported.' }),
    updatedRelations: t.exposeInt('updatedRelations', { description: 'Relationships that lost this document\'s support.' }),
    deletedRelations: t.exposeInt('deletedRelations', { description: 'Relationships no remaining document supported.' }),
  }),
});

const MergeEntitiesPayload = builder.objectRef<MergeEntitiesResult>('MergeEntitiesPayload').implement({
  description: 'What merging a duplicate moved.',
  fields: (t) => ({
    survivor: t.field({ type: EntitySummaryRef, description: 'The entity that stayed, with the merged names.', resolve: (payload) => payload.survivor }),
    mergedId: t.exposeID('mergedId', { description: 'Now a redirect to the survivor.' }),
    movedMentions: t.exposeInt('movedMentions', { description: 'Mentions moved to the survivor.' }),
    movedRelations: t.exposeInt('movedRelations', {
      description: 'Relationships moved from the duplicate to the survivor.',
    }),
  }),
});

const UpdateEntityInput = builder.inputType('UpdateEntityInput', {
  description: 'Hand-set names; a field left out stays as it is.',
  fields: (t) => ({
    name: t.string({ description: 'New canonical name; marks the name curated.' }),
    aliases: t.stringList({ description: 'The full alias list; marks the aliases curated.' }),
  }),
});

builder.mutationFields((t) => ({
  deleteDocument: t.field({
    type: DeleteDocumentPayload,
    args: { id: t.arg.id({ required: true, description: 'The document id (`document:…`); NOT_FOUND when there is none.' }) },
    description:
      'Removes the document, its mentions and its support, then every entity and relationship no remaining document supports.',
    resolve: (_root, args, context) => deleteDocument(context.store, args.id, context.queries),
  }),
  mergeEntities: t.field({
    type: MergeEntitiesPayload,
    args: {
      into: t.arg.id({ required: true, description: 'The entity that stays.' }),
      from: t.arg.id({ required: true, description: 'The duplicate; its id becomes a redirect to `into`.' }),
    },
    description: 'Merges a duplicate the extractor missed: aliases, mentions and relationships move to `into`.',
    resolve: (_root, args, context) => mergeEntities(context.store, args.into, args.from, context.queries),
  }),
  updateEntity: t.field({
    type: EntitySummaryRef,
    args: {
      id: t.arg.id({ required: true, description: 'The entity id; NOT_FOUND when there is none.' }),
      input: t.arg({ type: UpdateEntityInput, required: true, description: 'The new name and/or aliases.' }),
    },
    description: 'Sets a name and/or aliases by hand; later loads never overwrite them.',
    resolve: (_root, args, context) => updateEntity(context.store, args.id, args.input, context.queries),
  }),
}));
