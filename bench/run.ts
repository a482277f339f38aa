/**
 * `npm run bench`: benchmarks anyone can rerun (issue 6). Starts its own Neo4j per graph size
 * (unless NEO4J_URI is set), loads a generated corpus, starts the API in a child process and
 * measures extraction, relationship queries beside a hand-written Cypher floor, and ingestion
 * through the GraphQL mutation. Reports go to bench/reports/ (git-ignored) as Markdown and JSON.
 */
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openBenchDatabase } from './database.js';
import { countGraph, loadCorpus, loadSyntheticGraph } from './load-graph.js';
import { profileCypher } from './cypher-profile.js';
import { describeMachine, describeRevision } from './machine.js';
import { repeatMedians, writeReport, type BenchReport, type SizeReport } from './report.js';
import type { QueryFigures } from './scenarios/queries.js';
import { runExtractionScenario } from './scenarios/extraction.js';
import { runIngestionScenario } from './scenarios/ingestion.js';
import { QUERY_SPECS, sampleRequests } from './scenarios/query-specs.js';
import { profileQuery, runQueryScenario } from './scenarios/queries.js';
import { startApiServer } from './server-process.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCENARIOS = ['extraction', 'queries', 'ingestion'] as const;
type Scenario = (typeof SCENARIOS)[number];

const HELP = `Usage: npm run bench -- [options]

Runs the benchmark and writes bench/reports/<date>.md (for people) and .json (for machines).
Each graph size gets a fresh built-in Neo4j in .neo4j/bench-<size> (or NEO4J_URI's server).

Options:
  --sizes LIST        graph sizes in entities, comma-separated (default 10k): e.g. 10k,100k,1m;
                      about ten entities per generated document
  --graph KIND        how the graph is built: corpus (default: the generated documents through
                      the ingestion code's bulk writer, writeDocumentGraphs) or synthetic (the
                      read API's generator, scripts/generate-graph.ts: entities and relations
                      in batches through the store's upserts, no documents; the fast way to 1m)
  --scenarios LIST    any of ${SCENARIOS.join(', ')} (default: all)
  --queries LIST      any of ${QUERY_SPECS.map((q) => q.name).join(', ')} (default: all)
  --clients LIST      concurrent clients per query cell (default 1,32)
  --seconds N         measured seconds per query cell, API and floor each (default 6)
  --warmup N          warm-up seconds before each cell, not measured (default 2)
  --ingest-docs N     documents per ingestion mode, single and batched (default 1000)
  --ingest-batch N    documents per ingestDocuments call (default 50)
  --ingest-seconds N  time bound per ingestion mode; the report says when it cut a run short
                      (default 180)
  --extract-docs N    documents in the extraction scenario (default 300)
  --runs N            timed extraction runs after the warm-up (default 5)
  --repeat N          measure the queries N times on the same graph and servers (default 1);
                      the report then opens with the median of the N runs for every figure
  --load-batch N      documents per bulk-load transaction (default 1000)
  --keep-data         keep each size's built-in Neo4j data after the run, and reuse a kept graph
                      of the same seed and size instead of loading it again (saves the long
                      load at 1m; ingestion then adds new documents on top of earlier ones)
  --profile MODE      CPU-profile the API server under the largest client count: auto (when
                      its p50 is over 2x the floor's or its throughput under half), all, none
                      (default auto)
  --quick             for development: a small synthetic graph (2k entities, kept between runs),
                      the queries only, 1 s warm-up and 3 s per cell, no CPU profile (any
                      option given wins)
  --no-neo4j-graphql  leave @neo4j/graphql out (it is measured beside dossier by default)
  --response-cache N  run dossier with its response cache on (RESPONSE_CACHE_TTL_SECONDS=N);
                      off by default, and the targets are measured without it: a run with it
                      writes its own report, its settings saying responseCacheSeconds
  --seed N            corpus and sampling seed (default 42)
  --out DIR           report folder (default bench/reports)
  -h, --help          this text

Environment: NEO4J_URI (+ NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE) to use a running
Neo4j instead of the built-in one (the bench writes its corpus into it); NEO4J_HEAP and
NEO4J_PAGECACHE size the built-in one (the bench's default: 2g and 512m up to 10k entities,
4g and 2g above).`;

