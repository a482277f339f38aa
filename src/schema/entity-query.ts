import { builder } from './builder.js';
import { EntityRef } from './entity.js';
import { loadEntityReadingAhead } from './relations.js';

builder.queryFields((t) => ({
  entity: t.field({
    type: EntityRef,
    nullable: true,
    args: { id: t.arg.id({ required: true, description: 'An entity id such as `agency:mi5`; a merged id leads to the survivor.' }) },
    description: 'An entity by id, or null when there is none.',
    // Its relation fields are read in the same query (look-ahead); a plain lookup goes to the loader.
    resolve: (_root, args, context, info) => loadEntityReadingAhead(args.id, context, info),
  }),
}));
