import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { GraphQLError, Kind, NoSchemaIntrospectionCustomRule, getOperationAST, getVariableValues, type ValidationContext } from 'graphql';
import {
  createYoga,
  isAsyncIterable,
  maskError as defaultMaskError,
  useReadinessCheck,
  type Plugin,
  type YogaServerInstance,
} from 'graphql-yoga';
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HTTP_STATUS_OF_CODE, type ErrorCode } from '../errors.js';
import { expectedError } from '../ingestion/expected-errors.js';
import { schema } from '../schema/index.js';
import type { AppServices, RequestContext } from '../schema/context.js';
import { observe } from '../metrics.js';
import { GRAPHIQL_TABS } from './example-query.js';
import { requestIdOf, useMetricsEndpoint, useObservability } from './observability.js';
import { cachedOperationCost } from './query-cost.js';
import { limitRequestBody, MAX_REQUEST_BODY_BYTES } from './request-body-limit.js';
import { RateLimiter } from './rate-limit.js';
import { responseCachePlugins } from './response-cache.js';

/** Expected errors keep their message and get a code; anything else is masked and logged. */
function toClientError(error: unknown, services: AppServices): GraphQLError | null {
  // Duck-typed: under vitest the executor's GraphQLError class can be another copy of graphql's.
  const wrapped = error instanceof GraphQLError || (error instanceof Error && error.name === 'GraphQLError');
  const original = wrapped ? ((error as GraphQLError).originalError ?? error) : error;
  const path = wrapped ? (error as GraphQLError).path : undefined;
  const expected = expectedError(original);
  if (expected) {
    if (expected.code === 'DATABASE_UNAVAILABLE') {
      // Expected while Neo4j restarts: a warning with the driver's message, no stack.
      services.logger.warn({ code: expected.code, cause: causeMessage(expected.cause) }, 'database unavailable');
    }
    return codedError(expected.message, expected.code, path, expected.details);
  }
  // Errors of the request itself (syntax, validation, variables, CSRF, a bad body) made by
  // graphql-js, Yoga or Pothos: GraphQLErrors all the way down, saying nothing internal. They
  // keep their message and get a code; nothing else of theirs (originalError, stack) goes out.
  if (wrapped && isRequestError(error as GraphQLError)) {
    const graphqlError = error as GraphQLError;
    const { originalError: _originalError, stack: _stack, ...extensions } = graphqlError.extensions ?? {};
    const status = (extensions.http as { status?: number } | undefined)?.status;
    const given = typeof extensions.code === 'string' && extensions.code !== 'BAD_REQUEST' ? extensions.code : null;
    const code = given ?? (status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : 'BAD_USER_INPUT');
    return new GraphQLError(graphqlError.message, {
      nodes: graphqlError.nodes,
      source: graphqlError.source,
      positions: graphqlError.positions,
      path: graphqlError.path,
      extensions: { ...extensions, code },
    });
  }
  return null;
}

/** A client error with its code, and the HTTP status and Retry-After the code calls for. */
function codedError(
  message: string,
  code: ErrorCode,
  path?: readonly (string | number)[],
  details?: Record<string, unknown>,
): GraphQLError {
  const status = HTTP_STATUS_OF_CODE[code];
  const retryAfter = details?.retryAfterSeconds;
  const http = status
    ? { http: { status, ...(typeof retryAfter === 'number' ? { headers: { 'retry-after': String(retryAfter) } } : {}) } }
    : {};
  return new GraphQLError(message, { path, extensions: { code, ...(details ?? {}), ...http } });
}

const isGraphQLErrorLike = (value: unknown): value is GraphQLError =>
  value instanceof GraphQLError || (value instanceof Error && value.name === 'GraphQLError');

/** A GraphQLError whose chain of original errors holds only GraphQLErrors: one about the request. */
function isRequestError(error: GraphQLError): boolean {
  let current: unknown = error;
  while (isGraphQLErrorLike(current)) {
    if (!current.originalError) return true;
    current = current.originalError;
  }
  return false;
}

function causeMessage(cause: unknown): string | undefined {
  return cause instanceof Error ? cause.message : cause === undefined ? undefined : String(cause);
}

