import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { DOCUMENT_ORDER_KEY_COUNT, countDocuments, listDocuments, loadDocuments, type DocumentRecord } from '../store/documents.js';
import { loadDocumentTexts } from '../store/entities.js';
import { builder } from './builder.js';
import type { RequestContext } from './context.js';
import { resolveKeysetConnection } from './pagination.js';

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
    title: t.exposeString('title', { nullable: true, description: 'Headline as given when loading; null when none was.' }),
    sourceUrl: t.exposeString('sourceUrl', { nullable: true, description: 'Where the text comes from; null when not given.' }),
    language: t.exposeString('language', { nullable: true, description: 'ISO 639-1 code, e.g. `fr`, `en`.' }),
    publishedAt: t.exposeString('publishedAt', {
      nullable: true,
      description: 'Publication date as given: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.',
    }),
    contentHash: t.exposeString('contentHash', { description: 'SHA-256 of the normalised text (hex, 16 digits).' }),
    extractorVersion: t.exposeString('extractorVersion', {
      nullable: true,
      description: 'Version of the extractor that read it: loading the same text with a newer one replaces its part of the graph.',
    }),
    ingestedAt: t.exposeString('ingestedAt', { description: 'When the document was first loaded (ISO 8601).' }),
    charCount: t.exposeInt('charCount', { description: 'Length of the text in UTF-16 code units.' }),
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
    args: { id: t.arg.id({ required: true, description: 'A document id, `document:` and 16 hex digits.' }) },
    description: 'A document by id, or null when there is none.',
    resolve: (_root, args) => (args.id.startsWith('document:') ? args.id : null),
  }),
  documents: t.connection(
    {
      type: DocumentNode,
      description: 'Loaded documents, newest publication first.',
      resolve: (_root, args, context) =>
        resolveKeysetConnection(
          args,
          {
            order: 'PUBLISHED_DESC',
            keyCount: DOCUMENT_ORDER_KEY_COUNT,
            maxPageSize: context.config.limits.maxPageSize,
            defaultPageSize: 20,
          },
          (page) => listDocuments(context.store, page, context.queries),
          (row) => row.document,
        ),
    },
    {
      name: 'DocumentConnection',
      description: 'A page of documents, newest publication first.',
      fields: (t) => ({
        totalCount: t.int({
          description: 'All loaded documents, not only this page.',
          resolve: (_connection, _args, context) => countDocuments(context.store, context.queries),
        }),
      }),
    },
    { name: 'DocumentEdge', description: 'A document in a page of documents, with its cursor.' },
  ),
}));
