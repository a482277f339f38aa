import { SingleBar, Presets } from 'cli-progress';
import { parseArgs } from 'node:util';
import { openDatabase } from '../bootstrap.js';
import { ConfigError, loadConfig } from '../config.js';
import { ruleBasedExtractor } from '../extraction/index.js';
import { forEachConcurrently } from '../ingestion/concurrency.js';
import { expectedError } from '../ingestion/expected-errors.js';
import { ExtractionPool } from '../ingestion/extraction-pool.js';
import { listDocumentFiles, readDocumentFile } from '../ingestion/document-files.js';
import { ingestDocument, type DocumentStatus } from '../ingestion/ingest-document.js';
import { createLogger } from '../logger.js';
import type { GraphStore } from '../store/graph-store.js';

const USAGE = `Usage: npm run ingest -- [--dry-run] [--concurrency N] FILE_OR_DIR...

Loads text documents (folders give their .txt files) into the graph: the same as the
ingestDocument mutation, one transaction per document. Files may start with a header of
"Title:", "Source:", "Language:", "Published:" lines and a blank line.
Connects to NEO4J_URI, or starts the built-in Neo4j when it is unset.
Prints a JSON summary on stdout; progress and logs go to stderr.

  --dry-run          extract and resolve, write nothing
  --concurrency N    documents in flight at once (default 2)
  -h, --help         this help
`;

interface GraphTotals {
  nodes: number;
  relationships: number;
}

/** Every node and relationship in the database (count store lookups, cheap at any size). */
async function countGraph(store: GraphStore): Promise<GraphTotals> {
  const [row] = await store.read(
    'CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return { nodes: (row?.nodes as number) ?? 0, relationships: (row?.relationships as number) ?? 0 };
}

interface FileFailure {
  file: string;
  code: string;
  message: string;
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
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
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) {
    process.stderr.write(`--concurrency must be a whole number from 1 to 32, got ${JSON.stringify(values.concurrency)}\n`);
    return 2;
  }
  if (positionals.length === 0) {
    process.stderr.write(`No files or folders given.\n${USAGE}`);
    return 2;
  }

  let files: string[];
  try {
    files = await listDocumentFiles(positionals);
  } catch (error) {
    process.stderr.write(`Cannot read ${positionals.join(', ')}: ${(error as Error).message}\n`);
    return 2;
  }

  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'ingest');
  const database = await openDatabase(config, logger);
  const extractor = new ExtractionPool({
    name: ruleBasedExtractor.name,
    version: ruleBasedExtractor.version,
    maxChars: config.maxDocumentChars,
  });

  const counts: Record<DocumentStatus, number> = { CREATED: 0, UNCHANGED: 0, REPLACED: 0 };
  const totals = { entitiesCreated: 0, entitiesMatched: 0, relationsCreated: 0, relationsMatched: 0 };
  const failures: FileFailure[] = [];
  const bar = new SingleBar(
    { format: 'ingest {bar} {value}/{total} documents | {eta_formatted} left | {file}', stream: process.stderr, hideCursor: true },
    Presets.shades_classic,
  );
  const graphBefore = await countGraph(database.store);
  const startedAt = performance.now();
  bar.start(files.length, 0, { file: '' });

  const ingestFile = async (file: string) => {
    try {
      const result = await ingestDocument(database.store, await readDocumentFile(file), {
        maxDocumentChars: config.maxDocumentChars,
        extractor,
        dryRun: values['dry-run'],
      });
      counts[result.status] += 1;
      for (const entity of result.entities) totals[entity.status === 'CREATED' ? 'entitiesCreated' : 'entitiesMatched'] += 1;
      for (const relation of result.relations) {
        totals[relation.status === 'CREATED' ? 'relationsCreated' : 'relationsMatched'] += 1;
      }
    } catch (error) {
      const expected = expectedError(error);
      if (expected) failures.push({ file, code: expected.code, message: expected.message });
      else failures.push({ file, code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) });
    }
    bar.increment(1, { file });
  };
  let seconds: number;
  let graphAfter: GraphTotals;
  try {
    await forEachConcurrently(files, concurrency, ingestFile);
    seconds = (performance.now() - startedAt) / 1000;
    graphAfter = await countGraph(database.store);
  } finally {
    bar.stop();
    await extractor.close();
    await database.close();
  }
  const added = graphAfter.nodes - graphBefore.nodes + (graphAfter.relationships - graphBefore.relationships);

  const summary = {
    files: files.length,
    dryRun: values['dry-run'],
    created: counts.CREATED,
    unchanged: counts.UNCHANGED,
    replaced: counts.REPLACED,
    failed: failures.length,
    ...totals,
    seconds: Math.round(seconds * 100) / 100,
    documentsPerSecond: seconds > 0 ? Math.round(((files.length - failures.length) / seconds) * 10) / 10 : null,
    graphBefore,
    graphAfter,
    nodesAndRelationshipsAddedPerSecond: seconds > 0 ? Math.round(added / seconds) : null,
    failures,
  };
  process.stderr.write(
    `${files.length} files: ${counts.CREATED} new, ${counts.UNCHANGED} unchanged, ${counts.REPLACED} replaced, ` +
      `${failures.length} failed in ${summary.seconds} s${values['dry-run'] ? ' (dry run: nothing written)' : ''}\n`,
  );
  for (const failure of failures) process.stderr.write(`  ${failure.file}: ${failure.code} ${failure.message}\n`);
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  return failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      error instanceof ConfigError ? `${error.message}\n` : `ingest failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
