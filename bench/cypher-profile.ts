import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { execute, print, parse, type GraphQLSchema } from 'graphql';
import { neo4jGraphqlTypeDefs } from './neo4j-graphql/type-defs.js';
import { loadConfig } from '../src/config.js';
import { ruleBasedExtractor } from '../src/extraction/index.js';
import { createLogger } from '../src/logger.js';
import { GraphStore, type QueryCounter } from '../src/store/graph-store.js';
import { toPlain, type Row } from '../src/store/values.js';
import { createApp } from '../src/server/yoga.js';
import type { QuerySpec, Sample } from './scenarios/query-specs.js';
import { summarize, type Summary } from './stats.js';

/**
 * The Neo4j side of "where the time goes": every Cypher statement a request makes, run with
 * PROFILE, so each request's database work (db hits, rows, Neo4j's own time) can be set beside
 * the floor's single query. Runs the app in this process on a store that profiles each read.
 */

export interface StatementProfile {
  /** First line of the statement, to recognise it. */
  head: string;
  dbHits: number;
  rows: number;
  /** Neo4j's time to first and last record, ms. */
  neo4jMs: number;
}

export interface CypherProfile {
  samples: number;
  /** GraphQL errors met while profiling (the figures then leave those requests out). */
  errors: string[];
  api: { statementsPerRequest: Summary; dbHitsPerRequest: Summary; neo4jMsPerRequest: Summary; example: StatementProfile[] };
  floor: { dbHitsPerRequest: Summary; neo4jMsPerRequest: Summary };
  /** The same for @neo4j/graphql's generated Cypher, where it has the query. */
  neo4jGraphql?: { statementsPerRequest: Summary; dbHitsPerRequest: Summary; neo4jMsPerRequest: Summary; errors: string[] };
}

function totalDbHits(plan: ProfiledPlan): number {
  return plan.dbHits + plan.children.reduce((sum, child) => sum + totalDbHits(child), 0);
}

async function profiled(store: GraphStore, cypher: string, params: Record<string, unknown>) {
  const result = await store.driver.executeQuery(`PROFILE ${cypher}`, params, {
    database: store.database,
    routing: neo4j.routing.READ,
  });
  const summary = result.summary;
  const statement: StatementProfile = {
    head: cypher.trim().split('\n')[0]!.slice(0, 90),
    dbHits: summary.profile ? totalDbHits(summary.profile) : Number.NaN,
    rows: result.records.length,
    neo4jMs: Number(summary.resultAvailableAfter) + Number(summary.resultConsumedAfter),
  };
  return { rows: result.records.map((record) => toPlain(record.toObject()) as Row), statement };
}

/** A GraphStore whose reads run under PROFILE and are recorded. */
class ProfilingStore extends GraphStore {
  statements: StatementProfile[] = [];

  override async read(cypher: string, params: Record<string, unknown> = {}, counter?: QueryCounter): Promise<Row[]> {
    if (counter) counter.queries += 1;
    const { rows, statement } = await profiled(this, cypher, params);
    this.statements.push(statement);
    return rows;
  }

  override async readRaw(cypher: string, params: Record<string, unknown> = {}, counter?: QueryCounter): Promise<unknown[][]> {
    if (counter) counter.queries += 1;
    const result = await this.driver.executeQuery(`PROFILE ${cypher}`, params, { database: this.database, routing: neo4j.routing.READ });
    const summary = result.summary;
    this.statements.push({
      head: cypher.trim().split('\n')[0]!.slice(0, 90),
      dbHits: summary.profile ? totalDbHits(summary.profile) : Number.NaN,
      rows: result.records.length,
      neo4jMs: Number(summary.resultAvailableAfter) + Number(summary.resultConsumedAfter),
    });
    return result.records.map((record) => record.keys.map((_key, index) => record.get(index)));
  }
}

let neo4jGraphqlSchema: Promise<GraphQLSchema> | null = null;

/**
 * @neo4j/graphql's statements for the spec's operation, run under PROFILE: its schema executes
 * in this process with a transaction-like execution context (its documented `executionContext`
 * may be a transaction: anything with `run`) that prefixes each statement with PROFILE.
 */