class UsageError extends Error {}

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${name} expects a whole number above 0, got ${JSON.stringify(raw)}`);
  return value;
}

function list<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], fallback: readonly T[]): T[] {
  if (raw === undefined) return [...fallback];
  const items = raw.split(',').map((item) => item.trim()).filter(Boolean);
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item)) {
      throw new UsageError(`--${name}: unknown ${JSON.stringify(item)}; expected any of ${allowed.join(', ')}`);
    }
  }
  if (items.length === 0) throw new UsageError(`--${name} is empty`);
  return items as T[];
}

/** "10k" → 10,000 entities → 1,000 documents. */
export function parseSize(raw: string): { label: string; entities: number; documents: number } {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(raw.trim());
  if (!match) throw new UsageError(`--sizes: ${JSON.stringify(raw)} is not a size such as 10k, 100k or 1m`);
  const entities = Number(match[1]) * (match[2]?.toLowerCase() === 'k' ? 1_000 : match[2]?.toLowerCase() === 'm' ? 1_000_000 : 1);
  const documents = Math.round(entities / 10);
  if (documents < 10) throw new UsageError(`--sizes: ${raw} is too small (at least 100 entities)`);
  return { label: raw.trim().toLowerCase(), entities, documents };
}

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' },
      graph: { type: 'string' },
      scenarios: { type: 'string' },
      queries: { type: 'string' },
      clients: { type: 'string' },
      seconds: { type: 'string' },
      warmup: { type: 'string' },
      'ingest-docs': { type: 'string' },
      'ingest-batch': { type: 'string' },
      'ingest-seconds': { type: 'string' },
      'keep-data': { type: 'boolean' },
      'extract-docs': { type: 'string' },
      runs: { type: 'string' },
      repeat: { type: 'string' },
      'load-batch': { type: 'string' },
      seed: { type: 'string' },
      profile: { type: 'string' },
      quick: { type: 'boolean' },
      'no-neo4j-graphql': { type: 'boolean' },
      'response-cache': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.quick) {
    values.sizes ??= '2k';
    values.graph ??= 'synthetic';
    values.scenarios ??= 'queries';
    values.seconds ??= '3';
    values['keep-data'] ??= true;
    values.warmup ??= '1';
    values.profile ??= 'none';
  }
  const clients = (values.clients ?? '1,32').split(',').map((item) => positiveInteger('clients', item.trim(), 1));
  const ingestBatch = positiveInteger('ingest-batch', values['ingest-batch'], 50);
  if (ingestBatch > 100) throw new UsageError('--ingest-batch: ingestDocuments takes at most 100 documents per call');
  return {
    help: values.help === true,
    quick: values.quick === true,
    neo4jGraphql: values['no-neo4j-graphql'] !== true,
    sizes: (values.sizes ?? '10k').split(',').map(parseSize),
    graph: list('graph', values.graph, ['corpus', 'synthetic'] as const, ['corpus'])[0]!,
    scenarios: list<Scenario>('scenarios', values.scenarios, SCENARIOS, SCENARIOS),
    queries: list(
      'queries',
      values.queries,
      QUERY_SPECS.map((q) => q.name),
      QUERY_SPECS.map((q) => q.name),
    ),
    clients,
    seconds: positiveInteger('seconds', values.seconds, 6),
    warmup: values.warmup === '0' ? 0 : positiveInteger('warmup', values.warmup, 2),
    ingestDocs: positiveInteger('ingest-docs', values['ingest-docs'], 1000),
    ingestBatch,
    ingestSeconds: positiveInteger('ingest-seconds', values['ingest-seconds'], 180),
    keepData: values['keep-data'] === true,
    extractDocs: positiveInteger('extract-docs', values['extract-docs'], 300),
    runs: positiveInteger('runs', values.runs, 5),
    repeat: positiveInteger('repeat', values.repeat, 1),
    responseCacheSeconds: values['response-cache'] === undefined ? 0 : positiveInteger('response-cache', values['response-cache'], 0),
    loadBatch: positiveInteger('load-batch', values['load-batch'], 1000),
    seed: positiveInteger('seed', values.seed, 42),
    profile: list('profile', values.profile, ['auto', 'all', 'none'] as const, ['auto'])[0]!,
    out: resolve(values.out ?? join(REPO_ROOT, 'bench', 'reports')),
  };
}

const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

async function main(): Promise<void> {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`${error.message}\nSee npm run bench -- --help\n`);
      process.exit(2);
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }

  const startedAt = new Date();
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const report: BenchReport = {
    startedAt: startedAt.toISOString(),
    finishedAt: null,
    command: ['npm run bench --', ...process.argv.slice(2)].join(' ').replace(/ --$/, ''),
    revision: describeRevision(),
    machine: null,
    settings: {
      sizes: options.sizes.map((s) => s.label),
      graph: options.graph,
      scenarios: options.scenarios,
      queries: options.queries,
      clients: options.clients,
      repeat: options.repeat,
      responseCacheSeconds: options.responseCacheSeconds,
      secondsPerCell: options.seconds,
      profile: options.profile,
      warmupSeconds: options.warmup,
      ingestDocs: options.ingestDocs,
      ingestBatch: options.ingestBatch,
      ingestSeconds: options.ingestSeconds,
      seed: options.seed,
    },
    extraction: null,
    sizes: [],
  };
  const save = async () => {
    const paths = await writeReport(report, options.out, stamp);
    log(`report: ${relative(process.cwd(), paths.markdown)} and ${relative(process.cwd(), paths.json)}`);
  };

  if (options.scenarios.includes('extraction')) {
    log(`extraction: ${options.extractDocs} documents, ${options.runs} runs`);
    report.extraction = runExtractionScenario(
      { seed: options.seed, documents: Math.max(options.extractDocs, ...options.sizes.map((s) => s.documents)) },
      { documents: options.extractDocs, runs: options.runs },
    );
    log(`extraction: ${Math.round(report.extraction.wordsPerSecond.median)} words/s (median)`);
  }

  const needsGraph = options.scenarios.includes('queries') || options.scenarios.includes('ingestion');
  for (const size of needsGraph ? options.sizes : []) {
    const entry: SizeReport = {
      label: size.label,
      documents: size.documents,
      graph: null,
      load: null,
      serverRssAtStartMiB: null,
      queries: [],
      ingestion: [],
    };
    report.sizes.push(entry);
    const corpus = { seed: options.seed, documents: size.documents };
    const db = await openBenchDatabase(
      { label: `${size.label}-${options.graph}`, documents: size.documents },
      { seed: options.seed, keep: options.keepData, log },
    );
    let server: Awaited<ReturnType<typeof startApiServer>> | null = null;
    let neo4jGraphqlServer: Awaited<ReturnType<typeof startApiServer>> | null = null;
    try {
      report.machine ??= await describeMachine(db.store);
      if (db.kept) {
        log(`${size.label}: reusing the graph kept by an earlier run (${db.kept.ingestRuns} ingestion runs on top)`);
        entry.reused = db.kept;
      } else {
        let lastShown = 0;
        const onProgress = (done: number, total: number, what = 'documents') => {
          if (done === total || performance.now() - lastShown > 10_000) {
            lastShown = performance.now();
            log(`${size.label}: loaded ${done} of ${total} ${what}`);
          }
        };
        if (options.graph === 'corpus') {
          log(`${size.label}: loading ${size.documents} generated documents (writeDocumentGraphs)`);
          entry.load = await loadCorpus(db.store, corpus, { batchSize: options.loadBatch, onProgress });
        } else {
          log(`${size.label}: writing a synthetic graph of ${size.entities} entities (scripts/generate-graph.ts)`);
          entry.load = await loadSyntheticGraph(db.store, { entities: size.entities, seed: options.seed, onProgress });
        }
        await db.markLoaded();
        log(`${size.label}: loaded in ${entry.load.seconds.toFixed(1)} s`);
      }
      entry.graph = await countGraph(db.store);
      log(`${size.label}: ${entry.graph.entities} entities, ${entry.graph.relationships} relations`);

      server = await startApiServer({
        neo4jUri: db.uri,
        logFile: join(options.out, `${stamp}-server-${size.label}.log`),
        env: options.responseCacheSeconds > 0 ? { RESPONSE_CACHE_TTL_SECONDS: String(options.responseCacheSeconds) } : {},
      });
      if (options.responseCacheSeconds > 0) log(`${size.label}: dossier runs with its response cache on (${options.responseCacheSeconds} s)`);
      entry.serverRssAtStartMiB = server.rssMiB();
      if (options.neo4jGraphql && options.scenarios.includes('queries')) {
        neo4jGraphqlServer = await startApiServer({
          neo4jUri: db.uri,
          logFile: join(options.out, `${stamp}-neo4j-graphql-${size.label}.log`),
          entry: join('bench', 'neo4j-graphql', 'server.ts'),
          readyPath: '/health',
        });
      }

      if (options.scenarios.includes('queries')) {
        const samples = await sampleRequests(db.store, options.seed, 500);
        const runs: QueryFigures[][] = [];
        for (let run = 1; run <= options.repeat; run += 1) {
          const figuresOfRun: QueryFigures[] = [];
          runs.push(figuresOfRun);
          for (const spec of QUERY_SPECS.filter((q) => options.queries.includes(q.name))) {
            const runLabel = options.repeat > 1 ? ` (run ${run} of ${options.repeat})` : '';
            log(`${size.label}: ${spec.name} at ${options.clients.join(', ')} clients${runLabel}`);
            const figures = await runQueryScenario(spec, db.store, server, samples, {
              clients: options.clients,
              seconds: options.seconds,
              warmupSeconds: options.warmup,
              verifySamples: 30,
              seed: options.seed,
              neo4jPid: db.pid,
              neo4jGraphql: neo4jGraphqlServer,
            });
            figuresOfRun.push({ ...figures });
            if (options.repeat > 1) figures.name = `${spec.name} #${run}`;
            entry.queries.push(figures);
            // Database work and the CPU profile do not change from run to run: the first run's.
            if (run === 1) figures.cypherProfile = await profileCypher(spec, db.store, samples.slice(0, 20));
            const busiest = figures.cells.at(-1);
            const slow = busiest !== undefined && (busiest.p50Ratio > 2 || busiest.throughputRatio < 0.5);
            if (run === 1 && busiest && (options.profile === 'all' || (options.profile === 'auto' && slow))) {
              log(`${size.label}: ${spec.name}: CPU profile of the API server at ${busiest.clients} clients`);
              figures.profile = await profileQuery(spec, db.uri, samples, {
                clients: busiest.clients,
                seconds: options.seconds,
                seed: options.seed,
                directory: join(options.out, `${stamp}-profile`),
                logFile: join(options.out, `${stamp}-server-${size.label}-profile.log`),
              });
            }
            for (const cell of figures.cells) {
              const other = cell.neo4jGraphql
                ? `, @neo4j/graphql ${cell.neo4jGraphql.latencyMs.median.toFixed(2)} ms / ${Math.round(cell.neo4jGraphql.requestsPerSecond)} req/s (dossier ÷ it ${cell.apiOverNeo4jGraphqlThroughput!.toFixed(2)}×)`
                : '';
              log(
                `${size.label}: ${spec.name} ×${cell.clients}: dossier p50 ${cell.api.latencyMs.median.toFixed(2)} ms, floor ${cell.floor.latencyMs.median.toFixed(2)} ms (${cell.p50Ratio.toFixed(2)}×); ${Math.round(cell.api.requestsPerSecond)} vs ${Math.round(cell.floor.requestsPerSecond)} req/s (${cell.throughputRatio.toFixed(2)}×)${other}; answers equal ${figures.verification.equal}/${figures.verification.checked}${figures.verification.neo4jGraphqlEqual === null ? '' : `, @neo4j/graphql ${figures.verification.neo4jGraphqlEqual}/${figures.verification.checked}`}`,
              );
            }
            await save();
          }
        }
        if (options.repeat > 1) {
          entry.repeatMedians = repeatMedians(runs);
          for (const m of entry.repeatMedians) {
            log(
              `${size.label}: ${m.query} ×${m.clients}, median of ${m.runs} runs: dossier p50 ${m.dossier.p50Ms.toFixed(2)} ms, ${Math.round(m.dossier.requestsPerSecond)} req/s; floor ${m.floor.p50Ms.toFixed(2)} ms, ${Math.round(m.floor.requestsPerSecond)} req/s${m.neo4jGraphql ? `; @neo4j/graphql ${m.neo4jGraphql.p50Ms.toFixed(2)} ms, ${Math.round(m.neo4jGraphql.requestsPerSecond)} req/s (dossier ÷ it: throughput ${m.throughputOverNeo4jGraphql!.toFixed(2)}×, p50 ${m.p50OverNeo4jGraphql!.toFixed(2)}×)` : ''}; dossier ÷ floor: p50 ${m.p50OverFloor.toFixed(2)}×, throughput ${m.throughputOverFloor.toFixed(2)}×`,
            );
          }
          await save();
        }
      }

      if (options.scenarios.includes('ingestion')) {
        // New texts (another seed) about the same entity pools, so they land on the known graph.
        // A kept graph has the documents of earlier runs: take the next seed's, which are new.
        const ingestCorpus = { seed: options.seed + 1 + (db.kept?.ingestRuns ?? 0), documents: size.documents };
        for (const [i, mode] of (['single', 'batched'] as const).entries()) {
          log(`${size.label}: ingestion, ${mode}, ${options.ingestDocs} documents`);
          const figures = await runIngestionScenario(db.store, server, ingestCorpus, {
            mode,
            documents: options.ingestDocs,
            batchSize: options.ingestBatch,
            firstIndex: i * options.ingestDocs,
            maxSeconds: options.ingestSeconds,
          });
          entry.ingestion.push(figures);
          log(`${size.label}: ingestion ${mode}: ${figures.documents} documents, ${figures.documentsPerSecond.toFixed(1)} documents/s`);
          await save();
        }
        await db.markIngested();
      }
    } finally {
      await neo4jGraphqlServer?.stop();
      await server?.stop();
      await db.close();
    }
    await save();
  }

  report.finishedAt = new Date().toISOString();
  await save();
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
