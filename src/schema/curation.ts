import {
  deleteDocument,
  mergeEntities,
  updateEntity,
  type DeleteDocumentResult,
  type EntitySummary,
  type MergeEntitiesResult,
} from '../store/curation.js';
import { requireWriteAccess } from './auth.js';
import { builder } from './builder.js';

/** Hand corrections: delete a document, merge duplicates, set names and aliases. */

const EntitySummaryRef = builder.objectRef<EntitySummary>('CuratedEntity').implement({
  description: 'An entity as curation left it (query `entity(id:)` for its full view).',
  fields: (t) => ({
    id: t.exposeID('id'),
    type: t.exposeString('type'),
    name: t.exposeString('name'),
    aliases: t.exposeStringList('aliases'),
    aliasLanguages: t.exposeStringList('aliasLanguages', { description: 'The language of each alias, in order.' }),
    nameCurated: t.exposeBoolean('nameCurated'),
    aliasesCurated: t.exposeBoolean('aliasesCurated'),
  }),
});

const DeleteDocumentPayload = builder.objectRef<DeleteDocumentResult>('DeleteDocumentPayload').implement({
  fields: (t) => ({
    documentId: t.exposeID('documentId'),
    deletedEntityIds: t.exposeIDList('deletedEntityIds', { description: 'Entities no remaining document supported.' }),
    updatedRelations: t.exposeInt('updatedRelations', { description: 'Relationships that lost this document\'s support.' }),
    deletedRelations: t.exposeInt('deletedRelations', { description: 'Relationships no remaining document supported.' }),
  }),
});

const MergeEntitiesPayload = builder.objectRef<MergeEntitiesResult>('MergeEntitiesPayload').implement({
  fields: (t) => ({
    survivor: t.field({ type: EntitySummaryRef, resolve: (payload) => payload.survivor }),
    mergedId: t.exposeID('mergedId', { description: 'Now a redirect to the survivor.' }),
    movedMentions: t.exposeInt('movedMentions'),
    movedRelations: t.exposeInt('movedRelations'),
  }),
});

const UpdateEntityInput = builder.inputType('UpdateEntityInput', {
  fields: (t) => ({
    name: t.string({ description: 'New canonical name; marks the name curated.' }),
    aliases: t.stringList({ description: 'The full alias list; marks the aliases curated.' }),
  }),
});

builder.mutationFields((t) => ({
  deleteDocument: t.field({
    type: DeleteDocumentPayload,
    args: { id: t.arg.id({ required: true }) },
    description:
      'Removes the document, its mentions and its support, then every entity and relationship no remaining document supports.',
    resolve: (_root, args, context) => {
      requireWriteAccess(context);
      return deleteDocument(context.store, args.id, context.queries);
    },
  }),
  mergeEntities: t.field({
    type: MergeEntitiesPayload,
    args: {
      into: t.arg.id({ required: true, description: 'The entity that stays.' }),
      from: t.arg.id({ required: true, description: 'The duplicate; its id becomes a redirect to `into`.' }),
    },
    description: 'Merges a duplicate the extractor missed: aliases, mentions and relationships move to `into`.',
    resolve: (_root, args, context) => {
      requireWriteAccess(context);
      return mergeEntities(context.store, args.into, args.from, context.queries);
    },
  }),
  updateEntity: t.field({
    type: EntitySummaryRef,
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: UpdateEntityInput, required: true }),
    },
    description: 'Sets a name and/or aliases by hand; later loads never overwrite them.',
    resolve: (_root, args, context) => {
      requireWriteAccess(context);
      return updateEntity(context.store, args.id, args.input, context.queries);
    },
  }),
}));
