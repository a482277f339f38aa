import { badInput, notFound } from '../errors.js';
import type { EntityType } from '../domain/entities.js';
import { matchKey } from '../domain/fold.js';
import { isRelationType, type RelationType } from '../domain/relations.js';
import { checkAliases, checkName } from '../domain/name-limits.js';
import { findEntitiesByNames, lockResolvedEntities } from './entity-resolution.js';
import { collectUnsupported, lockMentionedEntities, stripDocumentSupport } from './support-removal.js';
import type { GraphStore, QueryCounter, WriteTransaction } from './graph-store.js';
import { refreshDegrees, writeRedirects } from './graph-writes.js';
import { DOCUMENT_LABEL, ENTITY_LABEL, MENTIONS, RELATIONSHIP_TYPES } from './model.js';
import { documentLock, nameLock, writeWithLocks, type WriteHooks, type WriteLocks } from './write-locks.js';

/**
 * Hand corrections to the graph. Each runs in one write transaction: all of it or nothing. Each
 * takes its write locks (write-locks.ts) before reading what they guard, so a load, a delete, a
 * merge and an update that touch the same entities run one after the other.
 */

export interface EntitySummary {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  aliasLanguages: string[];
  nameCurated: boolean;
  aliasesCurated: boolean;
}

const SUMMARY = `n { .id, .type, .name, aliases: coalesce(n.aliases, []), aliasLanguages: coalesce(n.aliasLanguages, []),
  nameCurated: coalesce(n.nameCurated, false), aliasesCurated: coalesce(n.aliasesCurated, false) }`;

export interface DeleteDocumentResult {
  documentId: string;
  deletedEntityIds: string[];
  updatedRelations: number;
  deletedRelations: number;
}

/**
 * Removes a document, its mentions, its support on every relationship, then every relationship
 * and entity that no remaining document supports.
 */
export async function deleteDocument(
  store: GraphStore,
  id: string,
  counter?: QueryCounter,
  hooks?: WriteHooks,
): Promise<DeleteDocumentResult> {
  return writeWithLocks(store, 'deleteDocument', async (tx, locks) => {
    await locks.lock([documentLock(id)]);
    const found = await tx.run(`MATCH (d:${DOCUMENT_LABEL} {id: $id}) RETURN d.id AS id`, { id });
    if (found.length === 0) throw notFound('Document', id);
    // The entities it mentions may be deleted below: no load may add support to them meanwhile.
    await lockMentionedEntities(tx, locks, id);
    const stripped = await stripDocumentSupport(tx, id);
    await tx.run(`MATCH (d:${DOCUMENT_LABEL} {id: $id}) DETACH DELETE d`, { id });
    const collected = await collectUnsupported(tx, stripped.entityIds);
    return {
      documentId: id,
      deletedEntityIds: collected.deletedEntityIds.sort(),
      updatedRelations: stripped.relationsUpdated,
      deletedRelations: collected.deletedRelations,
    };
  }, { counter, hooks });
}

/** An entity as curation reads it before writing: its summary, and what name matching looks at. */
interface CuratedEntity extends EntitySummary {
  generic: boolean;
  matchKeys: string[];
}

/** Reads an entity by its (already resolved and locked) id. */
async function readEntity(tx: WriteTransaction, id: string): Promise<CuratedEntity | null> {
  const rows = await tx.run(
    `MATCH (n:${ENTITY_LABEL} {id: $id})
     RETURN ${SUMMARY} AS entity, coalesce(n.generic, false) AS generic, coalesce(n.matchKeys, []) AS matchKeys`,
    { id },
  );
  const row = rows[0];
  if (!row) return null;
  return { ...(row.entity as EntitySummary), generic: row.generic === true, matchKeys: row.matchKeys as string[] };
}

export interface MergeEntitiesResult {
  survivor: EntitySummary;
  mergedId: string;
  movedMentions: number;
  movedRelations: number;
}

function edgeStatement(type: RelationType): string {
  if (!isRelationType(type)) throw new Error(`not a relation type: ${String(type)}`);
  return `MATCH (into:${ENTITY_LABEL} {id: $into})
     UNWIND $edges AS e
     MATCH (other:${ENTITY_LABEL} {id: e.other})
     WITH e, CASE WHEN e.outgoing THEN into ELSE other END AS a, CASE WHEN e.outgoing THEN other ELSE into END AS b
     MERGE (a)-[r:${type}]->(b)
     ON CREATE SET r.docIds = [], r.evidence = []
     SET r.docIds = r.docIds + [x IN e.docIds WHERE NOT x IN r.docIds],
       r.evidence = r.evidence + [x IN e.evidence WHERE NOT x IN r.evidence]
     SET r.weight = size(r.docIds)
     RETURN count(r) AS moved`;
}

