import type { GraphStore } from '../../src/store/graph-store.js';
import { startCpuMeter } from '../cpu.js';
import type { CypherProfile } from '../cypher-profile.js';
import { runFloorLoad } from '../floor-load.js';
import { runHttpLoad, type LoadCell } from '../http-load.js';
import { createRandom } from '../corpus/random.js';
import { clearProfiles, monotonicMicros, readProfile, type ProfileSummary } from '../profile.js';
import { startApiServer, type ApiServer } from '../server-process.js';
import { summarize, type Summary } from '../stats.js';
import type { QuerySpec, Sample } from './query-specs.js';

export interface Verification {
  checked: number;
  equal: number;
  /** @neo4j/graphql's answers equal to the floor's (null: it has no such query). */
  neo4jGraphqlEqual: number | null;
  /** Up to three samples whose answers differed, for the report. */
  mismatches: { sample: Sample; system: 'dossier' | '@neo4j/graphql'; graphql: string[]; floor: string[] }[];
  /** Cypher round trips per request, from `extensions.queryStats`. */
  roundTrips: Summary;
  /** Ids in an answer, to show the queries return something. */
  answerSize: Summary;
  errors: string[];
}

export interface QueryCell {
  clients: number;
  api: LoadCell;
  floor: LoadCell;
  /** The same question to @neo4j/graphql, when it has one. */
  neo4jGraphql?: LoadCell;
  /** Which system ran first, second, third in this cell (the order rotates from cell to cell). */
  order: string[];
  /** API p50 latency ÷ floor p50 latency (1 = as fast as the floor). */
  p50Ratio: number;
  p95Ratio: number;
  /** API throughput ÷ floor throughput (1 = as many requests per second). */
  throughputRatio: number;
  /** @neo4j/graphql's p50 and throughput ÷ the floor's, and dossier's throughput ÷ its. */
  neo4jGraphqlP50Ratio?: number;
  neo4jGraphqlThroughputRatio?: number;
  apiOverNeo4jGraphqlThroughput?: number;
  /** Round trips read from a sample of the responses under load. */
  roundTrips: Summary;
  /** Largest resident memory of the API server seen during the cell, MiB. */
  serverRssMiB: number;
}

export interface QueryFigures {
  name: string;
  description: string;
  roundTripBudget: number;
  verification: Verification;
  cells: QueryCell[];
  /** Each request's Cypher under PROFILE (db hits, Neo4j time) beside the floor's. */
  cypherProfile?: CypherProfile;
  /** The API server's CPU profile under load, when one was taken. */
  profile?: ProfileSummary & { clients: number; seconds: number; requestsPerSecond: number };
}

