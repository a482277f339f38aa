import { badInput } from '../errors.js';
import type { EntityType } from '../domain/entities.js';
import { SEARCH_ORDER_KEY_COUNT, countSearchHits, searchEntities, type SearchInput } from '../store/search.js';
import { builder } from './builder.js';
import { EntityRef, EntityTypeEnum } from './entity.js';
import { resolveKeysetConnection } from './pagination.js';

const MAX_QUERY_CHARS = 200;

builder.queryFields((t) => ({
  search: t.connection(
    {
      type: EntityRef,
      description:
        'Search over names and aliases, best match first, one page at a time. Accents and case do not matter ' +
        '("securite d\'etat" finds "Sécurité d\'État"); every word must match, the last one also as a prefix. ' +
        'Best first means: the name is the query, then an alias is, then the name or an alias starts with it, then ' +
        'any other hit; within each, shorter names first, then by name and id.',
      args: {
        query: t.arg.string({ required: true, description: `Words to find, at most ${MAX_QUERY_CHARS} characters.` }),
        types: t.arg({ type: [EntityTypeEnum], description: 'Only these types.' }),
      },
      resolve: async (_root, args, context) => {
        if (args.query.length > MAX_QUERY_CHARS) {
          throw badInput(`query: at most ${MAX_QUERY_CHARS} characters`, { field: 'query', max: MAX_QUERY_CHARS });
        }
        const input: SearchInput = { query: args.query, types: (args.types as EntityType[] | null | undefined) ?? null };
        const connection = await resolveKeysetConnection(
          args,
          {
            order: 'MATCH',
            keyCount: SEARCH_ORDER_KEY_COUNT,
            maxPageSize: context.config.limits.maxPageSize,
            defaultPageSize: 20,
          },
          (page) => searchEntities(context.store, input, page, context.queries),
          (row) => row.entity,
          (row) => ({ score: row.score }),
        );
        // totalCount needs the search; it rides along on the connection object.
        return Object.assign(connection, { search: input });
      },
    },
    {
      name: 'SearchConnection',
      description:
        'A page of search hits, best first. A cursor holds its hit\'s score, folded name and id, all computed from ' +
        'that hit\'s own names: it stays valid when documents are loaded, and the next page neither repeats nor skips ' +
        'a hit (a hit whose names are edited by curation moves to its new place).',
      fields: (t) => ({
        totalCount: t.int({
          description: 'All entities the search finds, not only this page.',
          resolve: (connection, _args, context) =>
            countSearchHits(context.store, (connection as unknown as { search: SearchInput }).search, context.queries),
        }),
      }),
    },
    {
      name: 'SearchEdge',
      description: 'An entity whose name or an alias matches the search, with its match score and cursor.',
      fields: (t) => ({
        score: t.float({
          description:
            'How well the names match, from this entity\'s names alone (so it does not change when other data is ' +
            'loaded); higher is better: 4.x the name is the query, 3.x an alias is, 2.x the name or an alias starts ' +
            'with it, 1.x another hit. The fraction is larger for shorter names.',
          resolve: (edge) => (edge as unknown as { score: number }).score,
        }),
      }),
    },
  ),
}));