const EDGE_STATEMENTS = new Map(RELATIONSHIP_TYPES.map((type) => [type, edgeStatement(type)]));

/**
 * Merges a duplicate (`from`) into `into`: names and aliases, mentions and relationships move
 * over (support adds up where both had the same edge), then `from` becomes a Redirect to
 * `into`, and redirects that pointed to `from` point to `into`.
 */
export async function mergeEntities(
  store: GraphStore,
  intoId: string,
  fromId: string,
  counter?: QueryCounter,
  hooks?: WriteHooks,
): Promise<MergeEntitiesResult> {
  return writeWithLocks(store, 'mergeEntities', async (tx, locks) => {
    const targets = await lockResolvedEntities(tx, locks, [intoId, fromId]);
    const into = await readEntity(tx, targets.get(intoId)!);
    if (!into) throw notFound('Entity', intoId);
    const from = await readEntity(tx, targets.get(fromId)!);
    if (!from) throw notFound('Entity', fromId);
    if (from.id === into.id) throw badInput(`${fromId} and ${intoId} are already the same entity (${into.id})`);
    if (from.type !== into.type) {
      throw badInput(`cannot merge ${from.type} ${from.id} into ${into.type} ${into.id}: types differ`, { field: 'from' });
    }

    const mentionRows = await tx.run(
      `MATCH (from:${ENTITY_LABEL} {id: $from}), (into:${ENTITY_LABEL} {id: $into})
       MATCH (d:${DOCUMENT_LABEL})-[m:${MENTIONS}]->(from)
       MERGE (d)-[kept:${MENTIONS}]->(into)
       SET kept.spans = coalesce(kept.spans, []) + [s IN coalesce(m.spans, []) WHERE NOT s IN coalesce(kept.spans, [])]
       DELETE m
       RETURN count(*) AS moved`,
      { from: from.id, into: into.id },
    );

    const edges = await tx.run(
      `MATCH (from:${ENTITY_LABEL} {id: $from})-[r]-(other:${ENTITY_LABEL})
       RETURN type(r) AS type, startNode(r) = from AS outgoing, other.id AS other,
         coalesce(r.docIds, []) AS docIds, coalesce(r.evidence, []) AS evidence`,
      { from: from.id },
    );
    const byType = new Map<RelationType, Record<string, unknown>[]>();
    for (const edge of edges) {
      const type = edge.type as string;
      // An edge between the two becomes a loop on the survivor: dropped.
      if (!isRelationType(type) || edge.other === into.id) continue;
      byType.set(type, [...(byType.get(type) ?? []), edge]);
    }
    let movedRelations = 0;
    for (const [type, list] of byType) {
      const rows = await tx.run(EDGE_STATEMENTS.get(type)!, { into: into.id, edges: list });
      movedRelations += (rows[0]?.moved as number | undefined) ?? 0;
    }

    const keys = new Set([into.name, ...into.aliases].map(matchKey));
    const aliases = [...into.aliases];
    const languages = [...into.aliasLanguages];
    const candidates = [
      ...from.aliases.map((alias, i) => ({ alias, language: from.aliasLanguages[i] ?? 'und' })),
      { alias: from.name, language: 'en' },
    ];
    for (const { alias, language } of candidates) {
      const key = matchKey(alias);
      if (key.length === 0 || keys.has(key)) continue;
      keys.add(key);
      aliases.push(alias);
      languages.push(language);
    }
    const survivorRows = await tx.run(
      `MATCH (from:${ENTITY_LABEL} {id: $from}), (n:${ENTITY_LABEL} {id: $into})
       SET n.aliases = $aliases, n.aliasLanguages = $languages, n.matchKeys = $keys,
         n.mentionCount = coalesce(n.mentionCount, 0) + coalesce(from.mentionCount, 0),
         n.datePrecision = CASE WHEN n.date IS NULL THEN from.datePrecision ELSE n.datePrecision END,
         n.date = coalesce(n.date, from.date)
       SET n.searchText = reduce(text = n.name, alias IN n.aliases | text + ' | ' + alias)
       DETACH DELETE from
       RETURN ${SUMMARY} AS entity`,
      { from: from.id, into: into.id, aliases, languages, keys: [...keys] },
    );
    // Moved edges may have joined the survivor's own (or become loops): recount both ends.
    await refreshDegrees(tx, [into.id, ...edges.map((edge) => edge.other as string)]);
    await writeRedirects(tx, [{ from: from.id, into: into.id }]);
    return {
      survivor: survivorRows[0]!.entity as EntitySummary,
      mergedId: from.id,
      movedMentions: (mentionRows[0]?.moved as number | undefined) ?? 0,
      movedRelations,
    };
  }, { counter, hooks });
}

