import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import { AppError, badInput, notFound } from '../errors.js';
import type { RequestContext } from './context.js';
import { nodeTypeNameOfId } from './node-ids.js';

const UNKNOWN_TYPE = '';

/** Creates the builder and defines no types: each type lives in its own file. */
export const builder = new SchemaBuilder<{
  Context: RequestContext;
  /** `writer`: the request may write (it carried the API key, or none is configured). */
  AuthScopes: { writer: boolean };
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  // Scope auth first, so that its checks run before the other plugins' resolvers (its guide's advice).
  plugins: [ScopeAuthPlugin, RelayPlugin, DataloaderPlugin, SimpleObjectsPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // `authorized` comes from the Authorization header, checked against API_KEY when the context is made.
    authScopes: (context) => ({ writer: context.authorized }),
    // The app's error, so the error mapping gives it its code and HTTP 401 like any other.
    unauthorizedError: () =>
      new AppError('UNAUTHENTICATED', 'This operation needs a valid API key (Authorization: Bearer <key>).'),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeTypeOptions: {
      description: 'An object with a global id that `node` and `nodes` fetch again (Relay object identification).',
    },
    idFieldOptions: {
      description: 'Global id that names its type: `agency:mi5`, `law:…`, `document:<16 hex digits>`.',
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
    // An id that names no type decodes to UNKNOWN_TYPE, and the node fields answer for it: `node`
    // a NOT_FOUND, `nodes` a null in its place (throwing here would null the whole list).
    decodeGlobalID: (globalID) => ({ typename: nodeTypeNameOfId(globalID) ?? UNKNOWN_TYPE, id: globalID }),
    nodeQueryOptions: {
      description: 'Any object by its global id; null when nothing has that id. An id that names no type is NOT_FOUND.',
      args: { id: { description: 'A global id such as `agency:mi5` or `document:0123456789abcdef`.' } },
      resolve: (_root, args, _context, _info, resolveNode) => {
        if (args.id.typename === UNKNOWN_TYPE) throw notFound('Node', args.id.id);
        return resolveNode(args.id);
      },
    },
    nodesQueryOptions: {
      description: 'Objects by global ids, in the order asked; null in place of each id that matches nothing (at most 100 ids).',
      args: { ids: { description: 'Global ids, each naming its type (`agency:…`, `document:…`).' } },
      resolve: (_root, args, context, _info, resolveNodes) => {
        const max = context.config.security.maxIds;
        if (args.ids.length > max) {
          throw badInput(`ids: at most ${max} ids, got ${args.ids.length}`, { field: 'ids', max });
        }
        // Pothos resolves `args.ids` itself (it ignores the list handed to resolveNodes), and skips
        // null entries: ids of no type become null where they stand.
        const ids = args.ids as ({ typename: string; id: string } | null)[];
        ids.forEach((id, index) => {
          if (id?.typename === UNKNOWN_TYPE) ids[index] = null;
        });
        return resolveNodes(args.ids);
      },
    },
  },
});

builder.queryType({ description: 'Reads: entities and their relations, documents, search, timeline, graph views, extraction preview.' });
/** Every mutation needs the write scope: a type-level default, so a new mutation is protected as it is added. */
builder.mutationType({
  description: 'Writes: loading documents and hand curation. With API_KEY set, they need `Authorization: Bearer <key>`.',
  authScopes: { writer: true },
});
