import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import { badInput, notFound } from '../errors.js';
import type { RequestContext } from './context.js';
import { nodeTypeNameOfId } from './node-ids.js';

const UNKNOWN_TYPE = '';

/** Creates the builder and defines no types: each type lives in its own file. */
export const builder = new SchemaBuilder<{
  Context: RequestContext;
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  plugins: [RelayPlugin, DataloaderPlugin, SimpleObjectsPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Our ids already name their type (`agency:mi5`, `document:…`): they are the global ids as is.
    encodeGlobalID: (_typename, id) => String(id),
    // An id that names no type decodes to UNKNOWN_TYPE, and the node fields answer for it: `node`
    // a NOT_FOUND, `nodes` a null in its place (throwing here would null the whole list).
    decodeGlobalID: (globalID) => ({ typename: nodeTypeNameOfId(globalID) ?? UNKNOWN_TYPE, id: globalID }),
    nodeQueryOptions: {
      resolve: (_root, args, _context, _info, resolveNode) => {
        if (args.id.typename === UNKNOWN_TYPE) throw notFound('Node', args.id.id);
        return resolveNode(args.id);
      },
    },
    nodesQueryOptions: {
      description: 'Nodes by id, in the order given, null where an id names nothing (at most 100 ids).',
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

builder.queryType({});
builder.mutationType({});
