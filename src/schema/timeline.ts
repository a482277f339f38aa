import { TIMELINE_ORDER_KEY_COUNT, countTimeline, listTimeline, type TimelineInput } from '../store/search.js';
import { builder } from './builder.js';
import { EventRef } from './entity.js';
import { checkDateArg } from './filters.js';
import { resolveKeysetConnection } from './pagination.js';

builder.queryFields((t) => ({
  timeline: t.connection(
    {
      type: EventRef,
      description:
        'Dated events in date order (partial dates sort before the days of their month or year), one page at a time.',
      args: {
        from: t.arg.string({ description: 'On or after (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); partial dates overlap.' }),
        to: t.arg.string({ description: 'On or before.' }),
        entityId: t.arg.id({ description: 'Only events related to this entity, by any relation.' }),
      },
      resolve: async (_root, args, context) => {
        const input: TimelineInput = {
          from: checkDateArg(args.from, 'from'),
          to: checkDateArg(args.to, 'to'),
          entityId: args.entityId ?? null,
        };
        const connection = await resolveKeysetConnection(
          args,
          {
            order: 'DATE',
            keyCount: TIMELINE_ORDER_KEY_COUNT,
            maxPageSize: context.config.limits.maxPageSize,
            defaultPageSize: 20,
          },
          (page) => listTimeline(context.store, input, page, context.queries),
          (row) => row.entity,
        );
        // totalCount needs the range; it rides along on the connection object.
        return Object.assign(connection, { timeline: input });
      },
    },
    {
      name: 'TimelineConnection',
      description: 'A page of dated events in date order.',
      fields: (t) => ({
        totalCount: t.int({
          description: 'All events of the timeline, not only this page.',
          resolve: (connection, _args, context) =>
            countTimeline(context.store, (connection as unknown as { timeline: TimelineInput }).timeline, context.queries),
        }),
      }),
    },
    { name: 'TimelineEdge', description: 'An event in a page of the timeline, with its cursor.' },
  ),
}));