async function postGraphQL(url: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

const ROUND_TRIPS = /"cypherRoundTrips":(\d+)/;

/** Asks the API and the floor the same questions and compares the ids; reads round trips. */
export async function verifyAnswers(
  spec: QuerySpec,
  store: GraphStore,
  server: ApiServer,
  samples: readonly Sample[],
  neo4jGraphql: ApiServer | null = null,
): Promise<Verification> {
  const other = neo4jGraphql && spec.neo4jGraphql ? { server: neo4jGraphql, query: spec.neo4jGraphql } : null;
  let otherEqual = 0;
  const roundTrips: number[] = [];
  const sizes: number[] = [];
  const mismatches: Verification['mismatches'] = [];
  const errors: string[] = [];
  let equal = 0;
  for (const sample of samples) {
    const body = await postGraphQL(server.url, spec.graphql, spec.variables(sample));
    if (body.errors?.length) {
      if (errors.length < 3) errors.push(JSON.stringify(body.errors[0]).slice(0, 300));
      continue;
    }
    const trips = body.extensions?.queryStats?.cypherRoundTrips;
    if (typeof trips === 'number') roundTrips.push(trips);
    const api = spec.fromGraphQL(body.data);
    const floor = spec.fromFloor(await store.read(spec.cypher, spec.params(sample)));
    sizes.push(floor.length);
    if (JSON.stringify(api) === JSON.stringify(floor)) equal += 1;
    else if (mismatches.length < 3) mismatches.push({ sample, system: 'dossier', graphql: api.slice(0, 20), floor: floor.slice(0, 20) });
    if (other) {
      const otherBody = await postGraphQL(other.server.url, other.query.graphql, other.query.variables(sample));
      if (otherBody.errors?.length) {
        if (errors.length < 3) errors.push(`@neo4j/graphql: ${JSON.stringify(otherBody.errors[0]).slice(0, 300)}`);
        continue;
      }
      const answer = other.query.fromGraphQL(otherBody.data);
      if (JSON.stringify(answer) === JSON.stringify(floor)) otherEqual += 1;
      else if (mismatches.length < 3) mismatches.push({ sample, system: '@neo4j/graphql', graphql: answer.slice(0, 20), floor: floor.slice(0, 20) });
    }
  }
  return {
    checked: samples.length,
    equal,
    neo4jGraphqlEqual: other ? otherEqual : null,
    mismatches,
    roundTrips: summarize(roundTrips),
    answerSize: summarize(sizes),
    errors,
  };
}

export interface QueryRunOptions {
  clients: readonly number[];
  seconds: number;
  warmupSeconds: number;
  verifySamples: number;
  seed: number;
  /** The Neo4j JVM, to account its CPU per request (null: not measured). */
  neo4jPid: number | null;
  /** @neo4j/graphql's server, measured beside dossier where the query has its equivalent. */
  neo4jGraphql?: ApiServer | null;
}

/** One query: answers checked, then API and floor at each concurrency, side by side. */
export async function runQueryScenario(
  spec: QuerySpec,
  store: GraphStore,
  server: ApiServer,
  samples: readonly Sample[],
  options: QueryRunOptions,
): Promise<QueryFigures> {
  const other = options.neo4jGraphql && spec.neo4jGraphql ? { server: options.neo4jGraphql, query: spec.neo4jGraphql } : null;
  const verification = await verifyAnswers(spec, store, server, samples.slice(0, options.verifySamples), other?.server ?? null);
  const cells: QueryCell[] = [];
  for (const [cellIndex, clients] of options.clients.entries()) {
    // Each system draws the same sequence of agencies.
    const picker = () => {
      const random = createRandom(options.seed + clients);
      return () => samples[random.int(samples.length)]!;
    };

    const trips: number[] = [];
    let rss = server.rssMiB();
    const runApi = async () => {
      const pick = picker();
      const rssTimer = setInterval(() => {
        rss = Math.max(rss, server.rssMiB());
      }, 250);
      return runHttpLoad({
        url: server.url,
        clients,
        seconds: options.seconds,
        warmupSeconds: options.warmupSeconds,
        body: () => JSON.stringify({ query: spec.graphql, variables: spec.variables(pick()) }),
        cpuMeter: () => startCpuMeter({ server: server.pid, neo4j: options.neo4jPid }),
        onSample: (body) => {
          const match = ROUND_TRIPS.exec(body);
          if (match) trips.push(Number(match[1]));
        },
      }).finally(() => clearInterval(rssTimer));
    };
    const runOther = async () => {
      const pick = picker();
      return runHttpLoad({
        url: other!.server.url,
        clients,
        seconds: options.seconds,
        warmupSeconds: options.warmupSeconds,
        body: () => JSON.stringify({ query: other!.query.graphql, variables: other!.query.variables(pick()) }),
        cpuMeter: () => startCpuMeter({ server: other!.server.pid, neo4j: options.neo4jPid }),
      });
    };
    const runFloor = async () => {
      const pick = picker();
      return runFloorLoad({
        driver: store.driver,
        database: store.database,
        cypher: spec.cypher,
        params: () => spec.params(pick()),
        clients,
        seconds: options.seconds,
        warmupSeconds: options.warmupSeconds,
        cpuMeter: () => startCpuMeter({ server: null, neo4j: options.neo4jPid }),
      });
    };
    // The systems take turns within the cell, and the one that starts rotates from cell to cell,
    // so a burst of load from elsewhere on a shared machine does not always hit the same one.
    const systems: { name: string; run: () => Promise<LoadCell> }[] = [
      { name: 'floor', run: runFloor },
      ...(other ? [{ name: '@neo4j/graphql', run: runOther }] : []),
      { name: 'dossier', run: runApi },
    ];
    const shift = cellIndex % systems.length;
    const order = [...systems.slice(shift), ...systems.slice(0, shift)];
    const measured = new Map<string, LoadCell>();
    for (const system of order) measured.set(system.name, await system.run());
    const api = measured.get('dossier')!;
    const floor = measured.get('floor')!;
    const neo4jGraphql = measured.get('@neo4j/graphql');
    cells.push({
      clients,
      api,
      floor,
      order: order.map((system) => system.name),
      p50Ratio: api.latencyMs.median / floor.latencyMs.median,
      p95Ratio: api.latencyMs.p95 / floor.latencyMs.p95,
      throughputRatio: api.requestsPerSecond / floor.requestsPerSecond,
      ...(neo4jGraphql
        ? {
            neo4jGraphql,
            neo4jGraphqlP50Ratio: neo4jGraphql.latencyMs.median / floor.latencyMs.median,
            neo4jGraphqlThroughputRatio: neo4jGraphql.requestsPerSecond / floor.requestsPerSecond,
            apiOverNeo4jGraphqlThroughput: api.requestsPerSecond / neo4jGraphql.requestsPerSecond,
          }
        : {}),
      roundTrips: summarize(trips),
      serverRssMiB: rss,
    });
  }
  return { name: spec.name, description: spec.description, roundTripBudget: spec.roundTripBudget, verification, cells };
}


/**
 * Runs one more API cell against a second server started with `--cpu-prof`, so the profile holds
 * nothing but this query under this load (the measured cells above ran without the profiler).
 */
export async function profileQuery(
  spec: QuerySpec,
  neo4jUri: string,
  samples: readonly Sample[],
  options: { clients: number; seconds: number; seed: number; directory: string; logFile: string },
): Promise<QueryFigures['profile']> {
  await clearProfiles(options.directory);
  const server = await startApiServer({
    neo4jUri,
    logFile: options.logFile,
    nodeArgs: ['--cpu-prof', '--cpu-prof-dir', options.directory],
  });
  const random = createRandom(options.seed);
  const window = { start: 0, end: 0 };
  let cell: LoadCell;
  try {
    cell = await runHttpLoad({
      url: server.url,
      clients: options.clients,
      seconds: options.seconds,
      warmupSeconds: 1,
      // Marks the measured window: only samples inside it count.
      cpuMeter: () => {
        window.start = monotonicMicros();
        return {
          stop: () => {
            window.end = monotonicMicros();
            return { serverMsPerRequest: null, neo4jMsPerRequest: Number.NaN, clientMsPerRequest: Number.NaN };
          },
        };
      },
      body: () => JSON.stringify({ query: spec.graphql, variables: spec.variables(samples[random.int(samples.length)]!) }),
    });
  } finally {
    // The profile is written when the server exits.
    await server.stop();
  }
  const summary = await readProfile(options.directory, window);
  await clearProfiles(options.directory);
  return summary
    ? { ...summary, clients: options.clients, seconds: options.seconds, requestsPerSecond: cell.requestsPerSecond }
    : undefined;
}
