import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GraphCounts, LoadSummary } from './load-graph.js';
import type { MachineInfo, RevisionInfo } from './machine.js';
import type { ExtractionFigures } from './scenarios/extraction.js';
import type { IngestionFigures } from './scenarios/ingestion.js';
import type { QueryFigures } from './scenarios/queries.js';
import { round, type Summary } from './stats.js';

export interface SizeReport {
  label: string;
  documents: number;
  /** The graph the queries ran on (before ingestion added to it). */
  graph: GraphCounts | null;
  load: LoadSummary | null;
  /** Set when the graph was kept from an earlier run (--keep-data) instead of loaded. */
  reused?: { loadedAt: string; ingestRuns: number };
  serverRssAtStartMiB: number | null;
  queries: QueryFigures[];
  /** With --repeat N above 1: per query and client count, the median over the N runs. */
  repeatMedians?: RepeatMedian[];
  ingestion: IngestionFigures[];
}

/** One cell's figures as the median of the repeated runs (each run interleaves the systems). */
export interface RepeatMedian {
  query: string;
  clients: number;
  runs: number;
  floor: { p50Ms: number; requestsPerSecond: number };
  neo4jGraphql: { p50Ms: number; requestsPerSecond: number } | null;
  dossier: { p50Ms: number; requestsPerSecond: number };
  /** Medians of each run's ratios (not ratios of the medians). */
  p50OverFloor: number;
  throughputOverFloor: number;
  throughputOverNeo4jGraphql: number | null;
  p50OverNeo4jGraphql: number | null;
}

const middle = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
};

/** Medians per query and client count over runs of the same queries (`runs[i]` is run i's figures). */
export function repeatMedians(runs: readonly QueryFigures[][]): RepeatMedian[] {
  const out: RepeatMedian[] = [];
  for (const [index, first] of (runs[0] ?? []).entries()) {
    for (const [cellIndex, cell] of first.cells.entries()) {
      const cells = runs.map((run) => run[index]!.cells[cellIndex]!);
      const withOther = cells.every((c) => c.neo4jGraphql);
      out.push({
        query: first.name,
        clients: cell.clients,
        runs: cells.length,
        floor: { p50Ms: middle(cells.map((c) => c.floor.latencyMs.median)), requestsPerSecond: middle(cells.map((c) => c.floor.requestsPerSecond)) },
        neo4jGraphql: withOther
          ? {
              p50Ms: middle(cells.map((c) => c.neo4jGraphql!.latencyMs.median)),
              requestsPerSecond: middle(cells.map((c) => c.neo4jGraphql!.requestsPerSecond)),
            }
          : null,
        dossier: { p50Ms: middle(cells.map((c) => c.api.latencyMs.median)), requestsPerSecond: middle(cells.map((c) => c.api.requestsPerSecond)) },
        p50OverFloor: middle(cells.map((c) => c.p50Ratio)),
        throughputOverFloor: middle(cells.map((c) => c.throughputRatio)),
        throughputOverNeo4jGraphql: withOther ? middle(cells.map((c) => c.apiOverNeo4jGraphqlThroughput!)) : null,
        p50OverNeo4jGraphql: withOther ? middle(cells.map((c) => c.api.latencyMs.median / c.neo4jGraphql!.latencyMs.median)) : null,
      });
    }
  }
  return out;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string | null;
  command: string;
  revision: RevisionInfo;
  machine: MachineInfo | null;
  settings: Record<string, unknown>;
  extraction: ExtractionFigures | null;
  sizes: SizeReport[];
}

const ms = (value: number) => (Number.isFinite(value) ? String(round(value)) : 'n/a');
const x = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');
const whole = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a');
const spread = (s: Summary) => `${ms(s.median)} / ${ms(s.p95)} (${ms(s.min)}–${ms(s.max)})`;

export function machineLines(report: BenchReport): string[] {
  const m = report.machine;
  return [
    `- Date: ${report.startedAt}`,
    `- Commit: ${report.revision.commit}${report.revision.dirty ? ' (with uncommitted changes in the working tree)' : ''}`,
    m
      ? `- Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}; ${m.neo4j}; neo4j-driver ${m.neo4jDriver}; load average at start ${m.loadAverage}`
      : '- Machine: not recorded',
    `- Command: \`${report.command}\``,
  ];
}

