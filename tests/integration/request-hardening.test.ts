import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ruleBasedExtractor } from '../../src/extraction/index.js';
import { ExtractionPool } from '../../src/ingestion/extraction-pool.js';
import { schema } from '../../src/schema/index.js';
import { MAX_REQUEST_BODY_BYTES } from '../../src/server/request-body-limit.js';
import { closeServer, listen } from '../../src/server/server.js';
import { GraphStore } from '../../src/store/graph-store.js';
import { removeFixture, writeFixture } from '../support/fixture-graph.js';
import { createTestApp, execute, uniqueTag, type TestApp } from '../support/services.js';

/**
 * The request side of hardening (issue 13) on the real Neo4j: every refusal carries a code, no
 * client sees internals whatever NODE_ENV says, client errors are logged without a stack, reads
 * are batched and bounded, and the defaults are the safe ones.
 */

const tag = uniqueTag('hard');
const agency = `agency:${tag}-a`;
const tactic = `tactic:${tag}-t`;
const documentIds = Array.from({ length: 12 }, (_, i) => `document:${tag}${i}`);
const KEY = 'test-key-0123456789';

type Result = Awaited<ReturnType<typeof execute>>;
const codes = (result: Result) => (result.errors ?? []).map((error) => error.extensions?.code);
const cursor = (text: string) => Buffer.from(text).toString('base64');

/** pino writing JSON lines into an array, to read what an operator would see. */
function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

async function post(app: TestApp, init: RequestInit, path = '/graphql', client?: string): Promise<Response> {
  const serverContext = client ? { req: { socket: { remoteAddress: client } } } : {};
  return app.yoga.fetch(`http://yoga${path}`, init, serverContext as never);
}

