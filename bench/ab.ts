/**
 * Side-by-side A/B of two checkouts of the API server on one Neo4j and one graph: `--base` (e.g.
 * an export of main: `git archive main | tar -x -C /tmp/main` with node_modules linked) and this
 * repository. Both servers run at once; the load alternates between them round after round (the
 * first alternating), so a burst of load from elsewhere on a shared machine hits both alike. Per
 * round: req/s, and CPU ms per request of each API server and of Neo4j (from /proc); then the
 * median ratio. Before timing, both answer the same samples and are checked against the floor,
 * and each one's Cypher is run under PROFILE (db hits per request, statement length).
 *
 *   npx tsx bench/ab.ts --base /tmp/main --size 10k --query tree2 --rounds 6
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { openBenchDatabase } from './database.js';
import { loadSyntheticGraph } from './load-graph.js';
import { runHttpLoad, type LoadCell } from './http-load.js';
import { findNeo4jPid, startCpuMeter } from './cpu.js';
import { connectGraphStore } from '../src/store/graph-store.js';
import { applySchema } from '../src/store/schema-setup.js';
import { createRandom } from './corpus/random.js';
import { QUERY_SPECS, sampleRequests } from './scenarios/query-specs.js';
import { verifyAnswers } from './scenarios/queries.js';
import { startApiServer, type ApiServer } from './server-process.js';
import { summarize } from './stats.js';

const median = (values: readonly number[]) => summarize(values).median;

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    size: { type: 'string', default: '10k' },
    query: { type: 'string', default: 'tree2' },
    clients: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '6' },
    seconds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    seed: { type: 'string', default: '42' },
    'no-profile': { type: 'boolean' },
    /** A running Neo4j that already holds the graph (its JVM found by the port for CPU). */
    uri: { type: 'string' },
  },
});
if (!values.base) throw new Error('--base DIR (a checkout of the revision to compare with) is required');
const base = resolve(values.base);
const here = resolve(import.meta.dirname, '..');
const sizeMatch = /^(\d+)k$/i.exec(values.size!);
if (!sizeMatch) throw new Error('--size expects thousands of entities, e.g. 10k');
const size = { label: values.size!.toLowerCase(), entities: Number(sizeMatch[1]) * 1000, documents: Number(sizeMatch[1]) * 100 };
const spec = QUERY_SPECS.find((q) => q.name === values.query);
if (!spec) throw new Error(`unknown query ${values.query}`);
const clients = Number(values.clients);
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const warmup = Number(values.warmup);
const seed = Number(values.seed);
const log = (line: string) => process.stderr.write(`[ab ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

async function openExisting(uri: string) {
  const store = await connectGraphStore({ uri, database: 'neo4j', readTimeoutMs: 60_000, writeTimeoutMs: 600_000 });
  await applySchema(store);
  return { uri, store, pid: findNeo4jPid(Number(new URL(uri).port)), kept: true, markLoaded: async () => {}, close: () => store.close() };
}
const db = values.uri
  ? await openExisting(values.uri)
  : await openBenchDatabase({ label: `${size.label}-synthetic`, documents: size.documents }, { seed, keep: true, log });
const servers: { name: string; server: ApiServer }[] = [];
try {
  if (!db.kept) {
    log(`writing a synthetic graph of ${size.entities} entities`);
    await loadSyntheticGraph(db.store, { entities: size.entities, seed });
    await db.markLoaded();
  }
  const samples = await sampleRequests(db.store, seed, 200);
  for (const [name, root] of [
    ['base', base],
    ['this', here],
  ] as const) {
    servers.push({ name, server: await startApiServer({ neo4jUri: db.uri, logFile: join(here, 'bench', 'reports', `ab-${name}.log`), root }) });
  }
  for (const { name, server } of servers) {
    const check = await verifyAnswers(spec, db.store, server, samples.slice(0, 30));
    log(`${name}: answers equal to the floor ${check.equal}/${check.checked}, round trips ${check.roundTrips.median}${check.errors.length ? `, errors ${check.errors.join(' | ')}` : ''}`);
  }
  if (!values['no-profile']) {
    for (const [name, root] of [
      ['base', base],
      ['this', here],
    ] as const) {
      const { profileCypher } = (await import(pathToFileURL(join(root, 'bench', 'cypher-profile.ts')).href)) as typeof import('./cypher-profile.js');
      const profile = await profileCypher({ ...spec, neo4jGraphql: undefined }, db.store, samples.slice(0, 20));
      log(`${name}: db hits per request ${profile.api.dbHitsPerRequest.median} (floor ${profile.floor.dbHitsPerRequest.median}), statements ${profile.api.statementsPerRequest.median}`);
    }
  }
  const results = new Map<string, LoadCell[]>(servers.map(({ name }) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? servers : [...servers].reverse();
    for (const { name, server } of order) {
      const random = createRandom(seed + round);
      const cell = await runHttpLoad({
        url: server.url,
        clients,
        seconds,
        warmupSeconds: warmup,
        body: () => JSON.stringify({ query: spec.graphql, variables: spec.variables(samples[random.int(samples.length)]!) }),
        cpuMeter: () => startCpuMeter({ server: server.pid, neo4j: db.pid }),
      });
      results.get(name)!.push(cell);
      log(
        `round ${round + 1} ${name}: ${cell.requestsPerSecond.toFixed(1)} req/s, p50 ${cell.latencyMs.median.toFixed(1)} ms, CPU ms/request server ${cell.cpu?.serverMsPerRequest?.toFixed(2)} neo4j ${cell.cpu?.neo4jMsPerRequest.toFixed(2)}, errors ${cell.errors}`,
      );
    }
  }
  const a = results.get('base')!;
  const b = results.get('this')!;
  const ratios = a.map((cell, i) => b[i]!.requestsPerSecond / cell.requestsPerSecond);
  const med = (cells: LoadCell[], pick: (c: LoadCell) => number) => median(cells.map(pick));
  const line = (name: string, cells: LoadCell[]) =>
    `${name}: median ${med(cells, (c) => c.requestsPerSecond).toFixed(1)} req/s, server ${med(cells, (c) => c.cpu?.serverMsPerRequest ?? NaN).toFixed(2)} ms/req, neo4j ${med(cells, (c) => c.cpu?.neo4jMsPerRequest ?? NaN).toFixed(2)} ms/req`;
  log(line('base', a));
  log(line('this', b));
  log(`this ÷ base req/s per round: ${ratios.map((r) => r.toFixed(3)).join(' ')}; median ${median(ratios).toFixed(3)}`);
  for (const [what, pick] of [
    ['server', (c: LoadCell) => c.cpu?.serverMsPerRequest ?? NaN],
    ['neo4j', (c: LoadCell) => c.cpu?.neo4jMsPerRequest ?? NaN],
  ] as const) {
    const cpuRatios = a.map((cell, i) => pick(b[i]!) / pick(cell));
    log(`this ÷ base ${what} CPU ms per request, per round: ${cpuRatios.map((r) => r.toFixed(3)).join(' ')}; median ${median(cpuRatios).toFixed(3)}`);
  }
} finally {
  for (const { server } of servers) await server.stop();
  await db.close();
}