/**
 * Names an update gives an entity that it did not hold: under their name locks (the ones a load
 * takes for the names it brings, ingest-document.ts), so a load introducing the same name waits,
 * then matches this entity; and refused when another entity of the type holds one already,
 * which would leave two entities sharing a match key (mergeEntities joins them instead). Events
 * and generic entities are never matched by name, so their names are neither locked nor checked.
 */
async function claimNewNames(
  tx: WriteTransaction,
  locks: WriteLocks,
  entity: CuratedEntity,
  names: readonly string[],
): Promise<void> {
  if (entity.type === 'Event' || entity.generic) return;
  const held = new Set(entity.matchKeys);
  const fresh = [...new Set(names.map(matchKey))].filter((key) => key.length > 0 && !held.has(key));
  if (fresh.length === 0) return;
  const claimed = names.filter((name) => fresh.includes(matchKey(name)));
  await locks.lock(claimed.map((name) => nameLock(entity.type, name)));
  const found = await findEntitiesByNames(tx, [{ id: entity.id, type: entity.type, keys: fresh }]);
  const others = (found.get(entity.id) ?? []).filter((other) => other !== entity.id);
  if (others.length > 0) {
    throw badInput(
      `another ${entity.type} already has one of these names (${others.join(', ')}): merge them with mergeEntities instead`,
      { field: 'input', conflictsWith: others },
    );
  }
}

export interface EntityUpdate {
  name?: string | null;
  aliases?: readonly string[] | null;
}

/**
 * Sets an entity's name and/or aliases by hand and marks them curated: later loads add no
 * alias to curated aliases and never rename. Aliases keep the language they were seen in;
 * new ones are `und`.
 */
export async function updateEntity(
  store: GraphStore,
  id: string,
  update: EntityUpdate,
  counter?: QueryCounter,
  hooks?: WriteHooks,
): Promise<EntitySummary> {
  const name = update.name?.trim();
  if (update.name !== undefined && update.name !== null && !name) throw badInput('name is empty', { field: 'name' });
  if (name === undefined && (update.aliases === undefined || update.aliases === null)) {
    throw badInput('nothing to update: give a name, aliases or both');
  }
  if (name !== undefined) checkName(name, 'input.name');
  if (update.aliases) checkAliases(update.aliases, 'input.aliases');
  return writeWithLocks(store, 'updateEntity', async (tx, locks) => {
    const targets = await lockResolvedEntities(tx, locks, [id]);
    const entity = await readEntity(tx, targets.get(id)!);
    if (!entity) throw notFound('Entity', id);
    const newName = name ?? entity.name;
    let aliases = entity.aliases;
    let languages = entity.aliasLanguages;
    if (update.aliases) {
      const known = new Map(entity.aliases.map((alias, i) => [matchKey(alias), entity.aliasLanguages[i] ?? 'und']));
      const seen = new Set<string>();
      aliases = [];
      languages = [];
      for (const raw of update.aliases) {
        const alias = raw.trim();
        const key = matchKey(alias);
        if (key.length === 0 || seen.has(key)) continue;
        seen.add(key);
        aliases.push(alias);
        languages.push(known.get(key) ?? 'und');
      }
    }
    const keys = [...new Set([newName, ...aliases].map(matchKey))];
    await claimNewNames(tx, locks, entity, [newName, ...aliases]);
    const rows = await tx.run(
      `MATCH (n:${ENTITY_LABEL} {id: $id})
       SET n.name = $name, n.nameKey = $nameKey, n.aliases = $aliases, n.aliasLanguages = $languages, n.matchKeys = $keys,
         n.nameCurated = coalesce(n.nameCurated, false) OR $nameCurated,
         n.aliasesCurated = coalesce(n.aliasesCurated, false) OR $aliasesCurated
       SET n.searchText = reduce(text = n.name, alias IN n.aliases | text + ' | ' + alias)
       RETURN ${SUMMARY} AS entity`,
      {
        id: entity.id,
        name: newName,
        nameKey: matchKey(newName),
        aliases,
        languages,
        keys,
        nameCurated: name !== undefined,
        aliasesCurated: Boolean(update.aliases),
      },
    );
    return rows[0]!.entity as EntitySummary;
  }, { counter, hooks });
}