describe('request hardening', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ QUERY_STATS: 'true' });
    await writeFixture(app.store, {
      entities: [
        { id: agency, type: 'Agency', name: `Agency ${tag}` },
        { id: tactic, type: 'Tactic', name: `Tactic ${tag}` },
      ],
      relations: [{ type: 'USES', source: agency, target: tactic, docIds: [documentIds[0]!], evidence: [`${documentIds[0]}:0:4`] }],
      documents: documentIds.map((id, i) => ({ id, text: `Text number ${i} of ${tag}.`, publishedAt: '2024-01-01' })),
    });
  });

  afterAll(async () => {
    await removeFixture(app.store, tag);
    await app.close();
  });

  describe('every user error has a code', () => {
    it('bad cursors (garbage base64, another prefix, a negative offset) are BAD_USER_INPUT on every connection', async () => {
      const bad = ['not base64 at all!', cursor('SomethingElse:3'), cursor('OffsetConnection:-44'), cursor('OffsetConnection:1e99')];
      for (const after of bad) {
        for (const query of [
          `query($after: String) { entities(first: 2, after: $after) { edges { node { id } } } }`,
          `query($after: String) { documents(first: 2, after: $after) { edges { node { id } } } }`,
          `query($after: String) { entity(id: "${agency}") { related(first: 2, after: $after) { edges { node { id } } } } }`,
        ]) {
          const result = await execute(app.yoga, query, { after });
          expect(codes(result), `${query} after ${after}`).toEqual(['BAD_USER_INPUT']);
          expect(result.errors?.[0]?.message).not.toMatch(/Invalid base64|LIMIT|SKIP/i);
        }
      }
      const before = await execute(app.yoga, `query { entities(last: 2, before: "${cursor('OffsetConnection:-5')}") { edges { node { id } } } }`);
      expect(codes(before)).toEqual(['BAD_USER_INPUT']);
    });

    it('syntax errors, unknown fields and bad variables carry codes too', async () => {
      expect(codes(await execute(app.yoga, 'query { entity(id: '))).toEqual(['GRAPHQL_PARSE_FAILED']);
      expect(codes(await execute(app.yoga, 'query { entitie { id } }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(codes(await execute(app.yoga, 'query($n: Int) { entities(first: $n) { totalCount } }', { n: 'ten' }))).toEqual([
        'BAD_USER_INPUT',
      ]);
      const notJson = await post(app, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
      expect(notJson.status).toBeLessThan(500);
      expect((await notJson.json()).errors.map((error: any) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    });

    it('an unexpected failure is masked whatever NODE_ENV says: no stack, no Neo4j message, logged at error', async () => {
      for (const nodeEnv of ['development', 'test']) {
        const { logger, lines } = memoryLogger();
        const broken = await createTestApp({ NODE_ENV: nodeEnv }, { logger });
        // A real Neo4j error: the store sends Cypher that Neo4j refuses.
        const store = broken.services.store;
        const original = GraphStore.prototype.read;
        store.read = (_cypher, params, counter) => original.call(store, 'MATCH (n RETURN n', params, counter);
        try {
          const response = await post(broken, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: `{ entity(id: "${agency}") { id } }` }),
          });
          const text = await response.text();
          expect(response.status).toBeLessThan(500);
          expect(JSON.parse(text).errors).toEqual([
            expect.objectContaining({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
          ]);
          expect(text).not.toMatch(/Neo|Cypher|stack|\/work\/|at .*\.ts/);
          const logged = lines.filter((line) => line.level === 50);
          expect(logged.length).toBeGreaterThan(0);
          expect(JSON.stringify(logged)).toMatch(/Invalid input|SyntaxError/);
        } finally {
          await broken.close();
        }
      }
    });

    it('client errors are logged at info without a stack; none at error', async () => {
      const { logger, lines } = memoryLogger();
      const logged = await createTestApp({ API_KEY: KEY }, { logger });
      try {
        await execute(logged.yoga, `mutation { deleteDocument(id: "${documentIds[0]}") { documentId } }`);
        await execute(logged.yoga, 'query { entities(first: 1000) { totalCount } }');
        await execute(logged.yoga, 'query { node(id: "nothing") { id } }');
        await execute(logged.yoga, 'query { entitie { id } }');
        expect(lines.filter((line) => (line.level as number) >= 50)).toEqual([]);
        expect(JSON.stringify(lines)).not.toMatch(/"stack"|\\n\s+at /);
      } finally {
        await logged.close();
      }
    });
  });

  describe('bounded reads', () => {
    it('document texts are read in one batch: 12 texts, 2 round trips (the page and the texts)', async () => {
      const result = (await execute(app.yoga, 'query { documents(first: 100) { edges { node { id text } } } }')) as Result & {
        extensions?: { queryStats?: { cypherRoundTrips: number } };
      };
      expect(result.errors).toBeUndefined();
      const texts = (result.data as any).documents.edges.filter((edge: any) => edge.node.id.includes(tag));
      expect(texts).toHaveLength(12);
      expect(texts[0].node.text).toMatch(/^Text number \d+ of /);
      expect(result.extensions?.queryStats?.cypherRoundTrips).toBe(2);
    });

    it('nodes(ids:) takes at most 100 ids, and an id of no type is null in its place', async () => {
      const mixed = await execute(app.yoga, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
        ids: [agency, 'garbage', 'agency:does-not-exist', documentIds[1]],
      });
      expect(mixed.errors).toBeUndefined();
      expect((mixed.data as any).nodes).toEqual([{ id: agency }, null, null, { id: documentIds[1] }]);
      const ids = (n: number) => Array.from({ length: n }, (_, i) => `agency:${tag}-${i}`);
      expect((await execute(app.yoga, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ids(100) })).errors).toBeUndefined();
      const over = await execute(app.yoga, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ids(20_000) });
      expect(codes(over)).toEqual(['BAD_USER_INPUT']);
      expect(codes(await execute(app.yoga, 'query { node(id: "garbage") { id } }'))).toEqual(['NOT_FOUND']);
    });
  });

  describe('compiled execution', () => {
    it('a document of several operations runs the one its operationName names, each time', async () => {
      const query = `query First { entity(id: "${agency}") { id } } query Second { entity(id: "${tactic}") { name } }`;
      for (const [operationName, expected] of [
        ['Second', { name: `Tactic ${tag}` }],
        ['First', { id: agency }],
        ['Second', { name: `Tactic ${tag}` }],
      ] as const) {
        const response = await post(app, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ query, operationName }),
        });
        expect((await response.json()).data, operationName).toEqual({ entity: expected });
      }
    });

    it('resolver errors keep their code and path through the compiled operation', async () => {
      const result = await execute(app.yoga, 'query($id: ID!) { first: entity(id: $id) { id } missing: node(id: "garbage") { id } }', { id: agency });
      expect((result.data as any)?.first).toEqual({ id: agency });
      expect(result.errors?.map((error) => [error.extensions?.code, error.path])).toEqual([['NOT_FOUND', ['missing']]]);
    });
  });

  describe('request body limit', () => {
    let server: Server;
    let port: number;
    beforeAll(async () => {
      server = await listen(app.yoga, 0, '127.0.0.1');
      port = (server.address() as AddressInfo).port;
    });
    afterAll(async () => closeServer(server));

    /** A raw HTTP POST: `declaredLength` sets Content-Length, or the body goes chunked; `parts` are written in turn. */
    function send(parts: string[], declaredLength?: number): Promise<{ status: number; body: any }> {
      return new Promise((resolve, reject) => {
        const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
        if (declaredLength !== undefined) headers['content-length'] = String(declaredLength);
        // A connection of its own: one the server answered early (413) may still owe it body bytes.
        const req = httpRequest({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers, agent: false }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
        });
        // The server may answer and close before the whole body is sent.
        req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
        for (const part of parts) req.write(part);
        req.end();
      });
    }

    const query = JSON.stringify({ query: `{ entity(id: "${agency}") { id } }` });
    /** A JSON body of `bytes` bytes: the query and a padding field. */
    const padded = (bytes: number) => {
      const head = `{"query": ${JSON.stringify(`{ entity(id: "${agency}") { id } }`)}, "extensions": {"pad": "`;
      return `${head}${'x'.repeat(bytes - head.length - 3)}"}}`;
    };

    it('a body within the limit is served, with a Content-Length or chunked', async () => {
      for (const declared of [Buffer.byteLength(query), undefined]) {
        const { status, body } = await send([query], declared);
        expect(status).toBe(200);
        expect(body.data.entity).toEqual({ id: agency });
      }
    });

    it('a Content-Length over the limit is refused before the body is read: 413 REQUEST_ENTITY_TOO_LARGE', async () => {
      const { status, body } = await send(['{"query": "'], MAX_REQUEST_BODY_BYTES + 1);
      expect(status).toBe(413);
      expect(body.errors.map((error: any) => error.extensions?.code)).toEqual(['REQUEST_ENTITY_TOO_LARGE']);
    });

    it('a chunked body (no Content-Length) is counted as it streams: one byte over the limit is refused', async () => {
      const over = padded(MAX_REQUEST_BODY_BYTES + 1);
      expect(Buffer.byteLength(over)).toBe(MAX_REQUEST_BODY_BYTES + 1);
      const { status, body } = await send([over.slice(0, 1_000_000), over.slice(1_000_000)]);
      expect(status).toBe(413);
      expect(body.errors.map((error: any) => error.extensions?.code)).toEqual(['REQUEST_ENTITY_TOO_LARGE']);
      // Exactly at the limit is fine.
      const at = await send([padded(MAX_REQUEST_BODY_BYTES)]);
      expect(at.status).toBe(200);
      expect(at.body.data.entity).toEqual({ id: agency });
    });

    it('in process (no HTTP server to trust the header), the body is counted whatever it declares', async () => {
      const over = padded(MAX_REQUEST_BODY_BYTES + 1);
      const response = await app.yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'content-length': '100' },
        body: over,
      });
      expect(response.status).toBe(413);
      const invalid = await app.yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'content-length': '12, 12' },
        body: query,
      });
      expect(invalid.status).toBe(400);
    });
  });

  describe('access', () => {
    let keyed: TestApp;
    beforeAll(async () => {
      keyed = await createTestApp({ API_KEY: KEY });
    });
    afterAll(async () => keyed.close());

    it('a mutation without the key is UNAUTHENTICATED with HTTP 401; so is extract', async () => {
      const mutation = await execute(keyed.yoga, `mutation { deleteDocument(id: "document:0000000000000000") { documentId } }`);
      expect(mutation.status).toBe(401);
      expect(codes(mutation)).toEqual(['UNAUTHENTICATED']);
      const extract = await execute(keyed.yoga, 'query { extract(text: "The MSS warned students.") { language } }');
      expect(extract.status).toBe(401);
      expect(codes(extract)).toEqual(['UNAUTHENTICATED']);
      const withKey = await execute(keyed.yoga, 'query { extract(text: "The MSS warned students.") { language } }', {}, {
        authorization: `Bearer ${KEY}`,
      });
      expect(withKey.errors).toBeUndefined();
      expect(withKey.status).toBe(200);
    });

    it('every Mutation field (and extract) refuses a call without the key or with a wrong one, before it runs', async () => {
      // Walks the schema, so a mutation added later is checked without anyone listing it here.
      const mutationFields = Object.values(schema.getMutationType()!.getFields());
      expect(mutationFields.length).toBeGreaterThanOrEqual(5);
      const protectedFields = [...mutationFields.map((field) => ['mutation', field] as const), ['query', schema.getQueryType()!.getFields().extract!] as const];
      const nodesBefore = (await keyed.store.read('MATCH (n) RETURN count(n) AS n'))[0]!.n;
      for (const [operation, field] of protectedFields) {
        const { document, variables } = minimalCall(operation, field);
        for (const headers of [{}, { authorization: 'Bearer wrong-key' }] as Record<string, string>[]) {
          const refused = await execute(keyed.yoga, document, variables, headers);
          expect(refused.status, `${field.name} ${JSON.stringify(headers)}`).toBe(401);
          expect(codes(refused), field.name).toEqual(['UNAUTHENTICATED']);
        }
        // With the key the same call passes the check (it may fail on its made-up arguments after).
        const allowed = await execute(keyed.yoga, document, variables, { authorization: `Bearer ${KEY}` });
        expect(codes(allowed), field.name).not.toContain('UNAUTHENTICATED');
      }
      // The refused calls wrote nothing (the allowed ones name no existing document or entity;
      // the two loads are dry runs).
      expect((await keyed.store.read('MATCH (n) RETURN count(n) AS n'))[0]!.n).toBe(nodesBefore);
    });

    it('PROTECT_READS: without the key, 401 before any validation detail (no suggestions, no cost)', async () => {
      const closed = await createTestApp({ API_KEY: KEY, PROTECT_READS: 'true' });
      try {
        for (const query of ['query { entitie { id } }', 'query { entities(first: 100) { edges { node { related(first: 100) { edges { node { related(first: 100) { totalCount } } } } } } } }']) {
          const anonymous = await execute(closed.yoga, query);
          expect(anonymous.status).toBe(401);
          expect(anonymous.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
          expect(JSON.stringify(anonymous)).not.toMatch(/Did you mean|cost/i);
        }
        const withKey = await execute(closed.yoga, 'query { entitie { id } }', {}, { authorization: `Bearer ${KEY}` });
        expect(withKey.errors?.[0]?.message).toMatch(/Did you mean .*"entity"/);
      } finally {
        await closed.close();
      }
    });

    it('CSRF: a form post or a bare GET runs nothing (403 FORBIDDEN); JSON and GET with a header do', async () => {
      const form = await post(app, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `query=${encodeURIComponent('mutation { deleteDocument(id: "document:0000000000000000") { documentId } }')}`,
      });
      expect(form.status).toBe(403);
      expect((await form.json()).errors[0].extensions.code).toBe('FORBIDDEN');
      const bareGet = await post(app, { method: 'GET', headers: { accept: 'application/json' } }, '/graphql?query=%7B__typename%7D');
      expect(bareGet.status).toBe(403);
      const get = await post(app, { method: 'GET', headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' } }, '/graphql?query=%7B__typename%7D');
      expect(get.status).toBe(200);
      expect(await get.json()).toEqual({ data: { __typename: 'Query' }, extensions: expect.anything() });
    });

    it('CORS: no allowed origin by default; CORS_ORIGINS lists them, never with credentials', async () => {
      const preflight = (target: TestApp, origin: string) =>
        post(target, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
        });
      const closedByDefault = await preflight(app, 'https://evil.example');
      expect(closedByDefault.headers.get('access-control-allow-origin')).toBeNull();
      expect(closedByDefault.headers.get('access-control-allow-credentials')).toBeNull();

      const listed = await createTestApp({ CORS_ORIGINS: 'https://app.example, https://other.example' });
      try {
        const allowed = await preflight(listed, 'https://app.example');
        expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
        expect(allowed.headers.get('access-control-allow-credentials')).not.toBe('true');
        const refused = await preflight(listed, 'https://evil.example');
        expect(refused.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
      } finally {
        await listed.close();
      }
      expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    });

    it('safe defaults: loopback without a key; production needs a key and hides GraphiQL, introspection and suggestions', async () => {
      expect(loadConfig({}).security.host).toBe('127.0.0.1');
      expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/HOST="0.0.0.0": without API_KEY/);
      expect(loadConfig({ HOST: '0.0.0.0', API_KEY: KEY }).security.host).toBe('0.0.0.0');
      expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/NODE_ENV=production needs API_KEY/);

      const production = await createTestApp({ NODE_ENV: 'production', API_KEY: KEY });
      const opened = await createTestApp({ NODE_ENV: 'production', API_KEY: KEY, INTROSPECTION: 'true', GRAPHIQL: 'true', FIELD_SUGGESTIONS: 'true' });
      try {
        const page = await post(production, { method: 'GET', headers: { accept: 'text/html' } });
        expect(await page.text()).not.toMatch(/graphiql/i);
        const openedPage = await post(opened, { method: 'GET', headers: { accept: 'text/html' } });
        expect(await openedPage.text()).toMatch(/graphiql/i);

        const introspection = await execute(production.yoga, 'query { __schema { types { name } } }');
        expect(introspection.data ?? null).toBeNull();
        expect(new Set(codes(introspection))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
        expect(introspection.errors?.[0]?.message).toMatch(/introspection has been disabled/);
        expect((await execute(opened.yoga, 'query { __schema { types { name } } }')).errors).toBeUndefined();

        const typo = await execute(production.yoga, 'query { entitie { id } }');
        expect(typo.errors?.[0]?.message).toMatch(/Cannot query field "entitie"/);
        expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
        expect((await execute(opened.yoga, 'query { entitie { id } }')).errors?.[0]?.message).toMatch(/Did you mean/);
      } finally {
        await production.close();
        await opened.close();
      }
    });

    it('rate limit per client address: past the budget, 429 RATE_LIMITED with Retry-After; others unaffected', async () => {
      const limited = await createTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
      try {
        const ask = (client: string) =>
          post(limited, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }, '/graphql', client);
        const statuses: number[] = [];
        for (let i = 0; i < 6; i += 1) statuses.push((await ask('10.0.0.1')).status);
        expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
        const refused = await ask('10.0.0.1');
        expect(refused.status).toBe(429);
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        expect((await refused.json()).errors[0].extensions.code).toBe('RATE_LIMITED');
        expect((await ask('10.0.0.2')).status).toBe(200);
        expect((await post(limited, { method: 'GET' }, '/health', '10.0.0.1')).status).toBe(200);
      } finally {
        await limited.close();
      }
      expect(loadConfig({}).security.rateLimitPerMinute).toBeGreaterThan(0);
    });
  });

  describe('extraction queue', () => {
    it('is bounded: past it, 503 SERVER_BUSY with Retry-After, and the queued ones still finish', async () => {
      const pool = new ExtractionPool({
        name: ruleBasedExtractor.name,
        version: ruleBasedExtractor.version,
        size: 1,
        maxQueued: 2,
        maxChars: 1_000_000,
      });
      const busy = await createTestApp({}, { extractor: pool });
      try {
        const text = 'The Ministry of State Security warned students about recruiters abroad. '.repeat(3000);
        const responses = await Promise.all(
          Array.from({ length: 6 }, () =>
            post(busy, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ query: 'query($text: String!) { extract(text: $text) { language } }', variables: { text } }),
            }),
          ),
        );
        const statuses = responses.map((response) => response.status).sort();
        // One running, two waiting, three refused at once.
        expect(statuses).toEqual([200, 200, 200, 503, 503, 503]);
        const refused = responses.find((response) => response.status === 503)!;
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        expect((await refused.json()).errors[0].extensions.code).toBe('SERVER_BUSY');
      } finally {
        await pool.close();
        await busy.close();
      }
    });
  });
});