async function profileNeo4jGraphql(spec: QuerySpec, store: GraphStore, samples: readonly Sample[]) {
  const other = spec.neo4jGraphql;
  if (!other) return undefined;
  neo4jGraphqlSchema ??= new Neo4jGraphQL({ typeDefs: neo4jGraphqlTypeDefs() }).getSchema();
  const schema = await neo4jGraphqlSchema;
  const document = parse(other.graphql);
  const counts: number[] = [];
  const hits: number[] = [];
  const times: number[] = [];
  const errors: string[] = [];
  for (const sample of samples) {
    const statements: StatementProfile[] = [];
    const executionContext = {
      run: async (cypher: string, params: Record<string, unknown>) => {
        const result = await store.driver.executeQuery(`PROFILE ${cypher}`, params, {
          database: store.database,
          routing: neo4j.routing.READ,
        });
        statements.push({
          head: cypher.trim().split('\n')[0]!.slice(0, 90),
          dbHits: result.summary.profile ? totalDbHits(result.summary.profile) : Number.NaN,
          rows: result.records.length,
          neo4jMs: Number(result.summary.resultAvailableAfter) + Number(result.summary.resultConsumedAfter),
        });
        return result;
      },
    };
    const result = await execute({
      schema,
      document,
      variableValues: other.variables(sample),
      contextValue: { executionContext, cypherQueryOptions: { addVersionPrefix: false } },
    });
    if (result.errors?.length) {
      if (errors.length < 3) errors.push(String(result.errors[0]?.message).slice(0, 300));
      continue;
    }
    counts.push(statements.length);
    hits.push(statements.reduce((sum, s) => sum + s.dbHits, 0));
    times.push(statements.reduce((sum, s) => sum + s.neo4jMs, 0));
  }
  return { statementsPerRequest: summarize(counts), dbHitsPerRequest: summarize(hits), neo4jMsPerRequest: summarize(times), errors };
}

export async function profileCypher(spec: QuerySpec, store: GraphStore, samples: readonly Sample[]): Promise<CypherProfile> {
  const profilingStore = new ProfilingStore(store.driver, store.options);
  profilingStore.relationsFitOntology = store.relationsFitOntology;
  const config = loadConfig({ LOG_LEVEL: 'silent', SEED_ON_START: 'false', NEO4J_URI: 'bolt://profile.invalid' });
  const yoga = createApp({ config, store: profilingStore, logger: createLogger('silent'), extractor: ruleBasedExtractor });
  const query = print(parse(spec.graphql));

  const statementCounts: number[] = [];
  const apiHits: number[] = [];
  const apiMs: number[] = [];
  const floorHits: number[] = [];
  const floorMs: number[] = [];
  let example: StatementProfile[] = [];
  const errors: string[] = [];
  for (const sample of samples) {
    profilingStore.statements = [];
    const response = await yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables: spec.variables(sample) }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors?.length) {
      if (errors.length < 3) errors.push(JSON.stringify(body.errors[0]).slice(0, 300));
      continue;
    }
    const statements = profilingStore.statements;
    // The last request's, when every statement's plan is cached (the first pays for planning).
    example = statements;
    statementCounts.push(statements.length);
    apiHits.push(statements.reduce((sum, s) => sum + s.dbHits, 0));
    apiMs.push(statements.reduce((sum, s) => sum + s.neo4jMs, 0));
    const floor = await profiled(store, spec.cypher, spec.params(sample));
    floorHits.push(floor.statement.dbHits);
    floorMs.push(floor.statement.neo4jMs);
  }
  const neo4jGraphql = await profileNeo4jGraphql(spec, store, samples);
  return {
    ...(neo4jGraphql ? { neo4jGraphql } : {}),
    samples: samples.length,
    errors,
    api: {
      statementsPerRequest: summarize(statementCounts),
      dbHitsPerRequest: summarize(apiHits),
      neo4jMsPerRequest: summarize(apiMs),
      example,
    },
    floor: { dbHitsPerRequest: summarize(floorHits), neo4jMsPerRequest: summarize(floorMs) },
  };
}
