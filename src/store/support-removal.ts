import type { WriteTransaction } from './graph-store.js';
import { refreshDegrees } from './graph-writes.js';
import { DOCUMENT_LABEL, ENTITY_LABEL, MENTIONS, REDIRECT_LABEL } from './model.js';
import { entityLock, type WriteLocks } from './write-locks.js';

/**
 * Taking a document's support off the graph, shared by deleteDocument (curation.ts) and a load
 * that replaces a document's part with a newer extractor's (ingestion): lock what it mentions,
 * strip its ids, evidence and mentions, then collect what nothing supports any more.
 */

/** Locks every entity a document mentions (a merge may move its mentions meanwhile: to a fixed point). */
export async function lockMentionedEntities(tx: WriteTransaction, locks: WriteLocks, docId: string): Promise<string[]> {
  for (;;) {
    const rows = await tx.run(
      `MATCH (:${DOCUMENT_LABEL} {id: $docId})-[:${MENTIONS}]->(n:${ENTITY_LABEL}) RETURN collect(n.id) AS ids`,
      { docId },
    );
    const ids = (rows[0]?.ids as string[] | undefined) ?? [];
    if (!(await locks.lock(ids.map(entityLock)))) return ids;
  }
}

/**
 * Takes a document's support off the graph without deleting anything yet: its id and evidence
 * leave every relationship, its MENTIONS go (and their spans leave mentionCount). Returns the
 * entities it touched, for collectUnsupported once the transaction's other writes are done.
 */
export async function stripDocumentSupport(
  tx: WriteTransaction,
  docId: string,
): Promise<{ entityIds: string[]; relationsUpdated: number }> {
  const relationRows = await tx.run(
    `MATCH (:${DOCUMENT_LABEL} {id: $docId})-[:${MENTIONS}]->(:${ENTITY_LABEL})-[r]->(:${ENTITY_LABEL})
     WHERE $docId IN r.docIds
     WITH DISTINCT r
     SET r.docIds = [x IN r.docIds WHERE x <> $docId],
       r.evidence = [x IN coalesce(r.evidence, []) WHERE NOT x STARTS WITH $evidencePrefix]
     SET r.weight = size(r.docIds)
     RETURN count(r) AS relations`,
    { docId, evidencePrefix: `${docId}:` },
  );
  const mentionRows = await tx.run(
    `MATCH (:${DOCUMENT_LABEL} {id: $docId})-[m:${MENTIONS}]->(n:${ENTITY_LABEL})
     SET n.mentionCount = coalesce(n.mentionCount, 0) - size(coalesce(m.spans, []))
     DELETE m
     RETURN collect(n.id) AS entityIds`,
    { docId },
  );
  return {
    entityIds: (mentionRows[0]?.entityIds as string[] | undefined) ?? [],
    relationsUpdated: (relationRows[0]?.relations as number | undefined) ?? 0,
  };
}

/**
 * Deletes, around the given entities, every relationship no document supports any more, then
 * every entity that no document mentions and no supported relationship touches, and the
 * redirects that pointed to those.
 */
export async function collectUnsupported(
  tx: WriteTransaction,
  entityIds: readonly string[],
): Promise<{ deletedEntityIds: string[]; deletedRelations: number }> {
  if (entityIds.length === 0) return { deletedEntityIds: [], deletedRelations: 0 };
  const relationRows = await tx.run(
    `UNWIND $ids AS id
     MATCH (:${ENTITY_LABEL} {id: id})-[r]-(:${ENTITY_LABEL})
     WHERE r.docIds IS NOT NULL AND size(r.docIds) = 0
     WITH DISTINCT r
     WITH r, [startNode(r).id, endNode(r).id] AS ends
     DELETE r
     RETURN count(*) AS deleted, reduce(acc = [], pair IN collect(ends) | acc + pair) AS ends`,
    { ids: entityIds },
  );
  const entityRows = await tx.run(
    `UNWIND $ids AS id
     MATCH (n:${ENTITY_LABEL} {id: id})
     WHERE NOT EXISTS { (:${DOCUMENT_LABEL})-[:${MENTIONS}]->(n) }
       AND NOT EXISTS { (n)-[r]-(:${ENTITY_LABEL}) WHERE size(coalesce(r.docIds, [])) > 0 }
     WITH DISTINCT n
     WITH n, n.id AS deletedId, [(n)-[]-(other:${ENTITY_LABEL}) | other.id] AS neighbours
     DETACH DELETE n
     WITH collect(deletedId) AS deletedIds, reduce(acc = [], list IN collect(neighbours) | acc + list) AS neighbours
     OPTIONAL MATCH (redirect:${REDIRECT_LABEL}) WHERE redirect.target IN deletedIds
     DELETE redirect
     RETURN deletedIds, neighbours`,
    { ids: entityIds },
  );
  // The ends of deleted relationships, and the neighbours of deleted entities, lost relations.
  await refreshDegrees(tx, [
    ...entityIds,
    ...((relationRows[0]?.ends as string[] | undefined) ?? []),
    ...((entityRows[0]?.neighbours as string[] | undefined) ?? []),
  ]);
  return {
    deletedEntityIds: [...new Set((entityRows[0]?.deletedIds as string[] | undefined) ?? [])],
    deletedRelations: (relationRows[0]?.deleted as number | undefined) ?? 0,
  };
}
