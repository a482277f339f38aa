import { ENTITY_ORDER_KEY_COUNT, countEntities, listEntities, type EntityFilter, type EntityOrder } from '../store/search.js';
import { builder } from './builder.js';
import { EntityRef } from './entity.js';
import { EntityFilterInput, toEntityFilter } from './filters.js';
import { resolveKeysetConnection } from './pagination.js';

const EntityOrderEnum = builder.enumType('EntityOrder', {
  description: 'The order of an entity list; ties are broken by id, so pages never overlap.',
  values: {
    NAME: { description: 'By canonical name.' },
    DATE_ASC: { description: 'Oldest first; undated last.' },
    DATE_DESC: { description: 'Newest first; undated last.' },
    DEGREE: {
      description:
        'Best connected first: most relations to other entities (either direction, any type), ties by id ' +
        'descending. The count is stored with each entity and indexed, so a page costs about the same at any ' +
        'graph size.',
    },
    MENTIONS: { description: 'Most mentioned first.' },
  } as const,
});

builder.queryFields((t) => ({
  entities: t.connection(
    {
      type: EntityRef,
      description: 'Entities matching a filter, one page at a time.',
      args: {
        filter: t.arg({ type: EntityFilterInput, description: 'Conditions the entities must meet (default: all entities).' }),
        orderBy: t.arg({ type: EntityOrderEnum, defaultValue: 'NAME', description: 'Sort order (default NAME).' }),
      },
      resolve: async (_root, args, context) => {
        const filter = toEntityFilter(args.filter);
        const orderBy = (args.orderBy ?? 'NAME') as EntityOrder;
        const connection = await resolveKeysetConnection(
          args,
          {
            order: orderBy,
            keyCount: ENTITY_ORDER_KEY_COUNT[orderBy],
            maxPageSize: context.config.limits.maxPageSize,
            defaultPageSize: 20,
          },
          (page) => listEntities(context.store, filter, orderBy, page, context.queries),
          (row) => row.entity,
        );
        // totalCount needs the filter; it rides along on the connection object.
        return Object.assign(connection, { filter });
      },
    },
    {
      name: 'EntityConnection',
      description: 'A page of entities in the order asked for.',
      fields: (t) => ({
        totalCount: t.int({
          description: 'All entities matching the filter, not only this page.',
          resolve: (connection, _args, context) =>
            countEntities(context.store, (connection as unknown as { filter: EntityFilter }).filter, context.queries),
        }),
      }),
    },
    { name: 'EntityEdge', description: 'An entity in a page of entities, with its cursor.' },
  ),
}));
