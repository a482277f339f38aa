/**
 * npm run ingest -- [--endpoint URL [--key K]] [--dry-run] [--concurrency N] FILE_OR_DIR|-...
 *
 * Loads documents either straight into Neo4j (NEO4J_URI, or the built-in one) or, with
 * --endpoint, through a running server's ingestDocuments mutation. Progress on stderr, a JSON
 * summary on stdout; exit 0 when every document loaded, 1 when some failed, 2 on bad arguments.
 */
import { SingleBar, Presets } from 'cli-progress';
import { parseArgs } from 'node:util';
import { openDatabase } from '../bootstrap.js';
import { ConfigError, loadConfig } from '../config.js';
import { loadEnvFile } from '../env-file.js';
import { AppError } from '../errors.js';
import type { DocumentInput } from '../domain/document.js';
import { ruleBasedExtractor } from '../extraction/index.js';
import { expectedError } from '../ingestion/expected-errors.js';
import { runBatch } from '../ingestion/ingest-batch.js';
import { ExtractionPool } from '../ingestion/extraction-pool.js';
import { listDocumentFiles, parseDocumentFile } from '../ingestion/document-files.js';
import { ingestDocument, type DocumentStatus } from '../ingestion/ingest-document.js';
import { createLogger } from '../logger.js';
import { languageEnumValue } from '../schema/language.js';
import type { GraphStore } from '../store/graph-store.js';
import { callGraphQL, EndpointError, graphqlUrl } from './graphql-client.js';
import { describeInput, InputError, readTextInput, STDIN } from './read-input.js';

const USAGE = `Usage: npm run ingest -- [options] FILE_OR_DIR...

Loads text documents (folders give their .txt files, "-" reads one document from standard
input) into the graph: the same as the ingestDocument mutation, one transaction per document.
Files may start with a header of "Title:", "Source:", "Language:", "Published:" lines and a
blank line (the same header \`npm run extract\` reads).

Without --endpoint, connects to NEO4J_URI, or starts the built-in Neo4j when it is unset (so
not while \`npm start\` runs: use --endpoint then). With --endpoint, sends the documents to a
running dossier server's ingestDocuments mutation, --batch documents per call.
Prints a JSON summary on stdout; progress and logs go to stderr. Exit code: 0 when every
document loaded, 1 when some failed (each is listed), 2 on bad arguments.

  --endpoint URL     a running server, e.g. http://localhost:4000/graphql
  --key KEY          its API key (default: the API_KEY variable, also read from .env)
  --batch N          documents per ingestDocuments call with --endpoint (1 to 100, default 10)
  --dry-run          extract and resolve, write nothing
  --concurrency N    documents (with --endpoint: calls) in flight at once (default 2)
  -h, --help         this help
`;

/** What one document's load came to: its status and write counts, or why it failed. */
type Outcome =
  | { ok: true; status: DocumentStatus; entitiesCreated: number; entitiesMatched: number; relationsCreated: number; relationsMatched: number }
  | { ok: false; code: string; message: string };

