import type { EntityType } from '../domain/entities.js';
import type { ExtractionResult, Extractor } from '../extraction/types.js';
import type { RelationType } from '../domain/relations.js';
import { findEntitiesByNames, lookupEntities } from '../store/entity-resolution.js';
import { mergeDocuments, updateDocumentVersion, writeGraph, type DocumentProps } from '../store/graph-writes.js';
import { collectUnsupported, lockMentionedEntities, stripDocumentSupport } from '../store/support-removal.js';
import { prepareGraph, redirectExtraction } from './prepare-graph.js';
import { loadDocuments, type DocumentRecord } from '../store/documents.js';
import type { GraphStore, QueryCounter, WriteTransaction } from '../store/graph-store.js';
import { documentLock, entityLock, nameLock, writeWithLocks, type WriteHooks, type WriteLocks } from '../store/write-locks.js';
import { combineExtractions, validateAnnotations, type AnnotationsInput } from './annotations.js';
import { validateDocumentInput, type DocumentInput } from '../domain/document.js';
import { matchKey } from '../domain/fold.js';
import { MAX_ALIASES, MAX_ID_CHARS, MAX_NAME_CHARS } from '../domain/name-limits.js';
import { isNewerExtractorVersion } from './versions.js';
import { countryOfName } from '../extraction/countries.js';

export interface IngestOptions {
  maxDocumentChars: number;
  /** The built-in (or any) extractor; without one only the annotations are written. */
  extractor?: Extractor;
  /** False: write the annotations only, without running the extractor. Default true. */
  useExtractor?: boolean;
  /** Compute the whole answer inside a transaction, then roll it back. */
  dryRun?: boolean;
  /** Test-only: lets a test hold the load where it takes its write locks. */
  hooks?: WriteHooks;
}

export interface IngestInput extends DocumentInput {
  annotations?: AnnotationsInput | null;
}

export type WriteStatus = 'CREATED' | 'MATCHED';
export type DocumentStatus = 'CREATED' | 'UNCHANGED' | 'REPLACED';

export interface IngestedEntity {
  id: string;
  type: EntityType;
  name: string;
  status: WriteStatus;
  /** Ids this document gave the entity that landed on it (a redirect, or a shared name). */
  resolvedFrom: string[];
}

export interface IngestedRelation {
  type: RelationType;
  source: string;
  target: string;
  status: WriteStatus;
}

export interface IngestResult {
  document: DocumentRecord;
  /** True when the document was new. */
  created: boolean;
  status: DocumentStatus;
  dryRun: boolean;
  entities: IngestedEntity[];
  relations: IngestedRelation[];
  warnings: string[];
}

/** Thrown inside the transaction of a dry run so that it rolls back; carries the answer out. */
class DryRunRollback extends Error {
  constructor(readonly result: IngestResult) {
    super('dry run: rolled back');
  }
}

const ANNOTATIONS_VERSION = 'annotations';

/**
 * Loads one document: validates it, runs the extractor (outside the transaction, since it is
 * CPU work), then in ONE write transaction writes the document, resolves its entities against
 * the graph (redirects, ids, shared names) and writes entities, mentions and relations with a
 * bounded number of batched statements. The same text with the same extractor version changes
 * nothing; with a newer version the document's part is replaced.
 */
