import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
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
    // Our ids already name their type (`agency:mi5`, `document:…`): they are the global ids as is.
    encodeGlobalID: (_typename, id) => String(id),
    decodeGlobalID: (globalID) => ({ typename: nodeTypeNameOfId(globalID) ?? '', id: globalID }),
  },
});

builder.queryType({});
builder.mutationType({});