/** The Markdown for people: one table per scenario, ratios to the Cypher floor beside each query. */
export function toMarkdown(report: BenchReport): string {
  const lines: string[] = ['# dossier benchmark', '', ...machineLines(report), ''];
  lines.push(`Settings: ${Object.entries(report.settings).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}`, '');

  const e = report.extraction;
  if (e) {
    lines.push(
      '## Extraction (one core, in process)',
      '',
      `${e.documents} generated documents, ${whole(e.words)} words, ${e.runs} timed runs after a warm-up.`,
      '',
      '| words/s median | p95 | min | max | ms per document median / p95 | truth found: entities / relations |',
      '|---|---|---|---|---|---|',
      `| ${whole(e.wordsPerSecond.median)} | ${whole(e.wordsPerSecond.p95)} | ${whole(e.wordsPerSecond.min)} | ${whole(e.wordsPerSecond.max)} | ${ms(e.msPerDocument.median)} / ${ms(e.msPerDocument.p95)} | ${(e.recall.entities * 100).toFixed(0)}% / ${(e.recall.relations * 100).toFixed(0)}% |`,
      '',
    );
  }

  for (const size of report.sizes) {
    lines.push(`## Graph of about ${size.label} entities`, '');
    if (size.graph) {
      lines.push(
        `Graph: ${whole(size.graph.entities)} entities, ${whole(size.graph.relationships)} relations, ${whole(size.graph.documents)} documents, ${whole(size.graph.mentions)} mentions.`,
      );
    }
    if (size.load?.method === 'corpus') {
      lines.push(
        `Built from the generated documents through the bulk writer (writeDocumentGraphs, one transaction per batch): ${whole(size.load.documents)} documents in ${size.load.seconds.toFixed(1)} s (${whole(size.load.documentsPerSecond)} documents/s).`,
      );
    } else if (size.load) {
      lines.push(
        `Built by the synthetic graph writer (scripts/generate-graph.ts, batched writes through the store's upserts, no documents) in ${size.load.seconds.toFixed(1)} s.`,
      );
    }
    if (size.reused) {
      lines.push(
        `Graph kept from a run on ${size.reused.loadedAt} (--keep-data), with ${size.reused.ingestRuns} earlier ingestion run(s) on top.`,
      );
    }
    if (size.serverRssAtStartMiB !== null) lines.push(`API server RSS when ready: ${whole(size.serverRssAtStartMiB)} MiB.`);
    lines.push('');

    if (size.repeatMedians?.length) {
      lines.push(
        `### Median of ${size.repeatMedians[0]!.runs} runs`,
        '',
        'Each run measures the three systems in turn; below, the median of the runs for each figure and for each run\'s ratios. The runs themselves follow (query names with #1, #2, …).',
        '',
        '| query | clients | floor p50, req/s | @neo4j/graphql p50, req/s | dossier p50, req/s | dossier ÷ floor: p50, req/s | dossier ÷ @neo4j/graphql: p50, req/s |',
        '|---|---|---|---|---|---|---|',
      );
      for (const m of size.repeatMedians) {
        const o = m.neo4jGraphql;
        lines.push(
          `| ${m.query} | ${m.clients} | ${ms(m.floor.p50Ms)}, ${whole(m.floor.requestsPerSecond)} | ${o ? `${ms(o.p50Ms)}, ${whole(o.requestsPerSecond)}` : '–'} | ${ms(m.dossier.p50Ms)}, ${whole(m.dossier.requestsPerSecond)} | ${x(m.p50OverFloor)}, ${x(m.throughputOverFloor)} | ${o ? `${x(m.p50OverNeo4jGraphql!)}, ${x(m.throughputOverNeo4jGraphql!)}` : '–'} |`,
        );
      }
      lines.push('');
    }

    if (size.queries.length) {
      lines.push(
        '### Side by side: the Cypher floor, @neo4j/graphql and dossier',
        '',
        'p50 latency in ms and requests/s of each system in the same cell (the systems take turns, the first one rotating from cell to cell); ratios to the floor; the last two columns compare dossier with @neo4j/graphql (throughput: higher is better for dossier; p50: lower is better). "–": @neo4j/graphql has no such query.',
        '',
        '| query | clients | floor p50, req/s | @neo4j/graphql p50, req/s | dossier p50, req/s | @neo4j/graphql ÷ floor: p50, req/s | dossier ÷ floor: p50, req/s | dossier req/s ÷ @neo4j/graphql | dossier p50 ÷ @neo4j/graphql | order |',
        '|---|---|---|---|---|---|---|---|---|---|',
      );
      for (const q of size.queries) {
        for (const c of q.cells) {
          const o = c.neo4jGraphql;
          lines.push(
            `| ${q.name} | ${c.clients} | ${ms(c.floor.latencyMs.median)}, ${whole(c.floor.requestsPerSecond)} | ${o ? `${ms(o.latencyMs.median)}, ${whole(o.requestsPerSecond)}` : '–'} | ${ms(c.api.latencyMs.median)}, ${whole(c.api.requestsPerSecond)} | ${o ? `${x(c.neo4jGraphqlP50Ratio!)}, ${x(c.neo4jGraphqlThroughputRatio!)}` : '–'} | ${x(c.p50Ratio)}, ${x(c.throughputRatio)} | ${o ? x(c.apiOverNeo4jGraphqlThroughput!) : '–'} | ${o ? x(c.api.latencyMs.median / o.latencyMs.median) : '–'} | ${(c.order ?? []).join(', ')} |`,
          );
        }
      }
      lines.push(
        '',
        '### Relationship queries: API over HTTP vs the Cypher floor',
        '',
        'Latency in ms as median / p95 (min–max); ratio = API ÷ floor (latency: lower is better, 1.00× = the floor; throughput: higher is better).',
        '',
        '| query | clients | API latency | floor latency | p50 ratio | p95 ratio | API req/s | floor req/s | throughput ratio | round trips (max; budget) | ≥ 40 ms API / floor | server RSS max MiB |',
        '|---|---|---|---|---|---|---|---|---|---|---|---|',
      );
      for (const q of size.queries) {
        for (const c of q.cells) {
          lines.push(
            `| ${q.name} | ${c.clients} | ${spread(c.api.latencyMs)} | ${spread(c.floor.latencyMs)} | ${x(c.p50Ratio)} | ${x(c.p95Ratio)} | ${whole(c.api.requestsPerSecond)} | ${whole(c.floor.requestsPerSecond)} | ${x(c.throughputRatio)} | ${ms(c.roundTrips.median)} (${ms(c.roundTrips.max)}; ${q.roundTripBudget}) | ${c.api.atLeast40ms} / ${c.floor.atLeast40ms} of ${whole(c.api.requests)} / ${whole(c.floor.requests)} | ${whole(c.serverRssMiB)} |`,
          );
        }
      }
      lines.push('', '| query | what | answers equal to the floor (ids): dossier; @neo4j/graphql | ids per answer median (min–max) | errors under load dossier / floor / @neo4j/graphql |', '|---|---|---|---|---|');
      for (const q of size.queries) {
        const v = q.verification;
        const loadErrors = q.cells.map((c) => `${c.api.errors} / ${c.floor.errors} / ${c.neo4jGraphql?.errors ?? '–'}`).join(', ');
        lines.push(
          `| ${q.name} | ${q.description} | ${v.equal} of ${v.checked}; ${v.neo4jGraphqlEqual ?? '–'}${v.errors.length ? ` (GraphQL errors: ${v.errors.join('; ').replace(/\|/g, '\\|')})` : ''} | ${ms(v.answerSize.median)} (${ms(v.answerSize.min)}–${ms(v.answerSize.max)}) | ${loadErrors} |`,
        );
      }
      if (size.queries.some((q) => q.cells.some((c) => c.api.cpu))) {
        lines.push(
          '',
          'CPU per request (ms, measured part of each cell, from /proc): with the API, the server process, Neo4j and the load generator (autocannon); with the floor, Neo4j and the driver process. On a machine with few cores this bounds throughput.',
          '',
          '| query | clients | API: server | API: Neo4j | API: load generator | floor: Neo4j | floor: driver process |',
          '|---|---|---|---|---|---|---|',
        );
        const cpu = (value: number | null | undefined) => (value === null || value === undefined ? 'n/a' : ms(value));
        for (const q of size.queries) {
          for (const c of q.cells) {
            lines.push(
              `| ${q.name} | ${c.clients} | ${cpu(c.api.cpu?.serverMsPerRequest)} | ${cpu(c.api.cpu?.neo4jMsPerRequest)} | ${cpu(c.api.cpu?.clientMsPerRequest)} | ${cpu(c.floor.cpu?.neo4jMsPerRequest)} | ${cpu(c.floor.cpu?.clientMsPerRequest)} |`,
            );
          }
        }
      }
      const profiled = size.queries.filter((q) => q.cypherProfile);
      if (profiled.length) {
        lines.push(
          '',
          'Database work per request (each Cypher statement run under PROFILE, same requests for both): db hits and Neo4j\'s own time (first to last record), medians.',
          '',
          '| query | API statements | API db hits | floor db hits | db hits ratio | API Neo4j ms | floor Neo4j ms | @neo4j/graphql statements | @neo4j/graphql db hits | @neo4j/graphql Neo4j ms |',
          '|---|---|---|---|---|---|---|---|---|---|',
        );
        for (const q of profiled) {
          const c = q.cypherProfile!;
          const o = c.neo4jGraphql;
          lines.push(
            `| ${q.name} | ${ms(c.api.statementsPerRequest.median)} | ${whole(c.api.dbHitsPerRequest.median)} | ${whole(c.floor.dbHitsPerRequest.median)} | ${x(c.api.dbHitsPerRequest.median / c.floor.dbHitsPerRequest.median)} | ${ms(c.api.neo4jMsPerRequest.median)} | ${ms(c.floor.neo4jMsPerRequest.median)} | ${o ? ms(o.statementsPerRequest.median) : '–'} | ${o ? whole(o.dbHitsPerRequest.median) : '–'} | ${o ? ms(o.neo4jMsPerRequest.median) : '–'} |`,
          );
        }
        for (const q of profiled) {
          const example = q.cypherProfile!.api.example;
          const profileErrors = q.cypherProfile!.errors;
          if (profileErrors.length) lines.push('', `${q.name}: errors while profiling: ${profileErrors.join('; ')}`);
          if (example.length === 0) continue;
          lines.push('', `${q.name}, one request's statements: ${example.map((s) => `\`${s.head.replace(/`/g, "'")}\` (${whole(s.dbHits)} db hits, ${s.rows} rows, ${ms(s.neo4jMs)} ms)`).join('; ')}`);
        }
      }
      for (const q of size.queries) {
        const p = q.profile;
        if (!p) continue;
        const busy = p.sampledMs - p.idleMs;
        lines.push(
          '',
          `#### Where the API server's time goes: ${q.name} at ${p.clients} clients (V8 CPU profile, ${p.seconds} s, ${whole(p.requestsPerSecond)} req/s under the profiler)`,
          '',
          `Sampled ${whole(p.sampledMs)} ms: busy ${whole(busy)} ms (${((busy / Math.max(1, p.sampledMs)) * 100).toFixed(0)}%), idle (waiting on Neo4j or the network) ${whole(p.idleMs)} ms.`,
          '',
          '| package | self ms | share of busy |',
          '|---|---|---|',
          ...p.byPackage.slice(0, 12).map((pkg) => `| ${pkg.name} | ${whole(pkg.ms)} | ${(pkg.share * 100).toFixed(1)}% |`),
          '',
          '| hottest functions (self time) | where | ms | share of busy |',
          '|---|---|---|---|',
          ...p.topFunctions.map((f) => `| ${f.name} | ${f.where} | ${whole(f.ms)} | ${(f.share * 100).toFixed(1)}% |`),
        );
      }
      for (const q of size.queries) {
        for (const mismatch of q.verification.mismatches) {
          lines.push('', `Mismatch on ${q.name} (${mismatch.system}) for ${JSON.stringify(mismatch.sample)}:`, `- ${mismatch.system}: ${mismatch.graphql.join(', ')}`, `- floor: ${mismatch.floor.join(', ')}`);
        }
      }
      lines.push('');
    }

    if (size.ingestion.length) {
      lines.push(
        '### Ingestion through the GraphQL mutation (extraction in the server)',
        '',
        '| mode | documents | per request | documents/s | nodes + relationships written | written/s | request latency ms | round trips per request median (max) | server RSS max MiB | errors |',
        '|---|---|---|---|---|---|---|---|---|---|',
      );
      for (const i of size.ingestion) {
        lines.push(
          `| ${i.mode} | ${i.documents}${i.stoppedByTimeBound ? ' (time bound reached)' : ''} | ${i.batchSize} | ${ms(i.documentsPerSecond)} | ${whole(i.written.nodes)} + ${whole(i.written.relationships)} | ${whole(i.writtenPerSecond)} | ${spread(i.latencyMs)} | ${ms(i.roundTrips.median)} (${ms(i.roundTrips.max)}) | ${whole(i.serverRssMiB)} | ${i.errors.length ? i.errors.join('; ').replace(/\|/g, '\\|') : 'none'} |`,
        );
      }
      lines.push('');
    }
  }
  return lines.join('\n');
}

/** Writes `<stamp>.json` and `<stamp>.md`, and `latest.*` beside them. */
export async function writeReport(report: BenchReport, directory: string, stamp: string): Promise<{ json: string; markdown: string }> {
  await mkdir(directory, { recursive: true });
  const json = JSON.stringify(report, null, 2);
  const markdown = toMarkdown(report);
  const paths = { json: join(directory, `${stamp}.json`), markdown: join(directory, `${stamp}.md`) };
  await writeFile(paths.json, json);
  await writeFile(paths.markdown, markdown);
  await writeFile(join(directory, 'latest.json'), json);
  await writeFile(join(directory, 'latest.md'), markdown);
  return paths;
}
