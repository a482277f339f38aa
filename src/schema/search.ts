import { badInput } from '../errors.js';
import type { EntityType } from '../domain/entities.js';
import { searchEntities, type SearchHitRecord } from '../store/search.js';
import { builder } from './builder.js';
import { EntityRef, EntityTypeEnum } from './entity.js';

const SearchHit = builder.objectRef<SearchHitRecord>('SearchHit').implement({
  description: 'An entity whose name or an alias matches the search, with its relevance.',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, description: 'The matching entity.', resolve: (hit) => hit.entity }),
    score: t.exposeFloat('score', { description: 'Full-text relevance; higher is better.' }),
  }),
});

builder.queryFields((t) => ({
  search: t.field({
    type: [SearchHit],
    description:
      'Full-text search over names and aliases, best first. Accents and case do not matter ("securite d\'etat" ' +
      'finds "Sécurité d\'État"); every word must match, the last one also as a prefix.',
    args: {
      query: t.arg.string({ required: true, description: 'Words to find, at most 200 characters.' }),
      types: t.arg({ type: [EntityTypeEnum], description: 'Only these types.' }),
      first: t.arg.int({ defaultValue: 20, description: 'How many hits (at most the page-size limit).' }),
    },
    resolve: (_root, args, context) => {
      const max = context.config.limits.maxPageSize;
      const first = args.first ?? 20;
      if (first < 1 || first > max) throw badInput(`first must be from 1 to ${max}, got ${first}`, { field: 'first', max });
      if (args.query.length > 200) throw badInput('query: at most 200 characters', { field: 'query' });
      return searchEntities(
        context.store,
        { query: args.query, types: (args.types as EntityType[] | null | undefined) ?? null, limit: first },
        context.queries,
      );
    },
  }),
}));
