/**
 * `npm run graph:generate -- [--entities 10000] [--seed 1] [--prefix syn] [--clear]`: writes a
 * seeded, deterministic synthetic graph to Neo4j through the store's batched upserts
 * (src/store/graph-writes.ts, the writer ingestion uses, match keys included), to check that
 * reads stay fast on a graph of realistic size. Every id carries the prefix (`agency:syn-a000001`), so `--clear` removes
 * exactly the synthetic part. `generateSyntheticGraph` is exported for the benchmark.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/bootstrap.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { ID_PREFIX } from '../src/domain/ids.js';
import type { EntityType } from '../src/domain/entities.js';
import type { RelationType } from '../src/domain/relations.js';
import { createLogger } from '../src/logger.js';
import { preparedEntity } from '../src/ingestion/prepare-graph.js';
import type { GraphStore } from '../src/store/graph-store.js';
import { upsertEntities, upsertRelations, type PreparedEntity, type PreparedRelation } from '../src/store/graph-writes.js';
import { ENTITY_LABEL, ENTITY_LABELS } from '../src/store/model.js';
import { int } from '../src/store/values.js';

export interface SyntheticGraphOptions {
  /** Total entities; split 20% agencies, 30% tactics, 20% target groups, 5% laws, 25% events. */
  entities?: number;
  seed?: number;
  /** Goes into every id (`agency:<prefix>-a000001`); letters, digits and `-`. */
  prefix?: string;
  /** Rows per UNWIND statement. */
  batchSize?: number;
  onProgress?: (done: number, total: number, what: string) => void;
}

export interface SyntheticGraphSummary {
  prefix: string;
  counts: Record<EntityType, number>;
  relations: number;
  ms: number;
}

const SHARE: Record<EntityType, number> = { Agency: 0.2, Tactic: 0.3, TargetGroup: 0.2, Law: 0.05, Event: 0.25 };
const LETTER: Record<EntityType, string> = { Agency: 'a', Tactic: 't', TargetGroup: 'g', Law: 'l', Event: 'e' };

/** Out-degrees per source (the ontology's directions); the benchmark's depth-3 query walks USES, TARGETS, WARNS. */
const FAN_OUT: { type: RelationType; from: EntityType; to: EntityType; count: number }[] = [
  { type: 'USES', from: 'Agency', to: 'Tactic', count: 5 },
  { type: 'WARNS', from: 'Agency', to: 'TargetGroup', count: 3 },
  { type: 'ISSUED', from: 'Agency', to: 'Event', count: 2 },
  { type: 'ENFORCES', from: 'Agency', to: 'Law', count: 1 },
  { type: 'TARGETS', from: 'Tactic', to: 'TargetGroup', count: 2 },
];

/** The id of the `index`-th synthetic entity of a type (0-based), for callers that pick entities. */
export function syntheticId(type: EntityType, prefix: string, index: number): string {
  return `${ID_PREFIX[type]}:${prefix}-${LETTER[type]}${String(index + 1).padStart(6, '0')}`;
}

/** How many entities of each type a graph of `total` entities holds. */
export function syntheticCounts(total: number): Record<EntityType, number> {
  const counts = {} as Record<EntityType, number>;
  for (const type of ENTITY_LABELS) counts[type] = Math.max(1, Math.round(total * SHARE[type]));
  return counts;
}

/** mulberry32: small, fast, seeded; the same seed gives the same graph. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['northern', 'central', 'federal', 'maritime', 'cyber', 'foreign', 'internal', 'signals', 'border', 'economic'];
const NOUNS: Record<EntityType, string[]> = {
  Agency: ['Security Service', 'Intelligence Directorate', 'Ministry', 'Police', 'Prosecutor'],
  Tactic: ['approach', 'recruitment', 'phishing', 'cover company', 'fake profile'],
  TargetGroup: ['students', 'engineers', 'diplomats', 'researchers', 'journalists'],
  Law: ['Security Act', 'Espionage Law', 'Secrets Act', 'Data Law', 'Foreign Agents Act'],
  Event: ['warning', 'arrest', 'advisory', 'charge', 'conviction'],
};

function entityRow(type: EntityType, prefix: string, index: number, rand: () => number): PreparedEntity {
  const id = syntheticId(type, prefix, index);
  const word = WORDS[Math.floor(rand() * WORDS.length)]!;
  const noun = NOUNS[type][Math.floor(rand() * NOUNS[type].length)]!;
  const name = `${word[0]!.toUpperCase()}${word.slice(1)} ${noun} ${index + 1}`;
  const alias = `${noun} ${word} ${index + 1} (${prefix})`;
  const dated = type === 'Event' || type === 'Law';
  const year = 2015 + Math.floor(rand() * 11);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const date = dated ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : null;
  return preparedEntity({ id, type, name, date, datePrecision: dated ? 'DAY' : null }, [{ text: alias, language: 'en' }]);
}

/** `count` distinct indexes below `size`, seeded. */
function pickDistinct(size: number, count: number, rand: () => number): number[] {
  const picked = new Set<number>();
  const wanted = Math.min(count, size);
  while (picked.size < wanted) picked.add(Math.floor(rand() * size));
  return [...picked];
}

/**
 * Writes the synthetic graph, one write transaction per batch of entities or relations. The
 * upserts MERGE, so writing a prefix again adds its relations' support a second time: clear a
 * prefix before writing it again.
 */