export async function ingestDocument(
  store: GraphStore,
  input: IngestInput,
  options: IngestOptions,
  counter?: QueryCounter,
): Promise<IngestResult> {
  const doc = validateDocumentInput(input, options.maxDocumentChars);
  const annotations = input.annotations ? validateAnnotations(input.annotations, input.text, doc.text) : null;
  const extractor = options.useExtractor === false ? undefined : options.extractor;
  const version = versionOf(extractor, annotations !== null);
  const dryRun = options.dryRun ?? false;

  // A replay is the common case of a second load: answer it without extracting anything.
  const [existing] = await loadDocuments(store, [doc.id], counter);
  if (existing && !isNewerExtractorVersion(version, existing.extractorVersion)) return unchanged(existing, dryRun);

  let extraction: ExtractionResult = { language: doc.language ?? 'und', entities: [], relations: [] };
  if (extractor) {
    extraction = await extractor.extract({
      text: doc.text,
      language: doc.language ?? undefined,
      publishedAt: doc.publishedAt ?? undefined,
    });
  }
  if (annotations) extraction = combineExtractions(extraction, annotations);
  const warnings = [...(extraction.warnings ?? [])];
  extraction = dropOversizedNames(extraction, warnings);
  extraction = dropDanglingRelations(extraction, warnings);

  const language = doc.language ?? (extraction.language && extraction.language !== 'und' ? extraction.language : null);
  const props: DocumentProps = {
    ...doc,
    language,
    contentHash: doc.id.slice('document:'.length),
    charCount: doc.text.length,
    extractorVersion: version,
  };

  const work = async (tx: WriteTransaction, locks: WriteLocks): Promise<IngestResult> => {
    // Locks before any read they guard: this document, every id and every name it brings (a
    // concurrent load introducing the same new entity under a shared name waits here, then
    // finds it).
    await locks.lock([documentLock(doc.id), ...extraction.entities.map((entity) => entityLock(entity.id)), ...nameLocks(extraction)]);
    const [merged] = await mergeDocuments(tx, [props]);
    if (!merged) throw new Error(`document ${doc.id} was not written`);
    let status: DocumentStatus = 'CREATED';
    let touched: string[] = [];
    if (!merged.created) {
      // Another load of the same text may have committed since the check above.
      if (!isNewerExtractorVersion(version, merged.record.extractorVersion)) return unchanged(merged.record, dryRun);
      status = 'REPLACED';
      await lockMentionedEntities(tx, locks, doc.id);
      touched = (await stripDocumentSupport(tx, doc.id)).entityIds;
    }
    // Where each entity lands (a redirect's target, an entity sharing a name) is known only
    // after reading: lock those too and read again, until nothing new turns up.
    let targets: Map<string, string>;
    let resolveWarnings: string[];
    do {
      resolveWarnings = [];
      targets = await resolveEntities(tx, extraction, resolveWarnings);
    } while (await locks.lock([...targets.values()].map(entityLock)));
    const resolved = redirectExtraction(extraction, targets);
    const written = await writeGraph(tx, prepareGraph([{ document: props, extraction: resolved }]));
    let record = merged.record;
    if (status === 'REPLACED') {
      record = (await updateDocumentVersion(tx, doc.id, version, language)) ?? record;
      await collectUnsupported(tx, touched);
    }
    const resolvedFrom = new Map<string, string[]>();
    for (const [from, to] of targets) {
      if (from !== to) resolvedFrom.set(to, [...(resolvedFrom.get(to) ?? []), from]);
    }
    return {
      document: record,
      created: status === 'CREATED',
      status,
      dryRun,
      entities: written.entities.map((entity) => ({
        id: entity.id,
        type: entity.type,
        name: entity.name,
        status: entity.created ? 'CREATED' : 'MATCHED',
        resolvedFrom: resolvedFrom.get(entity.id) ?? [],
      })),
      relations: written.relations.map((relation) => ({
        type: relation.type,
        source: relation.source,
        target: relation.target,
        status: relation.created ? 'CREATED' : 'MATCHED',
      })),
      warnings: [
        ...warnings,
        ...resolveWarnings,
        ...written.misfitRelations.map(
          (relation) =>
            `relation ${relation.type} ${relation.source} -> ${relation.target} not stored: the ontology does not join these entity types`,
        ),
      ],
    };
  };

  const lockOptions = { counter, hooks: options.hooks };
  if (!dryRun) return writeWithLocks(store, 'ingestDocument', work, lockOptions);
  try {
    await writeWithLocks(
      store,
      'ingestDocument',
      async (tx, locks) => {
        throw new DryRunRollback(await work(tx, locks));
      },
      lockOptions,
    );
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result;
    throw error;
  }
  throw new Error('dry run did not roll back');
}

