import { badInput } from '../errors.js';
import { loadTimeline } from '../store/search.js';
import { builder } from './builder.js';
import { EventRef } from './entity.js';
import { checkDateArg } from './filters.js';

builder.queryFields((t) => ({
  timeline: t.field({
    type: [EventRef],
    description: 'Dated events in date order (partial dates sort before the days of their month or year).',
    args: {
      from: t.arg.string({ description: 'On or after (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); partial dates overlap.' }),
      to: t.arg.string({ description: 'On or before.' }),
      entityId: t.arg.id({ description: 'Only events related to this entity, by any relation.' }),
      first: t.arg.int({ defaultValue: 100, description: 'How many events at most (at most the page-size limit).' }),
    },
    resolve: (_root, args, context) => {
      const max = context.config.limits.maxPageSize;
      const first = args.first ?? 100;
      if (first < 1 || first > max) throw badInput(`first must be from 1 to ${max}, got ${first}`, { field: 'first', max });
      return loadTimeline(
        context.store,
        {
          from: checkDateArg(args.from, 'from'),
          to: checkDateArg(args.to, 'to'),
          entityId: args.entityId ?? null,
          limit: first,
        },
        context.queries,
      );
    },
  }),
}));