export async function generateSyntheticGraph(
  store: GraphStore,
  options: SyntheticGraphOptions = {},
): Promise<SyntheticGraphSummary> {
  const started = performance.now();
  const prefix = options.prefix ?? 'syn';
  if (!/^[a-z0-9][a-z0-9-]*$/.test(prefix)) throw new Error(`prefix must be lower-case letters, digits and -, got ${prefix}`);
  const total = options.entities ?? 10_000;
  const batchSize = options.batchSize ?? 5_000;
  const rand = random(options.seed ?? 1);
  const counts = syntheticCounts(total);
  const progress = options.onProgress ?? (() => {});

  for (const type of ENTITY_LABELS) {
    for (let start = 0; start < counts[type]; start += batchSize) {
      const rows: PreparedEntity[] = [];
      for (let index = start; index < Math.min(start + batchSize, counts[type]); index += 1) {
        rows.push(entityRow(type, prefix, index, rand));
      }
      await store.write((tx) => upsertEntities(tx, rows));
      progress(start + rows.length, counts[type], `${type} entities`);
    }
  }

  const documents = Math.max(1, Math.round(total / 10));
  let relations = 0;
  for (const spec of FAN_OUT) {
    let rows: PreparedRelation[] = [];
    const flush = async () => {
      if (rows.length === 0) return;
      const batch = rows;
      rows = [];
      await store.write((tx) => upsertRelations(tx, batch));
      relations += batch.length;
    };
    for (let source = 0; source < counts[spec.from]; source += 1) {
      for (const target of pickDistinct(counts[spec.to], spec.count, rand)) {
        // One to three synthetic supporting documents (they exist only as ids), each with a sentence.
        const docIds = pickDistinct(documents, 1 + Math.floor(rand() * 3), rand).map(
          (doc) => `document:${prefix}-d${String(doc + 1).padStart(6, '0')}`,
        );
        const evidence = docIds.map((docId) => {
          const start = Math.floor(rand() * 2000);
          return `${docId}:${start}:${start + 40 + Math.floor(rand() * 160)}`;
        });
        rows.push({
          type: spec.type,
          source: syntheticId(spec.from, prefix, source),
          target: syntheticId(spec.to, prefix, target),
          docIds,
          evidence,
        });
      }
      if (rows.length >= batchSize) {
        await flush();
        progress(source + 1, counts[spec.from], `${spec.type} relations`);
      }
    }
    await flush();
    progress(counts[spec.from], counts[spec.from], `${spec.type} relations`);
  }
  return { prefix, counts, relations, ms: Math.round(performance.now() - started) };
}

/** Removes every entity (and its relations) of a synthetic prefix, in batches; returns how many. */
export async function clearSyntheticGraph(store: GraphStore, prefix: string, batchSize = 10_000): Promise<number> {
  let removed = 0;
  for (const type of ENTITY_LABELS) {
    const idPrefix = `${ID_PREFIX[type]}:${prefix}-`;
    for (;;) {
      const rows = await store.write((tx) =>
        tx.run(
          `MATCH (n:${ENTITY_LABEL}) WHERE n.id STARTS WITH $idPrefix
           WITH n LIMIT $batchSize
           DETACH DELETE n
           RETURN count(*) AS removed`,
          { idPrefix, batchSize: int(batchSize) },
        ),
      );
      const count = (rows[0]?.removed as number | undefined) ?? 0;
      removed += count;
      if (count === 0) break;
    }
  }
  return removed;
}

const HELP = `Usage: npm run graph:generate -- [--entities N] [--seed S] [--prefix P] [--clear]

Writes a deterministic synthetic graph to Neo4j (NEO4J_URI, or the built-in one), in the stored
layout: 20% agencies, 30% tactics, 20% target groups, 5% laws, 25% events; an agency uses 5
tactics, warns 3 groups, issued 2 events, enforces 1 law; a tactic targets 2 groups.

Options:
  -n, --entities N   total entities (default 10000)
  -s, --seed S       random seed (default 1)
  -p, --prefix P     id prefix, e.g. agency:P-a000001 (default syn)
      --clear        remove the prefix's entities first (alone with --entities 0: only remove)
  -h, --help         show this help`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      entities: { type: 'string', short: 'n', default: '10000' },
      seed: { type: 'string', short: 's', default: '1' },
      prefix: { type: 'string', short: 'p', default: 'syn' },
      clear: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const entities = Number(values.entities);
  const seed = Number(values.seed);
  if (!Number.isInteger(entities) || entities < 0 || entities > 10_000_000) {
    throw new ConfigError(`--entities: expected a whole number from 0 to 10000000, got ${values.entities}`);
  }
  if (!Number.isInteger(seed)) throw new ConfigError(`--seed: expected a whole number, got ${values.seed}`);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(values.prefix)) {
    throw new ConfigError(`--prefix: expected lower-case letters, digits and -, got ${values.prefix}`);
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config, logger);
  try {
    if (values.clear) {
      const removed = await clearSyntheticGraph(database.store, values.prefix);
      process.stderr.write(`removed ${removed} entities with prefix ${values.prefix}\n`);
    }
    if (entities > 0) {
      let last = '';
      const summary = await generateSyntheticGraph(database.store, {
        entities,
        seed,
        prefix: values.prefix,
        onProgress: (done, total, what) => {
          const line = `${what}: ${done}/${total}`;
          if (line !== last) process.stderr.write(`\r${line}          `);
          last = line;
        },
      });
      process.stderr.write('\n');
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    }
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`);
    process.exit(1);
  });
}
