import { fileURLToPath } from 'node:url';
import type { Logger } from '../logger.js';
import type { GraphStore } from '../store/graph-store.js';
import { countDocuments } from '../store/documents.js';
import { listDocumentFiles, readDocumentFile } from './document-files.js';
import { ingestDocument, type IngestOptions } from './ingest-document.js';

export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** Loads every seed document; returns how many were new. */
export async function loadSeeds(store: GraphStore, options: IngestOptions, logger: Logger): Promise<number> {
  let created = 0;
  for (const file of await listDocumentFiles([SEEDS_DIR])) {
    const result = await ingestDocument(store, await readDocumentFile(file), options);
    if (result.created) created += 1;
    logger.debug({ file, id: result.document.id, created: result.created }, 'seed document');
  }
  return created;
}

/** Seeds only an empty database, so a user's own data is never touched. */
export async function seedIfEmpty(store: GraphStore, options: IngestOptions, logger: Logger): Promise<number> {
  if ((await countDocuments(store)) > 0) return 0;
  return loadSeeds(store, options, logger);
}