/** Errors a client caused: logged at info, without a stack. */
function isExpected(error: unknown): boolean {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  if (expectedError(original)) return true;
  return original instanceof GraphQLError || (original instanceof Error && original.name === 'GraphQLError');
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

/** What the Node adapter passes along with each request (absent for in-process `yoga.fetch`). */
export interface ServerContext {
  req?: Pick<IncomingMessage, 'socket'>;
}

export type DossierYoga = YogaServerInstance<ServerContext, RequestContext>;

/** Builds the GraphQL HTTP handler; `server.ts` only makes it listen. */
export function createApp(services: AppServices, options: { explorer?: Plugin } = {}): DossierYoga {
  const { config, logger } = services;
  const limits = config.limits;
  const security = config.security;
  const tooComplex = rejectAsTooComplex();
  observe({ extractor: services.extractor, driver: services.store.driver });
  return createYoga<ServerContext, RequestContext>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    // Ours instead (request-body-limit.ts): the same limit without re-streaming every body.
    maxRequestBodySize: false,
    // GraphiQL from our own dependencies (its scripts and styles inlined in the page): works offline.
    graphiql: security.graphiql
      ? { title: 'dossier', defaultTabs: GRAPHIQL_TABS, defaultEditorToolsVisibility: true, isHeadersEditorEnabled: true }
      : false,
    renderGraphiQL,
    // No origin is allowed unless listed; credentials are never allowed with a wildcard.
    cors: security.corsOrigins.length > 0 ? { origin: security.corsOrigins, credentials: false } : false,
    logging: {
      debug: (...args) => logger.debug(args.length === 1 ? args[0] : args),
      info: (...args) => logger.info(args.length === 1 ? args[0] : args),
      warn: (...args) => logger.warn(args.length === 1 ? args[0] : args),
      // Yoga logs every error it handled; those a client caused are not the operator's problem.
      error: (...args) => {
        if (args.length === 1 && isExpected(args[0])) {
          const error = args[0] as GraphQLError;
          logger.info({ code: error.extensions?.code, message: error.message }, 'request refused');
        } else {
          logger.error(args.length === 1 ? args[0] : args);
        }
      },
    },
    maskedErrors: {
      // Never the development details (stack, original message), whatever NODE_ENV says.
      isDev: false,
      maskError: (error, message) => {
        const known = toClientError(error, services);
        if (known) return known;
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (original) logger.error({ err: original }, 'unexpected error');
        return defaultMaskError(error, message, false);
      },
    },
    context: ({ request }): RequestContext => {
      const authorized = config.apiKey === null || bearerMatches(request.headers.get('authorization'), config.apiKey);
      // Every line a request logs carries its id.
      return { ...services, logger: logger.child({ requestId: requestIdOf(request) }), queries: { queries: 0 }, authorized };
    },
    plugins: [
      ...(options.explorer ? [options.explorer] : []),
      ...(security.rateLimitPerMinute > 0 ? [rateLimit(security.rateLimitPerMinute)] : []),
      // A form or a bare GET from another site cannot run an operation: they need a header.
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf', 'authorization', 'apollo-require-preflight'] }),
      // With PROTECT_READS, a caller without the key learns nothing, not even validation details.
      ...(config.protectReads && config.apiKey ? [authenticateFirst(config.apiKey)] : []),
      ...(config.exposeQueryStats ? [useQueryStats()] : []),
      // Before the response cache, which wraps whatever executes.
      compiledExecution(),
      // Off by default. After the API-key check: a caller refused there never gets a cached answer.
      ...(config.responseCacheTtlSeconds > 0 ? responseCachePlugins(services.store, { ttlSeconds: config.responseCacheTtlSeconds }) : []),
      maxTokensPlugin({ n: limits.maxTokens, propagateOnRejection: false, onReject: [tooComplex] }),
      maxDepthPlugin({
        n: limits.maxDepth,
        ignoreIntrospection: true,
        flattenFragments: true,
        propagateOnRejection: false,
        onReject: [tooComplex],
      }),
      // `__typename` counts too: 16 aliases of it are 16 aliases.
      maxAliasesPlugin({ n: limits.maxAliases, allowList: [], propagateOnRejection: false, onReject: [tooComplex] }),
      ...(security.introspection ? [] : [noIntrospection()]),
      ...(security.fieldSuggestions ? [] : [blockFieldSuggestionsPlugin({ mask: '' })]),
      costLimit(limits.maxCost),
      useReadinessCheck({
        endpoint: '/ready',
        // A bare 503 with no details while Neo4j is unreachable.
        check: () => services.store.ping(),
      }),
      useObservability(logger),
      useMetricsEndpoint(
        (request) => !config.protectReads || config.apiKey === null || bearerMatches(request.headers.get('authorization'), config.apiKey),
      ),
      // Last: it wraps whichever request parser the plugins above chose.
      limitRequestBody(MAX_REQUEST_BODY_BYTES),
    ],
  });
}

