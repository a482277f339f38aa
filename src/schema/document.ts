import { createContextCache } from '@pothos/core';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import DataLoader from 'dataloader';
import { countDocuments, listDocuments, loadDocuments, type DocumentRecord } from '../store/documents.js';
import { loadDocumentTexts } from '../store/entities.js';
import { builder } from './builder.js';
import type { RequestContext } from './context.js';
import { checkPageArgs } from './pagination.js';

/**
 * Document texts per request, one round trip per batch: for `Document.text` and for evidence
 * sentences, which are cut from the text. A page of 100 texts is one query, not 100.
 */
export const documentTextLoader = createContextCache(
  (context: RequestContext) =>
    new DataLoader<string, string | null>(async (ids) => {
      const texts = await loadDocumentTexts(context.store, ids, context.queries);
      return ids.map((id) => texts.get(id) ?? null);
    }),
);

export const DocumentNode = builder.loadableNode('Document', {
  description: 'A loaded text with its metadata. Its id is `document:` and 16 hex digits of its content hash.',
  id: { resolve: (doc: DocumentRecord) => doc.id },
  load: (ids: string[], context) => loadDocuments(context.store, ids, context.queries),
  sort: (doc) => doc.id,
  fields: (t) => ({
    title: t.exposeString('title', { nullable: true }),
    sourceUrl: t.exposeString('sourceUrl', { nullable: true }),
    language: t.exposeString('language', { nullable: true, description: 'ISO 639-1 code, e.g. `fr`, `en`.' }),
    publishedAt: t.exposeString('publishedAt', {
      nullable: true,
      description: 'Publication date as given: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.',
    }),
    contentHash: t.exposeString('contentHash', { description: 'SHA-256 of the normalised text (hex, 16 digits).' }),
    extractorVersion: t.exposeString('extractorVersion', { nullable: true }),
    ingestedAt: t.exposeString('ingestedAt', { description: 'When the document was first loaded (ISO 8601).' }),
    charCount: t.exposeInt('charCount'),
    text: t.string({
      description: 'The full normalised text (fetched only when asked for).',
      resolve: async (doc, _args, context) => (await documentTextLoader(context).load(doc.id)) ?? '',
    }),
  }),
});

builder.queryFields((t) => ({
  document: t.field({
    type: DocumentNode,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    description: 'A document by id, or null when there is none.',
    resolve: (_root, args) => (args.id.startsWith('document:') ? args.id : null),
  }),
  documents: t.connection(
    {
      type: DocumentNode,
      description: 'Loaded documents, newest publication first.',
      resolve: (_root, args, context) => {
        checkPageArgs(args, context.config.limits.maxPageSize);
        return resolveOffsetConnection({ args, maxSize: context.config.limits.maxPageSize }, ({ offset, limit }) =>
          listDocuments(context.store, { offset, limit }, context.queries),
        );
      },
    },
    {
      fields: (t) => ({
        totalCount: t.int({ resolve: (_connection, _args, context) => countDocuments(context.store, context.queries) }),
      }),
    },
  ),
}));
