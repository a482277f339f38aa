import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { ruleBasedExtractor } from '../../src/extraction/index.js';
import { createLogger } from '../../src/logger.js';
import type { AppServices } from '../../src/schema/context.js';
import { connectGraphStore, type GraphStore } from '../../src/store/graph-store.js';
import { applySchema } from '../../src/store/schema-setup.js';
import { createApp, type DossierYoga } from '../../src/server/yoga.js';
import type { DocumentInput } from '../../src/domain/document.js';
import { languageEnumValue } from '../../src/schema/language.js';
import type { IngestDocumentInput, Language } from '../gql/graphql.js';

export interface TestApp {
  services: AppServices;
  store: GraphStore;
  yoga: DossierYoga;
  close(): Promise<void>;
}

/**
 * The real app wired to the test Neo4j; `env` overrides configuration (API_KEY, limits…),
 * `services` the logger or the extractor.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  overrides: Partial<Pick<AppServices, 'logger' | 'extractor'>> = {},
): Promise<TestApp> {
  const config: Config = loadConfig({ LOG_LEVEL: 'silent', SEED_ON_START: 'false', ...env });
  const store = await connectGraphStore({
    uri: inject('neo4jUri'),
    username: inject('neo4jUsername') || undefined,
    password: inject('neo4jPassword') || undefined,
    database: inject('neo4jDatabase'),
    readTimeoutMs: config.readTimeoutMs,
    writeTimeoutMs: config.writeTimeoutMs,
  });
  await applySchema(store);
  const services: AppServices = { config, store, logger: createLogger('silent'), extractor: ruleBasedExtractor, ...overrides };
  return { services, store, yoga: createApp(services), close: () => store.close() };
}

export interface GraphQLResponse<TData> {
  status: number;
  data?: TData | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/** Sends one typed operation through Yoga's fetch handler (HTTP semantics, no port). */
export async function execute<TData, TVariables>(
  yoga: DossierYoga,
  operation: TypedDocumentNode<TData, TVariables> | string,
  variables?: TVariables,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<TData>> {
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query: typeof operation === 'string' ? operation : print(operation), variables: variables ?? {} }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<TData>, 'status'>;
  return { status: response.status, ...body };
}

/** A marker unique to this run, to keep each test's documents and entities apart. */
export function uniqueTag(prefix = 't'): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** A document as read from a file, as the load mutation's input (`en` becomes the enum value `EN`). */
export function ingestInputOf(document: DocumentInput): IngestDocumentInput {
  return {
    text: document.text,
    title: document.title ?? null,
    sourceUrl: document.sourceUrl ?? null,
    language: languageEnumValue(document.language) as Language | null,
    publishedAt: document.publishedAt ?? null,
  };
}
