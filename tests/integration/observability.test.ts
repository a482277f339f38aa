import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { readNeo4jPool } from '../../src/metrics.js';
import { createApp, type DossierYoga } from '../../src/server/yoga.js';
import { startTracing } from '../../src/tracing.js';
import { createTestApp, execute, type TestApp } from '../support/services.js';

/** The real app with its logs captured as parsed JSON lines. */
function appWithCapturedLogs(app: TestApp): { yoga: DossierYoga; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { yoga: createApp({ ...app.services, logger }), lines };
}

function metricValue(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('observability', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('echoes the caller’s x-request-id (or makes one) and logs it with the operation name', async () => {
    const { yoga, lines } = appWithCapturedLogs(app);
    const given = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me-42' },
      body: JSON.stringify({ query: 'query CountThem { stats { documents } }' }),
    });
    expect(given.status).toBe(200);
    expect(given.headers.get('x-request-id')).toBe('trace-me-42');
    expect(lines.find((line) => line.msg === 'request' && line.requestId === 'trace-me-42')).toMatchObject({
      operationName: 'CountThem',
      operationType: 'query',
      status: 200,
      path: '/graphql',
    });

    // No id, or one that is not an id (spaces): a fresh UUID.
    const made = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'not an id' },
      body: JSON.stringify({ query: '{ stats { documents } }' }),
    });
    const id = made.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(lines.find((line) => line.requestId === id)).toMatchObject({ msg: 'request', operationType: 'query', status: 200 });
  });

  it('/metrics counts requests and latency per operation, errors per code, loads, and shows the Neo4j pool', async () => {
    const { yoga } = appWithCapturedLogs(app);
    const before = await (await yoga.fetch('http://yoga/metrics')).text();
    const probesBefore = metricValue(before, 'dossier_graphql_requests_total{operation="MetricsProbe",type="query"}') ?? 0;
    const invalidBefore = metricValue(before, 'dossier_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}') ?? 0;
    const dryLoadsBefore = metricValue(before, 'dossier_document_loads_total{status="CREATED",dry_run="true"}') ?? 0;

    for (let index = 0; index < 3; index += 1) {
      expect((await execute(yoga, 'query MetricsProbe { stats { documents } }')).status).toBe(200);
    }
    const invalid = await execute(yoga, 'query Broken { noSuchField }');
    expect(invalid.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const load = await execute(
      yoga,
      'mutation DryLoad($text: String!) { ingestDocument(input: { text: $text, language: EN }, dryRun: true) { status } }',
      { text: `MI5 warned universities about fake recruiters (metrics ${Date.now()}).` },
    );
    expect(load.errors).toBeUndefined();

    const response = await yoga.fetch('http://yoga/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(metricValue(text, 'dossier_graphql_requests_total{operation="MetricsProbe",type="query"}')).toBe(probesBefore + 3);
    expect(metricValue(text, 'dossier_graphql_request_duration_seconds_count{operation="MetricsProbe",type="query"}')).toBe(probesBefore + 3);
    expect(metricValue(text, 'dossier_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(invalidBefore + 1);
    expect(metricValue(text, 'dossier_graphql_requests_total{operation="DryLoad",type="mutation"}')).toBeGreaterThanOrEqual(1);
    expect(metricValue(text, 'dossier_document_loads_total{status="CREATED",dry_run="true"}')).toBe(dryLoadsBefore + 1);
    expect(metricValue(text, 'dossier_http_requests_total{route="/graphql",status="200"}')).toBeGreaterThanOrEqual(4);
    // The pool is read from the driver's internals: present with this driver version.
    expect(readNeo4jPool(app.store.driver)).not.toBeNull();
    expect(metricValue(text, 'dossier_neo4j_pool_connections{state="max"}')).toBeGreaterThan(0);
    expect(text).toContain('dossier_process_cpu_seconds_total');
  });

  it('/metrics needs the key when reads are protected', async () => {
    const locked = await createTestApp({ API_KEY: 'metrics-key-0123456789', PROTECT_READS: 'true' });
    try {
      expect((await locked.yoga.fetch('http://yoga/metrics')).status).toBe(401);
      const allowed = await locked.yoga.fetch('http://yoga/metrics', { headers: { authorization: 'Bearer metrics-key-0123456789' } });
      expect(allowed.status).toBe(200);
    } finally {
      await locked.close();
    }
  });

  it('exports one span per request over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set', async () => {
    const received: { path: string; body: string }[] = [];
    const collector: Server = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ path: request.url ?? '', body });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    const saved = { ...process.env };
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = endpoint;
    process.env.OTEL_SERVICE_NAME = 'dossier-test';
    try {
      const stop = await startTracing(createLogger('silent'));
      expect(stop).not.toBeNull();
      const { yoga } = appWithCapturedLogs(app);
      const answer = await yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
        },
        body: JSON.stringify({ query: 'query TracedOne { stats { documents } }' }),
      });
      expect(answer.status).toBe(200);
      await stop!(); // flushes
      const traces = received.filter((entry) => entry.path === '/v1/traces');
      expect(traces.length).toBeGreaterThan(0);
      const body = traces.map((entry) => entry.body).join('\n');
      expect(body).toContain('query TracedOne');
      expect(body).toContain('dossier-test');
      // The caller's trace continues: same trace id as its traceparent.
      expect(body).toContain('0af7651916cd43dd8448eb211c80319c');
    } finally {
      process.env = saved;
      await new Promise((resolve) => collector.close(resolve));
    }
  });
});
