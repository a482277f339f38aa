import type { EntityType } from '../domain/entities.js';
import { fullTextQueryForKeys } from './search.js';
import type { WriteTransaction } from './graph-store.js';
import { ENTITY_LABEL, ENTITY_NAME_INDEX } from './model.js';
import { followRedirects } from './redirects.js';
import { entityLock, type WriteLocks } from './write-locks.js';

/**
 * Look-ups of the write side: where an id lives now (redirects), which ids name an entity
 * already, which entities share a name with a new one. They read inside the writer's
 * transaction, after it took the locks that keep their answers true (write-locks.ts).
 */

const BY_ID = followRedirects('id');

/** Where merged ids now live: each id maps to its redirect target, or to itself. */
export async function resolveRedirects(tx: WriteTransaction, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.run(
    `UNWIND $ids AS id
     ${BY_ID.match}
     WITH id, ${BY_ID.target} AS target WHERE target <> id
     RETURN id, target`,
    { ids },
  );
  const targets = new Map(ids.map((id) => [id, id]));
  for (const row of rows) targets.set(row.id as string, row.target as string);
  return targets;
}

/**
 * Locks the given ids and where their redirects lead, to a fixed point: after it returns, no
 * other writer can merge, delete or re-point any of them, so the map it returns stays true.
 */
export async function lockResolvedEntities(
  tx: WriteTransaction,
  locks: WriteLocks,
  ids: readonly string[],
): Promise<Map<string, string>> {
  await locks.lock(ids.map(entityLock));
  for (;;) {
    const targets = await resolveRedirects(tx, ids);
    if (!(await locks.lock([...targets.values()].map(entityLock)))) return targets;
  }
}

export interface EntityLookup {
  /** The id after following a redirect left by mergeEntities. */
  target: string;
  exists: boolean;
}

/** Follows redirects and tells which ids already name an entity (one statement). */
export async function lookupEntities(tx: WriteTransaction, ids: readonly string[]): Promise<Map<string, EntityLookup>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.run(
    `UNWIND $ids AS id
     ${BY_ID.match}
     WITH id, ${BY_ID.target} AS target
     OPTIONAL MATCH (n:${ENTITY_LABEL} {id: target})
     RETURN id, target, n IS NOT NULL AS exists`,
    { ids },
  );
  return new Map(rows.map((row) => [row.id as string, { target: row.target as string, exists: row.exists === true }]));
}

export interface NameCandidate {
  id: string;
  type: EntityType;
  /** matchKey of each of its names. */
  keys: string[];
  /** The country the entity belongs to, when its name says: a node of another country is not it. */
  country?: string | null;
}

/**
 * Existing entities of the same type that share a name (folded) with each candidate, through
 * the full-text index (phrase query) and then an exact check on `matchKeys`. Generic entities
 * never match by name.
 */
export async function findEntitiesByNames(
  tx: WriteTransaction,
  candidates: readonly NameCandidate[],
  countryOf?: (name: string) => string | null,
): Promise<Map<string, string[]>> {
  const rows = candidates.filter((candidate) => candidate.keys.length > 0);
  if (rows.length === 0) return new Map();
  const found = await tx.run(
    `UNWIND $candidates AS c
     CALL (c) {
       CALL db.index.fulltext.queryNodes($index, c.query, {limit: 25}) YIELD node
       RETURN node
     }
     WITH c, node
     WHERE node.type = c.type AND NOT coalesce(node.generic, false)
       AND any(k IN coalesce(node.matchKeys, []) WHERE k IN c.keys)
     RETURN c.id AS id, collect(DISTINCT [node.id, node.name]) AS matches`,
    {
      index: ENTITY_NAME_INDEX,
      candidates: rows.map((candidate) => ({ id: candidate.id, type: candidate.type, keys: candidate.keys, query: fullTextQueryForKeys(candidate.keys) })),
    },
  );
  const countries = new Map(rows.map((candidate) => [candidate.id, candidate.country ?? null]));
  // Two countries' bodies may share a name or an acronym ("MSS", "the National Police"): never one node.
  const sameCountry = (id: string, name: string) => {
    const mine = countries.get(id) ?? null;
    const theirs = mine && countryOf ? countryOf(name) : null;
    return !mine || !theirs || mine === theirs;
  };
  return new Map(
    found.map((row) => [
      row.id as string,
      (row.matches as [string, string][]).filter(([, name]) => sameCountry(row.id as string, name)).map(([id]) => id).sort(),
    ]),
  );
}