function versionOf(extractor: Extractor | undefined, annotated: boolean): string {
  if (!extractor) return ANNOTATIONS_VERSION;
  return annotated ? `${extractor.version}+${ANNOTATIONS_VERSION}` : extractor.version;
}

function unchanged(document: DocumentRecord, dryRun: boolean): IngestResult {
  return {
    document,
    created: false,
    status: 'UNCHANGED',
    dryRun,
    entities: [],
    relations: [],
    warnings: [
      `this text was loaded before (${document.id}, extractor ${document.extractorVersion ?? 'none'}): nothing changed`,
    ],
  };
}

/** The names that can match an entity of another document: not events', not generic ones'. */
function nameLocks(extraction: ExtractionResult): string[] {
  return extraction.entities
    .filter((entity) => entity.type !== 'Event' && !entity.generic)
    .flatMap((entity) => [entity.name, ...entity.aliases].map((name) => nameLock(entity.type, name)));
}

/**
 * Annotations are checked strictly (name-limits.ts); an extractor's entity with a name too long
 * to index is dropped with a warning, and aliases past the limit are left out.
 */
function dropOversizedNames(extraction: ExtractionResult, warnings: string[]): ExtractionResult {
  const entities = [];
  for (const entity of extraction.entities) {
    if (entity.name.length > MAX_NAME_CHARS || entity.id.length > MAX_ID_CHARS) {
      warnings.push(`dropped ${entity.type} ${entity.id.slice(0, 80)}…: its name is over ${MAX_NAME_CHARS} characters`);
      continue;
    }
    const aliases = entity.aliases.filter((alias) => alias.length <= MAX_NAME_CHARS).slice(0, MAX_ALIASES);
    entities.push(aliases.length === entity.aliases.length ? entity : { ...entity, aliases });
  }
  return entities.length === extraction.entities.length ? extraction : { ...extraction, entities };
}

/** The extractor's relations must join its own entities; any other is dropped with a warning. */
function dropDanglingRelations(extraction: ExtractionResult, warnings: string[]): ExtractionResult {
  const ids = new Set(extraction.entities.map((entity) => entity.id));
  const relations = extraction.relations.filter((relation) => {
    const keep = ids.has(relation.source) && ids.has(relation.target) && relation.source !== relation.target;
    if (!keep) warnings.push(`dropped ${relation.type} ${relation.source} -> ${relation.target}: not between two entities of this document`);
    return keep;
  });
  return { ...extraction, relations };
}

/**
 * Where each extracted entity lands: a redirect's target, the node with its id, or else the one
 * existing node of its type that shares one of its names (any language, alias, acronym) and
 * does not belong to another country (the extractor keeps two countries' bodies apart).
 * Events are matched by id only: their ids already encode kind, actor and date, and a shared
 * generic name ("warning") must not join two events.
 */
async function resolveEntities(
  tx: WriteTransaction,
  extraction: ExtractionResult,
  warnings: string[],
): Promise<Map<string, string>> {
  const lookups = await lookupEntities(
    tx,
    extraction.entities.map((entity) => entity.id),
  );
  const targets = new Map<string, string>();
  const candidates = [];
  for (const entity of extraction.entities) {
    const lookup = lookups.get(entity.id) ?? { target: entity.id, exists: false };
    targets.set(entity.id, lookup.target);
    if (!lookup.exists && entity.type !== 'Event' && !entity.generic) {
      const keys = [...new Set([entity.name, ...entity.aliases].map(matchKey).filter((key) => key.length > 0))];
      candidates.push({ id: entity.id, type: entity.type, keys, country: countryOfName(entity.name)?.name ?? null });
    }
  }
  const matches = await findEntitiesByNames(tx, candidates, (name) => countryOfName(name)?.name ?? null);
  for (const [id, found] of matches) {
    if (found.length === 1) {
      targets.set(id, found[0]!);
    } else if (found.length > 1) {
      warnings.push(`${id} shares a name with several entities (${found.join(', ')}); kept apart`);
    }
  }
  return targets;
}
