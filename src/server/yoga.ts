import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError } from 'graphql';
import {
  createYoga,
  isAsyncIterable,
  maskError as defaultMaskError,
  useReadinessCheck,
  type Plugin,
  type YogaServerInstance,
} from 'graphql-yoga';
import { timingSafeEqual } from 'node:crypto';
import { expectedError } from '../ingestion/expected-errors.js';
import { schema } from '../schema/index.js';
import type { AppServices, RequestContext } from '../schema/context.js';
import { GRAPHIQL_TABS } from './example-query.js';
import { observe } from '../metrics.js';
import { requestIdOf, useMetricsEndpoint, useObservability } from './observability.js';

/** Expected errors keep their message and get a code; anything else is masked and logged. */
function toClientError(error: unknown, services: AppServices): GraphQLError | null {
  // Duck-typed: under vitest the executor's GraphQLError class can be another copy of graphql's.
  const wrapped = error instanceof GraphQLError || (error instanceof Error && error.name === 'GraphQLError');
  const original = wrapped ? ((error as GraphQLError).originalError ?? error) : error;
  const path = wrapped ? (error as GraphQLError).path : undefined;
  const expected = expectedError(original);
  if (expected) {
    if (expected.code === 'DATABASE_UNAVAILABLE') services.logger.warn({ err: expected.cause }, 'database unavailable');
    return new GraphQLError(expected.message, {
      path,
      extensions: { code: expected.code, ...(expected.details ?? {}) },
    });
  }
  return null;
}

function bearerMatches(header: string | null, apiKey: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1].trim());
  const expected = Buffer.from(apiKey);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Opt-in (QUERY_STATS=true): each response carries `extensions.queryStats.cypherRoundTrips`, the
 * Cypher queries its request made, so the benchmark can read batching from outside the process.
 */
function useQueryStats(): Plugin<RequestContext> {
  return {
    onExecute({ args }) {
      const context = args.contextValue as RequestContext;
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result)) return;
          setResult({
            ...result,
            extensions: { ...result.extensions, queryStats: { cypherRoundTrips: context.queries.queries } },
          });
        },
      };
    },
  };
}

export type DossierYoga = YogaServerInstance<Record<string, never>, RequestContext>;

/** Builds the GraphQL HTTP handler; `server.ts` only makes it listen. */
export function createApp(services: AppServices, options: { explorer?: Plugin } = {}): DossierYoga {
  const { config, logger } = services;
  const limits = config.limits;
  observe({ extractor: services.extractor, driver: services.store.driver });
  return createYoga<Record<string, never>, RequestContext>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    // GraphiQL from our own dependencies (its scripts and styles inlined in the page): works offline.
    graphiql: { title: 'dossier', defaultTabs: GRAPHIQL_TABS, defaultEditorToolsVisibility: true, isHeadersEditorEnabled: true },
    renderGraphiQL,
    logging: {
      debug: (...args) => logger.debug(args.length === 1 ? args[0] : args),
      info: (...args) => logger.info(args.length === 1 ? args[0] : args),
      warn: (...args) => logger.warn(args.length === 1 ? args[0] : args),
      error: (...args) => logger.error(args.length === 1 ? args[0] : args),
    },
    maskedErrors: {
      maskError: (error, message, isDev) => {
        const known = toClientError(error, services);
        if (known) return known;
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (original) logger.error({ err: original }, 'unexpected error');
        return defaultMaskError(error, message, isDev);
      },
    },
    context: ({ request }): RequestContext => {
      const authorized = config.apiKey === null || bearerMatches(request.headers.get('authorization'), config.apiKey);
      // Every line a request logs carries its id.
      return { ...services, logger: logger.child({ requestId: requestIdOf(request) }), queries: { queries: 0 }, authorized };
    },
    plugins: [
      ...(options.explorer ? [options.explorer] : []),
      ...(config.exposeQueryStats ? [useQueryStats()] : []),
      maxTokensPlugin({ n: limits.maxTokens }),
      maxDepthPlugin({ n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true }),
      maxAliasesPlugin({ n: limits.maxAliases }),
      costLimitPlugin({ maxCost: limits.maxCost, ignoreIntrospection: true, flattenFragments: true }),
      useReadinessCheck({
        endpoint: '/ready',
        // A bare 503 with no details while Neo4j is unreachable.
        check: () => services.store.ping(),
      }),
      protectReads(config.protectReads),
      useObservability(logger),
      useMetricsEndpoint(
        (request) => !config.protectReads || config.apiKey === null || bearerMatches(request.headers.get('authorization'), config.apiKey),
      ),
    ],
  });
}

/** Reads may be closed too (PROTECT_READS): then every operation needs the key. */
function protectReads(enabled: boolean): Plugin<RequestContext> {
  return {
    onExecute({ args }: { args: { contextValue: RequestContext } }) {
      if (enabled && !args.contextValue.authorized) {
        throw new GraphQLError('This API needs a valid API key (Authorization: Bearer <key>).', {
          extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
        });
      }
    },
  };
}
