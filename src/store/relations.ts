import type { EntityType, RelationType } from '../extraction/types.js';
import type { GraphStore, QueryCounter } from './graph-store.js';
import { ENTITY_PROJECTION, toEntityRecord, type EntityRecord } from './entities.js';
import { ENTITY_LABEL, RELATIONSHIP_TYPES, isEntityType, isRelationType } from './model.js';
import { int } from './values.js';

export type RelationDirection = 'OUT' | 'IN' | 'BOTH';

/**
 * Which relations of an entity to read. Relation types and the other end's type become Cypher
 * text, so they are checked against the model's constants before any query is built.
 */
export interface RelationSelection {
  /** Empty or null: every relation type. */
  relationTypes: readonly RelationType[] | null;
  direction: RelationDirection;
  /** Type of the entity at the other end; null: any. */
  otherTypes: readonly EntityType[] | null;
}

export interface RelationEdgeRecord {
  /** The entity whose relations were asked for. */
  ownerId: string;
  type: RelationType;
  /** OUT when the owner is the relation's source. */
  direction: 'OUT' | 'IN';
  node: EntityRecord;
  /** Number of documents that support the relation. */
  weight: number;
  docIds: string[];
  /** `docId:start:end` sentence ranges. */
  evidence: string[];
}

export interface RelationPageRecord {
  ownerId: string;
  edges: RelationEdgeRecord[];
  /** Whether more edges follow the page. */
  hasMore: boolean;
}

function relationPattern(selection: RelationSelection): { pattern: string; otherFilter: string } {
  const types = selection.relationTypes?.length ? selection.relationTypes : RELATIONSHIP_TYPES;
  for (const type of types) {
    if (!isRelationType(type)) throw new Error(`unknown relation type ${type}`);
  }
  const otherTypes = selection.otherTypes?.length ? selection.otherTypes : null;
  for (const type of otherTypes ?? []) {
    if (!isEntityType(type)) throw new Error(`unknown entity type ${type}`);
  }
  const relationship = `[r:${types.join('|')}]`;
  // One label is cheapest (the planner filters on it while expanding); several become a WHERE.
  const otherLabel = otherTypes?.length === 1 ? otherTypes[0]! : ENTITY_LABEL;
  const other = `(other:${otherLabel})`;
  const pattern =
    selection.direction === 'OUT'
      ? `(owner)-${relationship}->${other}`
      : selection.direction === 'IN'
        ? `(owner)<-${relationship}-${other}`
        : `(owner)-${relationship}-${other}`;
  const otherFilter = otherTypes && otherTypes.length > 1 ? `WHERE other.type IN $otherTypes` : '';
  return { pattern, otherFilter };
}

/**
 * One page of relations for each owner, in the order of `ownerIds`: heaviest first (most
 * supporting documents), then by the other entity's id, so pages are stable. One query for the
 * whole batch; the per-owner page is cut inside a subquery so a hub does not fill another's page.
 */
export async function loadRelationPages(
  store: GraphStore,
  ownerIds: readonly string[],
  selection: RelationSelection,
  page: { offset: number; limit: number },
  counter?: QueryCounter,
): Promise<RelationPageRecord[]> {
  const { pattern, otherFilter } = relationPattern(selection);
  const rows = await store.read(
    `UNWIND $ownerIds AS ownerId
     MATCH (owner:${ENTITY_LABEL} {id: ownerId})
     CALL (owner) {
       MATCH ${pattern}
       ${otherFilter}
       RETURN r, other
       ORDER BY r.weight DESC, other.id, type(r)
       SKIP $offset LIMIT $limit
     }
     RETURN ownerId, collect({
       type: type(r), out: startNode(r) = owner, node: other ${ENTITY_PROJECTION},
       weight: r.weight, docIds: r.docIds, evidence: r.evidence
     }) AS edges`,
    {
      ownerIds,
      otherTypes: selection.otherTypes ?? null,
      offset: int(page.offset),
      // One more than asked, to tell whether another page follows.
      limit: int(page.limit + 1),
    },
    counter,
  );
  const byOwner = new Map(rows.map((row) => [row.ownerId as string, row.edges as Record<string, unknown>[]]));
  return ownerIds.map((ownerId) => {
    const raw = byOwner.get(ownerId) ?? [];
    const edges = raw.slice(0, page.limit).map(
      (edge): RelationEdgeRecord => ({
        ownerId,
        type: edge.type as RelationType,
        direction: edge.out === true ? 'OUT' : 'IN',
        node: toEntityRecord(edge.node),
        weight: (edge.weight as number | null) ?? ((edge.docIds as string[] | null) ?? []).length,
        docIds: (edge.docIds as string[] | null) ?? [],
        evidence: (edge.evidence as string[] | null) ?? [],
      }),
    );
    return { ownerId, edges, hasMore: raw.length > page.limit };
  });
}

/** How many relations match the selection for each owner, in the order of `ownerIds`. */
export async function countRelations(
  store: GraphStore,
  ownerIds: readonly string[],
  selection: RelationSelection,
  counter?: QueryCounter,
): Promise<number[]> {
  const { pattern, otherFilter } = relationPattern(selection);
  const rows = await store.read(
    `UNWIND $ownerIds AS ownerId
     MATCH (owner:${ENTITY_LABEL} {id: ownerId})
     RETURN ownerId, COUNT { MATCH ${pattern} ${otherFilter} RETURN r } AS total`,
    { ownerIds, otherTypes: selection.otherTypes ?? null },
    counter,
  );
  const byOwner = new Map(rows.map((row) => [row.ownerId as string, row.total as number]));
  return ownerIds.map((id) => byOwner.get(id) ?? 0);
}
