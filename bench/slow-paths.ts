/**
 * `npx tsx bench/slow-paths.ts [--runs N]`: the reads issue #14 named as slow paths — entities
 * ordered by degree (first page, and the page after it) and a subgraph with no search or document
 * filter — and search pages from a cursor both ways, run through the store's own functions under PROFILE on the graph at NEO4J_URI (e.g.
 * one `npm run graph:generate -- --entities 100000` wrote). Prints, per read, the database hits
 * and the median of Neo4j's own time over the runs (after one warm-up run), as JSON.
 */
import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { connectGraphStore, GraphStore, type QueryCounter } from '../src/store/graph-store.js';
import { loadSubgraph } from '../src/store/graph-views.js';
import { listEntities, searchEntities } from '../src/store/search.js';
import { toPlain, type Row } from '../src/store/values.js';

function totalDbHits(plan: ProfiledPlan): number {
  return plan.dbHits + plan.children.reduce((sum, child) => sum + totalDbHits(child), 0);
}

/** A store whose reads run under PROFILE, keeping the last one's db hits and Neo4j time. */
class ProfilingStore extends GraphStore {
  last = { dbHits: 0, neo4jMs: 0 };

  override async read(cypher: string, params: Record<string, unknown> = {}, counter?: QueryCounter): Promise<Row[]> {
    if (counter) counter.queries += 1;
    const result = await this.driver.executeQuery(`PROFILE ${cypher}`, params, { database: this.database, routing: neo4j.routing.READ });
    const { profile, resultAvailableAfter, resultConsumedAfter } = result.summary;
    this.last = {
      dbHits: profile ? totalDbHits(profile) : Number.NaN,
      neo4jMs: Number(resultAvailableAfter) + Number(resultConsumedAfter),
    };
    return result.records.map((record) => toPlain(record.toObject()) as Row);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  const runs = Number(values.runs);
  const config = loadConfig(process.env);
  if (!config.neo4j) throw new Error('set NEO4J_URI to the generated graph');
  const connected = await connectGraphStore({ uri: config.neo4j.uri, username: config.neo4j.username, password: config.neo4j.password, database: config.neo4jDatabase, readTimeoutMs: 120_000, writeTimeoutMs: 120_000 });
  const store = new ProfilingStore(connected.driver, connected.options);
  const entities = (await store.read('MATCH (n:Entity) RETURN count(n) AS n'))[0]!.n;
  const search = { query: 'cyber', types: null };
  const firstPage = () => listEntities(store, {}, 'DEGREE', { from: null, backward: false, limit: 20 });
  const reads: Record<string, () => Promise<unknown>> = {
    'entities(orderBy: DEGREE, first: 20)': firstPage,
    'entities(orderBy: DEGREE, first: 20, after: page 1)': async () => {
      const { rows } = await listEntities(connected, {}, 'DEGREE', { from: null, backward: false, limit: 20 });
      return listEntities(store, {}, 'DEGREE', { from: rows.at(-1)!.key, backward: false, limit: 20 });
    },
    'entities(filter: {types: [AGENCY]}, orderBy: DEGREE, first: 20)': () =>
      listEntities(store, { types: ['Agency'] }, 'DEGREE', { from: null, backward: false, limit: 20 }),
    'subgraph(limit: 100), no filter': () => loadSubgraph(store, { filter: {}, limit: 100 }),
    // A search with many hits (a word of one generated name in ten), a page each way from a cursor.
    'search(query: "cyber", first: 20)': () => searchEntities(store, search, { from: null, backward: false, limit: 20 }),
    'search(query: "cyber", first: 20, after: page 1)': async () => {
      const { rows } = await searchEntities(connected, search, { from: null, backward: false, limit: 20 });
      return searchEntities(store, search, { from: rows.at(-1)!.key, backward: false, limit: 20 });
    },
    'search(query: "cyber", last: 20, before: page 2)': async () => {
      const { rows } = await searchEntities(connected, search, { from: null, backward: false, limit: 40 });
      return searchEntities(store, search, { from: rows.at(-1)!.key, backward: true, limit: 20 });
    },
  };
  const report: Record<string, unknown> = { entities };
  for (const [name, read] of Object.entries(reads)) {
    await read();
    const hits: number[] = [];
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      await read();
      hits.push(store.last.dbHits);
      times.push(store.last.neo4jMs);
    }
    report[name] = { dbHits: median(hits), neo4jMsMedian: median(times), neo4jMsAll: times };
  }
  console.log(JSON.stringify(report, null, 2));
  await connected.close();
}

await main();