/** graphql-armor's refusals, with our code and without its misleading "Syntax Error:" prefix. */
function rejectAsTooComplex() {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const refusal = new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
      extensions: { code: 'QUERY_TOO_COMPLEX' },
    });
    // The token limit runs inside the parser, which has no validation context: throwing stops it.
    if (!context) throw refusal;
    context.reportError(refusal);
  };
}

function noIntrospection(): Plugin<RequestContext> {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

/**
 * The cost limit, once variables are known: `first: $n` weighs what `first: 100` does
 * (see query-cost.ts for the formula). Refused before anything runs.
 */
function costLimit(maxCost: number): Plugin<RequestContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = cachedOperationCost(args.schema, args.document, args.operationName, args.variableValues);
      if (cost === null) {
        // Variables that do not coerce: answer with graphql-js's report, which names the input path
        // and the enum, rather than the compiled executor's shorter one (see compiledExecution).
        const operation = getOperationAST(args.document, args.operationName);
        const coerced = operation && getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {});
        if (coerced?.errors) {
          setResultAndStopExecution({
            errors: coerced.errors.map(
              (error) =>
                new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } }),
            ),
          });
        }
        return;
      }
      if (cost <= maxCost) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError(`Query cost ${Math.ceil(cost)} exceeds the limit of ${maxCost}; ask for smaller pages or fewer fields.`, {
            extensions: { code: 'QUERY_TOO_COMPLEX', cost: Math.ceil(cost), maxCost },
          }),
        ],
      });
    },
  };
}

/**
 * Operations run as JavaScript compiled once per document (graphql-jit), not interpreted over the
 * AST on every request: the same resolvers, in less of the server's CPU. The plugin keys its
 * compiled operations by document alone, so a document that holds several operations (GraphiQL
 * keeps them side by side) runs through graphql-js, where the operation name picks the one.
 */
function compiledExecution(): Plugin<RequestContext> {
  return useGraphQlJit(
    {},
    {
      enableIf: ({ document }) => document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION).length === 1,
    },
  ) as Plugin<RequestContext>;
}

/** Per client address, before anything else; /health and /ready are not counted. */
function rateLimit(perMinute: number): Plugin<RequestContext, ServerContext> {
  const limiter = new RateLimiter(perMinute);
  return {
    onRequest({ serverContext, endResponse, url }) {
      if (url.pathname !== '/graphql') return;
      // In-process `yoga.fetch` calls have no socket: there is no network client to limit.
      const client = serverContext?.req?.socket?.remoteAddress;
      if (!client) return;
      const waitSeconds = limiter.take(client);
      if (waitSeconds === 0) return;
      endResponse(
        new Response(
          JSON.stringify({
            errors: [
              {
                message: `Too many requests: at most ${perMinute} a minute; retry in ${waitSeconds} s.`,
                extensions: { code: 'RATE_LIMITED', retryAfterSeconds: waitSeconds },
              },
            ],
          }),
          { status: 429, headers: { 'content-type': 'application/json', 'retry-after': String(waitSeconds) } },
        ),
      );
    },
  };
}

/** PROTECT_READS: the key is checked before the operation is even parsed. */
function authenticateFirst(apiKey: string): Plugin<RequestContext> {
  return {
    onRequestParse({ request }) {
      if (bearerMatches(request.headers.get('authorization'), apiKey)) return;
      throw new GraphQLError('This API needs a valid API key (Authorization: Bearer <key>).', {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'www-authenticate': 'Bearer' } } },
      });
    },
  };
}

