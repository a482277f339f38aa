import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { countEntities, listEntities, type EntityFilter, type EntityOrder } from '../store/search.js';
import { builder } from './builder.js';
import { EntityRef } from './entity.js';
import { EntityFilterInput, toEntityFilter } from './filters.js';
import { checkPageArgs } from './pagination.js';

const EntityOrderEnum = builder.enumType('EntityOrder', {
  values: {
    NAME: { description: 'By canonical name.' },
    DATE_ASC: { description: 'Oldest first; undated last.' },
    DATE_DESC: { description: 'Newest first; undated last.' },
    DEGREE: { description: 'Best connected first.' },
    MENTIONS: { description: 'Most mentioned first.' },
  } as const,
});

builder.queryFields((t) => ({
  entities: t.connection(
    {
      type: EntityRef,
      description: 'Entities matching a filter, one page at a time.',
      args: {
        filter: t.arg({ type: EntityFilterInput }),
        orderBy: t.arg({ type: EntityOrderEnum, defaultValue: 'NAME' }),
      },
      resolve: async (_root, args, context) => {
        checkPageArgs(args, context.config.limits.maxPageSize);
        const filter = toEntityFilter(args.filter);
        const orderBy = (args.orderBy ?? 'NAME') as EntityOrder;
        const connection = await resolveOffsetConnection(
          { args, maxSize: context.config.limits.maxPageSize, defaultSize: 20 },
          ({ offset, limit }) => listEntities(context.store, filter, orderBy, { offset, limit }, context.queries),
        );
        // totalCount needs the filter; it rides along on the connection object.
        return Object.assign(connection, { filter });
      },
    },
    {
      fields: (t) => ({
        totalCount: t.int({
          description: 'All entities matching the filter.',
          resolve: (connection, _args, context) =>
            countEntities(context.store, (connection as unknown as { filter: EntityFilter }).filter, context.queries),
        }),
      }),
    },
  ),
}));
