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
    // An id that names no type is a typed NOT_FOUND, not an internal error.
    decodeGlobalID: (globalID) => {
      const typename = nodeTypeNameOfId(globalID);
      if (!typename) throw notFound('Node', globalID);
      return { typename, id: globalID };
    },
  },
});

builder.queryType({});
builder.mutationType({});