/** Where documents go: Neo4j directly, or a running server. */
interface Sink {
  batchSize: number;
  load(documents: DocumentInput[], dryRun: boolean): Promise<Outcome[]>;
  /** Graph counts before and after, for the summary. */
  totals(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

function failure(error: unknown): Outcome {
  if (error instanceof InputError) return { ok: false, code: 'BAD_USER_INPUT', message: error.message };
  const known = expectedError(error);
  if (known) return { ok: false, code: known.code, message: known.message };
  return { ok: false, code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

function countStatuses(items: readonly { status: string }[]): { created: number; matched: number } {
  const created = items.filter((item) => item.status === 'CREATED').length;
  return { created, matched: items.length - created };
}

/** Every node and relationship in the database (count store lookups, cheap at any size). */
async function countGraph(store: GraphStore): Promise<Record<string, number>> {
  const [row] = await store.read(
    'CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return { nodes: (row?.nodes as number) ?? 0, relationships: (row?.relationships as number) ?? 0 };
}

async function databaseSink(): Promise<Sink> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'ingest');
  const database = await openDatabase(config, logger);
  const extractor = new ExtractionPool({
    name: ruleBasedExtractor.name,
    version: ruleBasedExtractor.version,
    maxChars: config.maxDocumentChars,
  });
  return {
    batchSize: 1,
    load: async (documents, dryRun) =>
      Promise.all(
        documents.map(async (document): Promise<Outcome> => {
          try {
            const result = await ingestDocument(database.store, document, { maxDocumentChars: config.maxDocumentChars, extractor, dryRun });
            const entities = countStatuses(result.entities);
            const relations = countStatuses(result.relations);
            return {
              ok: true,
              status: result.status,
              entitiesCreated: entities.created,
              entitiesMatched: entities.matched,
              relationsCreated: relations.created,
              relationsMatched: relations.matched,
            };
          } catch (error) {
            return failure(error);
          }
        }),
      ),
    totals: () => countGraph(database.store),
    close: async () => {
      await extractor.close();
      await database.close();
    },
  };
}

const INGEST_MUTATION = /* GraphQL */ `
  mutation IngestFromCli($inputs: [IngestDocumentInput!]!, $dryRun: Boolean) {
    ingestDocuments(inputs: $inputs, dryRun: $dryRun) {
      index
      result { status entities { status } relations { status } }
      error { code message }
    }
  }
`;
const STATS_QUERY = 'query StatsFromCli { stats { documents entities relations } }';

interface IngestItem {
  index: number;
  result: { status: DocumentStatus; entities: { status: string }[]; relations: { status: string }[] } | null;
  error: { code: string; message: string } | null;
}

function endpointSink(endpoint: string, apiKey: string | undefined, batchSize: number): Sink {
  const url = graphqlUrl(endpoint);
  const refused = (code: string, message: string): never => {
    const hint = code === 'UNAUTHENTICATED' ? ' (pass --key, or set API_KEY)' : '';
    throw new EndpointError(`${url.href} refused the call: ${code} ${message}${hint}`);
  };
  return {
    batchSize,
    load: async (documents, dryRun) => {
      const inputs = documents.map((document) => ({
        text: document.text,
        title: document.title ?? null,
        sourceUrl: document.sourceUrl ?? null,
        // The API's Language enum (`EN`); a language the extractor does not read is left to detection.
        language: languageEnumValue(document.language),
        publishedAt: document.publishedAt ?? null,
      }));
      const answer = await callGraphQL<{ ingestDocuments: IngestItem[] }>(url, INGEST_MUTATION, { inputs, dryRun }, apiKey);
      const first = answer.errors[0];
      if (!answer.data?.ingestDocuments) {
        // A refusal of the whole call (no key, wrong key) stops the load; other failures of the
        // call (database unavailable, a document too large for the request) fail its documents.
        if (!first) return refused('INTERNAL', `HTTP ${answer.status} without data`);
        if (first.code === 'UNAUTHENTICATED') return refused(first.code, first.message);
        return documents.map((): Outcome => ({ ok: false, code: first.code, message: first.message }));
      }
      return answer.data.ingestDocuments.map((item): Outcome => {
        if (!item.result) return { ok: false, code: item.error?.code ?? 'INTERNAL', message: item.error?.message ?? 'no result' };
        const entities = countStatuses(item.result.entities);
        const relations = countStatuses(item.result.relations);
        return {
          ok: true,
          status: item.result.status,
          entitiesCreated: entities.created,
          entitiesMatched: entities.matched,
          relationsCreated: relations.created,
          relationsMatched: relations.matched,
        };
      });
    },
    totals: async () => {
      const answer = await callGraphQL<{ stats: Record<string, number> }>(url, STATS_QUERY, {}, apiKey);
      if (!answer.data?.stats) return refused(answer.errors[0]?.code ?? 'INTERNAL', answer.errors[0]?.message ?? `HTTP ${answer.status}`);
      return answer.data.stats;
    },
    close: async () => {},
  };
}

function wholeNumber(raw: string, name: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(`--${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

async function readDocument(file: string): Promise<DocumentInput> {
  return parseDocumentFile(await readTextInput(file));
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        endpoint: { type: 'string' },
        key: { type: 'string' },
        batch: { type: 'string', default: '10' },
        'dry-run': { type: 'boolean', default: false },
        concurrency: { type: 'string', default: '2' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  let concurrency: number;
  let batchSize: number;
  try {
    concurrency = wholeNumber(values.concurrency, 'concurrency', 1, 32);
    batchSize = wholeNumber(values.batch, 'batch', 1, 100);
    if (values.endpoint !== undefined) graphqlUrl(values.endpoint);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  if (positionals.length === 0) {
    process.stderr.write(`No files or folders given.\n${USAGE}`);
    return 2;
  }
  if (positionals.filter((path) => path === STDIN).length > 1) {
    process.stderr.write('"-" (standard input) may be given once.\n');
    return 2;
  }

  let files: string[];
  try {
    files = (
      await Promise.all(positionals.map((path) => (path === STDIN ? [STDIN] : listDocumentFiles([path]))))
    ).flat();
  } catch (error) {
    process.stderr.write(`Cannot read ${positionals.join(', ')}: ${(error as Error).message}\n`);
    return 2;
  }

  loadEnvFile();
  const sink = values.endpoint ? endpointSink(values.endpoint, values.key ?? process.env.API_KEY, batchSize) : await databaseSink();

  const counts: Record<DocumentStatus, number> = { CREATED: 0, UNCHANGED: 0, REPLACED: 0 };
  const totals = { entitiesCreated: 0, entitiesMatched: 0, relationsCreated: 0, relationsMatched: 0 };
  const failures: { file: string; code: string; message: string }[] = [];
  const bar = new SingleBar(
    { format: 'ingest {bar} {value}/{total} documents | {eta_formatted} left | {file}', stream: process.stderr, hideCursor: true },
    Presets.shades_classic,
  );

  let seconds: number;
  let graphBefore: Record<string, number>;
  let graphAfter: Record<string, number> | null = null;
  const batches: string[][] = [];
  for (let start = 0; start < files.length; start += sink.batchSize) batches.push(files.slice(start, start + sink.batchSize));
  let notAttempted: string[] = [];
  let stoppedAt: string | null = null;
  try {
    graphBefore = await sink.totals();
    const startedAt = performance.now();
    bar.start(files.length, 0, { file: '' });
    const loadBatch = async (batch: string[]) => {
      // Unreadable files fail on their own; the readable rest of the batch still goes.
      const read = await Promise.all(batch.map((file) => readDocument(file).then((document) => ({ file, document }), (error: unknown) => ({ file, error }))));
      const readable = read.flatMap((entry) => ('document' in entry ? [entry] : []));
      for (const entry of read) {
        if ('error' in entry) failures.push({ file: describeInput(entry.file), ...(failure(entry.error) as { code: string; message: string }) });
      }
      const outcomes = readable.length > 0 ? await sink.load(readable.map((entry) => entry.document), values['dry-run']) : [];
      let unavailable: string | null = null;
      outcomes.forEach((outcome, index) => {
        const file = describeInput(readable[index]!.file);
        if (!outcome.ok) {
          failures.push({ file, code: outcome.code, message: outcome.message });
          if (outcome.code === 'DATABASE_UNAVAILABLE') unavailable ??= file;
          return;
        }
        counts[outcome.status] += 1;
        totals.entitiesCreated += outcome.entitiesCreated;
        totals.entitiesMatched += outcome.entitiesMatched;
        totals.relationsCreated += outcome.relationsCreated;
        totals.relationsMatched += outcome.relationsMatched;
      });
      bar.increment(batch.length, { file: describeInput(batch[batch.length - 1]!) });
      // The first DATABASE_UNAVAILABLE stops the run (ingest-batch.ts): later batches would each
      // wait the driver's retry time for the same answer.
      if (unavailable !== null) throw new AppError('DATABASE_UNAVAILABLE', `the database became unavailable at ${unavailable}`);
    };
    const outcome = await runBatch(batches, loadBatch, concurrency);
    seconds = (performance.now() - startedAt) / 1000;
    notAttempted = outcome.notAttempted.flatMap((index) => batches[index]!.map(describeInput));
    if (outcome.stoppedAt === null) graphAfter = await sink.totals();
    else stoppedAt = describeInput(batches[outcome.stoppedAt]![0]!);
  } finally {
    bar.stop();
    await sink.close();
  }
  const added = graphAfter
    ? Object.keys(graphAfter).reduce((sum, key) => sum + (graphAfter![key] ?? 0) - (graphBefore[key] ?? 0), 0)
    : null;
  const loaded = counts.CREATED + counts.UNCHANGED + counts.REPLACED;

  const summary = {
    files: files.length,
    ...(values.endpoint ? { endpoint: graphqlUrl(values.endpoint).href } : {}),
    dryRun: values['dry-run'],
    created: counts.CREATED,
    unchanged: counts.UNCHANGED,
    replaced: counts.REPLACED,
    failed: failures.length,
    ...totals,
    seconds: Math.round(seconds * 100) / 100,
    documentsPerSecond: seconds > 0 ? Math.round((loaded / seconds) * 10) / 10 : null,
    // Directly: every node and relationship; through --endpoint: the server's stats.
    graphBefore,
    graphAfter,
    addedPerSecond: seconds > 0 && added !== null ? Math.round(added / seconds) : null,
    failures,
    /** The batch whose DATABASE_UNAVAILABLE stopped the run (null when it ran to the end). */
    stoppedAt,
    notAttempted,
  };
  process.stderr.write(
    `${files.length} files: ${counts.CREATED} new, ${counts.UNCHANGED} unchanged, ${counts.REPLACED} replaced, ` +
      `${failures.length} failed in ${summary.seconds} s${values['dry-run'] ? ' (dry run: nothing written)' : ''}\n`,
  );
  for (const entry of failures) process.stderr.write(`  ${entry.file}: ${entry.code} ${entry.message}\n`);
  if (stoppedAt !== null) {
    process.stderr.write(
      `Stopped: the database became unavailable at ${stoppedAt}. ${loaded} files were loaded; ` +
        `${notAttempted.length} were not attempted (listed in "notAttempted"): run the command again once it is back.\n`,
    );
  }
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  return failures.length > 0 || notAttempted.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof EndpointError;
    process.stderr.write(known ? `ingest: ${(error as Error).message}\n` : `ingest failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
