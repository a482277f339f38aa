/**
 * What operators see of each request: a request id (the caller's `x-request-id`, or a new one)
 * echoed in the response; one log line with that id, the operation's name and type, status and
 * duration; Prometheus counters; and, when tracing is on, a span.
 */
import { context as otelContext, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { getOperationAST, type ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import {
  httpRequests,
  operationDuration,
  operationErrors,
  operationLabel,
  operationRequests,
  registry,
} from '../metrics.js';
import { tracingEnabled } from '../tracing.js';

export const REQUEST_ID_HEADER = 'x-request-id';
/** A caller's id is kept when it looks like one (no spaces, no control characters, not huge). */
const ACCEPTABLE_REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

interface RequestState {
  id: string;
  startedAt: number;
  operationName?: string | null;
  operationType?: string;
  errorCodes: string[];
  /** The URL's path, as onRequest got it parsed (not parsed again for the response). */
  path?: string;
  span?: Span;
}

const states = new WeakMap<Request, RequestState>();

function stateOf(request: Request): RequestState {
  let state = states.get(request);
  if (!state) {
    const given = request.headers.get(REQUEST_ID_HEADER);
    state = {
      id: given && ACCEPTABLE_REQUEST_ID.test(given) ? given : randomUUID(),
      startedAt: performance.now(),
      errorCodes: [],
    };
    states.set(request, state);
  }
  return state;
}

/** The request's id, for a request-scoped logger in the GraphQL context. */
export function requestIdOf(request: Request): string {
  return stateOf(request).id;
}

const KNOWN_ROUTES = new Set(['/graphql', '/health', '/ready', '/metrics']);

function collectErrorCodes(result: unknown, into: string[]): void {
  const results = Array.isArray(result) ? result : [result];
  for (const single of results as ExecutionResult[]) {
    for (const error of single?.errors ?? []) {
      const code = error.extensions?.code;
      // Errors without a code are the query-size limits' refusals (graphql-armor).
      into.push(typeof code === 'string' ? code : 'QUERY_LIMIT');
    }
  }
}

export function useObservability(logger: Logger): Plugin {
  const tracer = tracingEnabled() ? trace.getTracer('dossier') : null;
  return {
    onRequest({ request, url }) {
      const state = stateOf(request);
      state.path = url.pathname;
      if (tracer) {
        const parent = propagation.extract(otelContext.active(), Object.fromEntries(request.headers));
        state.span = tracer.startSpan(
          `${request.method} ${url.pathname}`,
          { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'url.path': url.pathname, 'dossier.request_id': state.id } },
          parent,
        );
      }
    },
    onParams({ params, request }) {
      stateOf(request).operationName ??= params.operationName ?? null;
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (!request) return;
      const state = stateOf(request);
      const operation = getOperationAST(args.document, args.operationName);
      state.operationName = operation?.name?.value ?? args.operationName ?? null;
      state.operationType = operation?.operation;
    },
    onResultProcess({ request, result }) {
      if (!isAsyncIterable(result)) collectErrorCodes(result, stateOf(request).errorCodes);
    },
    onResponse({ request, response }) {
      const state = stateOf(request);
      const path = state.path ?? new URL(request.url).pathname;
      const seconds = (performance.now() - state.startedAt) / 1000;
      response.headers.set(REQUEST_ID_HEADER, state.id);

      httpRequests.inc({ route: KNOWN_ROUTES.has(path) ? path : 'other', status: String(response.status) });
      // Executed operations, and GraphQL requests refused before execution (parse, validation, limits).
      if (state.operationType !== undefined || state.errorCodes.length > 0) {
        const labels = { operation: operationLabel(state.operationName), type: state.operationType ?? 'none' };
        operationRequests.inc(labels);
        operationDuration.observe(labels, seconds);
      }
      for (const code of state.errorCodes) operationErrors.inc({ code });

      if (state.span) {
        const span = state.span;
        span.setAttribute('http.response.status_code', response.status);
        if (state.operationName) span.setAttribute('graphql.operation.name', state.operationName);
        if (state.operationType) span.setAttribute('graphql.operation.type', state.operationType);
        if (state.operationType) span.updateName(`${state.operationType} ${state.operationName ?? '(anonymous)'}`);
        if (state.errorCodes.length > 0) {
          span.setAttribute('graphql.error.codes', state.errorCodes);
          span.setStatus({ code: SpanStatusCode.ERROR, message: state.errorCodes.join(', ') });
        }
        span.end();
      }

      logger.info(
        {
          requestId: state.id,
          method: request.method,
          path,
          operationName: state.operationName ?? undefined,
          operationType: state.operationType,
          status: response.status,
          ms: Math.round(seconds * 10_000) / 10,
          errors: state.errorCodes.length > 0 ? state.errorCodes : undefined,
          traceId: state.span?.spanContext().traceId,
        },
        'request',
      );
    },
  };
}

/** `GET /metrics` in Prometheus's text format; `guard` may refuse it (PROTECT_READS). */
export function useMetricsEndpoint(guard: (request: Request) => boolean): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== '/metrics') return;
      if (!guard(request)) {
        endResponse(new Response('This endpoint needs a valid API key (Authorization: Bearer <key>).\n', { status: 401 }));
        return;
      }
      endResponse(new Response(await registry.metrics(), { status: 200, headers: { 'content-type': registry.contentType } }));
    },
  };
}
