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
        'Full-text search over names and aliases, best first, one page at a time. Accents and case do not matter ' +
        '("securite d\'etat" finds "Sécurité d\'État"); every word must match, the last one also as a prefix.',
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
            order: 'SCORE',
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
        'A page of search hits, best first. A cursor stays valid when data is added; as scores move a little ' +
        'with the index, the next page starts after the cursor\'s score.',
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
      description: 'An entity whose name or an alias matches the search, with its relevance and cursor.',
      fields: (t) => ({
        score: t.float({
          description: 'Full-text relevance; higher is better.',
          resolve: (edge) => (edge as unknown as { score: number }).score,
        }),
      }),
    },
  ),
}));
