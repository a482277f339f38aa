import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import { notFound } from '../errors.js';
import type { RequestContext } from './context.js';
import { nodeTypeNameOfId } from './node-ids.js';

/** Creates the builder and defines no types: each type lives in its own file. */
export const builder = new SchemaBuilder<{
  Context: RequestContext;
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
  };
}>({
  plugins: [RelayPlugin, DataloaderPlugin, SimpleObjectsPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeTypeOptions: {
      description: 'An object with a global id that `node` and `nodes` fetch again (Relay object identification).',
    },
    idFieldOptions: {
      description: 'Global id that names its type: `agency:mi5`, `law:…`, `document:<16 hex digits>`.',
    },
    nodeQueryOptions: {
      description: 'Any object by its global id; null when nothing has that id. An id that names no type is NOT_FOUND.',
      args: { id: { description: 'A global id such as `agency:mi5` or `document:0123456789abcdef`.' } },
    },
    nodesQueryOptions: {
      description: 'Objects by global ids, in the order asked; null in place of each id that matches nothing.',
      args: { ids: { description: 'Global ids, each naming its type (`agency:…`, `document:…`).' } },
    },
    pageInfoTypeOptions: { description: 'Where a page stands in its connection (Relay cursor connections).' },
    hasNextPageFieldOptions: { description: 'True when more items follow this page: ask again with `after: endCursor`.' },
    hasPreviousPageFieldOptions: { description: 'True when items come before this page (the page started after a cursor).' },
    startCursorFieldOptions: { description: 'Cursor of the first edge of the page; null when the page is empty.' },
    endCursorFieldOptions: { description: 'Cursor of the last edge of the page, to pass as `after`; null when the page is empty.' },
    cursorFieldOptions: { description: 'Opaque position of this edge, to pass as `after` (or `before`).' },
    nodeFieldOptions: { description: 'The item at this position.' },
    edgesFieldOptions: { description: 'The items of this page, each with its cursor.' },
    pageInfoFieldOptions: { description: 'Cursors of the page ends and whether more pages exist.' },
    firstArgOptions: { description: 'Page size counted from the start or from `after` (default 20, at most the page-size limit, 100).' },
    lastArgOptions: { description: 'Page size counted back from the end or from `before` (at most the page-size limit).' },
    afterArgOptions: { description: 'Cursor of an edge: the page starts just after it.' },
    beforeArgOptions: { description: 'Cursor of an edge: the page ends just before it.' },
    // Our ids already name their type (`agency:mi5`, `document:…`): they are the global ids as is.
    encodeGlobalID: (_typename, id) => String(id),
    // An id that names no type is a typed NOT_FOUND, not an internal error.
    decodeGlobalID: (globalID) => {
      const typename = nodeTypeNameOfId(globalID);
      if (!typename) throw notFound('Node', globalID);
      return { typename, id: globalID };
    },
  },
});

builder.queryType({ description: 'Reads: entities and their relations, documents, search, timeline, graph views, extraction preview.' });
builder.mutationType({
  description: 'Writes: loading documents and hand curation. With API_KEY set, they need `Authorization: Bearer <key>`.',
});