/**
 * The smallest call of a root field that GraphQL accepts: every required argument gets a value of
 * its type through a variable (dry runs for loads, ids that name nothing), and the selection asks
 * only for __typename.
 */
function minimalCall(operation: 'mutation' | 'query', field: GraphQLField<unknown, unknown>) {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const variables: Record<string, unknown> = Object.fromEntries(required.map((arg) => [arg.name, sampleValue(arg.type)]));
  const dryRun = field.args.some((arg) => arg.name === 'dryRun');
  const args = [...required.map((arg) => `${arg.name}: $${arg.name}`), ...(dryRun ? ['dryRun: true'] : [])];
  const declarations = required.map((arg) => `$${arg.name}: ${String(arg.type)}`);
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const document = `${operation}${declarations.length ? `(${declarations.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
  return { document, variables };
}

function sampleValue(type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [sampleValue(inner.ofType)];
  if (isEnumType(inner)) return inner.getValues()[0]!.name;
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return Object.fromEntries(fields.map((f) => [f.name, sampleValue(f.type)]));
  }
  if (inner.name === 'Int' || inner.name === 'Float') return 1;
  if (inner.name === 'Boolean') return false;
  if (inner.name === 'ID') return 'agency:nothing-has-this-id';
  return 'The MSS warned students.';
}
