import type { EntityType } from '../domain/entities.js';
import type { RelationType } from '../domain/relations.js';
import type { GraphStore, QueryCounter } from './graph-store.js';
import { ENTITY_PROJECTION, ENTITY_REFERENCE_PROJECTION, toEntityRecord, type EntityRecord } from './entities.js';
import { ENTITY_LABEL, RELATIONSHIP_TYPES } from './model.js';
import { isEntityType } from '../domain/entities.js';
import { isRelationType } from '../domain/relations.js';
import { int } from './values.js';
import { followRedirects } from './redirects.js';

const REQUESTED = followRedirects('requested');

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
  edges: NestedRelationEdgeRecord[];
  /** Whether more edges follow the page. */
  hasMore: boolean;
}

/** An edge with the pages of relations prefetched under its node, by the nested field's response key. */
export interface NestedRelationEdgeRecord extends RelationEdgeRecord {
  nested: Record<string, RelationPageRecord>;
}

/**
 * What to read for one relation field: its selection and page, and relation fields nested under
 * its nodes that are read in the same query (see loadRelationPages).
 */
export interface RelationPlan {
  selection: RelationSelection;
  page: { offset: number; limit: number };
  /** Response key of the nested field -> its plan. */
  children: Record<string, RelationPlan>;
  /**
   * What to read of the node at the other end: 'ref' only its id and type (the query selects
   * nothing else of it but relation fields, which need only the id), 'full' the whole entity.
   */
  nodeFields: 'ref' | 'full';
  /** Whether to read the relation's docIds and evidence (its weight is always read). */
  support: boolean;
}

function relationPattern(
  selection: RelationSelection,
  vars: { owner: string; relation: string; other: string; otherTypesParam: string },
): { pattern: string; otherFilter: string } {
  const types = selection.relationTypes?.length ? selection.relationTypes : RELATIONSHIP_TYPES;
  for (const type of types) {
    if (!isRelationType(type)) throw new Error(`unknown relation type ${type}`);
  }
  const otherTypes = selection.otherTypes?.length ? selection.otherTypes : null;
  for (const type of otherTypes ?? []) {
    if (!isEntityType(type)) throw new Error(`unknown entity type ${type}`);
  }
  const relationship = `[${vars.relation}:${types.join('|')}]`;
  // One label is cheapest (the planner filters on it while expanding); several become a WHERE.
  const otherLabel = otherTypes?.length === 1 ? otherTypes[0]! : ENTITY_LABEL;
  const other = `(${vars.other}:${otherLabel})`;
  const owner = `(${vars.owner})`;
  const pattern =
    selection.direction === 'OUT'
      ? `${owner}-${relationship}->${other}`
      : selection.direction === 'IN'
        ? `${owner}<-${relationship}-${other}`
        : `${owner}-${relationship}-${other}`;
  const otherFilter = otherTypes && otherTypes.length > 1 ? `WHERE ${vars.other}.type IN $${vars.otherTypesParam}` : '';
  return { pattern, otherFilter };
}

/**
 * The COLLECT subquery that reads one page of `plan` under `owner`: heaviest relations first
 * (most supporting documents), then by the other entity's id, so pages are stable; one more edge
 * than asked, to tell whether another page follows. Nested plans become nested COLLECTs.
 */
function pageExpression(plan: RelationPlan, owner: string, params: Record<string, unknown>): string {
  // Three parameters per level: their count numbers the levels, so names never clash.
  const level = Object.keys(params).length / 3;
  const relation = `r${level}`;
  const other = `o${level}`;
  const names = { offset: `offset${level}`, limit: `limit${level}`, otherTypes: `otherTypes${level}` };
  params[names.offset] = int(plan.page.offset);
  params[names.limit] = int(plan.page.limit + 1);
  params[names.otherTypes] = plan.selection.otherTypes ?? null;
  const { pattern, otherFilter } = relationPattern(plan.selection, {
    owner,
    relation,
    other,
    otherTypesParam: names.otherTypes,
  });
  // Without support, the weight of a relation stored without one still comes from its docIds.
  const support = plan.support
    ? `weight: ${relation}.weight, docIds: ${relation}.docIds, evidence: ${relation}.evidence,`
    : `weight: coalesce(${relation}.weight, size(${relation}.docIds)),`;
  const nested = Object.entries(plan.children).map(
    // Response keys are GraphQL names (letters, digits, _): safe as map keys in backticks.
    ([key, child]) => `\`${key}\`: ${pageExpression(child, other, params)}`,
  );
  return `COLLECT {
    MATCH ${pattern}
    ${otherFilter}
    WITH ${relation}, ${other}
    ORDER BY ${relation}.weight DESC, ${other}.id, type(${relation})
    SKIP $${names.offset} LIMIT $${names.limit}
    RETURN {
      type: type(${relation}), out: startNode(${relation}) = ${owner},
      node: ${other} ${plan.nodeFields === 'ref' ? ENTITY_REFERENCE_PROJECTION : ENTITY_PROJECTION},
      ${support}
      nested: { ${nested.join(', ')} }
    }
  }`;
}

function toPage(ownerId: string, raw: Record<string, unknown>[], plan: RelationPlan): RelationPageRecord {
  const edges = raw.slice(0, plan.page.limit).map((edge): NestedRelationEdgeRecord => {
    const node = toEntityRecord(edge.node, plan.nodeFields === 'ref');
    const nestedRaw = (edge.nested ?? {}) as Record<string, Record<string, unknown>[]>;
    const nested: Record<string, RelationPageRecord> = {};
    for (const [key, child] of Object.entries(plan.children)) nested[key] = toPage(node.id, nestedRaw[key] ?? [], child);
    return {
      ownerId,
      type: edge.type as RelationType,
      direction: edge.out === true ? 'OUT' : 'IN',
      node,
      weight: (edge.weight as number | null) ?? ((edge.docIds as string[] | null) ?? []).length,
      docIds: (edge.docIds as string[] | null) ?? [],
      evidence: (edge.evidence as string[] | null) ?? [],
      nested,
    };
  });
  return { ownerId, edges, hasMore: raw.length > plan.page.limit };
}

/**
 * One page of relations for each owner, in the order of `ownerIds`, and the pages of the
 * relation fields nested under their nodes (`plan.children`, any depth), all in one query for
 * the whole batch. Each owner's page is cut inside its own subquery, so a hub does not fill
 * another's page.
 */
export async function loadRelationPages(
  store: GraphStore,
  ownerIds: readonly string[],
  plan: RelationPlan,
  counter?: QueryCounter,
): Promise<RelationPageRecord[]> {
  const params: Record<string, unknown> = {};
  const expression = pageExpression(plan, 'owner', params);
  const rows = await store.read(
    `UNWIND $ownerIds AS ownerId
     MATCH (owner:${ENTITY_LABEL} {id: ownerId})
     RETURN ownerId, ${expression} AS edges`,
    { ...params, ownerIds },
    counter,
  );
  const byOwner = new Map(rows.map((row) => [row.ownerId as string, row.edges as Record<string, unknown>[]]));
  return ownerIds.map((ownerId) => toPage(ownerId, byOwner.get(ownerId) ?? [], plan));
}

export interface EntityWithRelationsRecord {
  entity: EntityRecord;
  /** Pages of the planned relation fields, by response key. */
  relations: Record<string, RelationPageRecord>;
}

/**
 * Entities by id (following merges, like loadEntities) together with pages of their relation
 * fields, and the fields nested below those, in one query: what `entity(id) { tactics { … } }`
 * needs. In the order of `ids`, null where no entity exists.
 */
export async function loadEntitiesWithRelations(
  store: GraphStore,
  ids: readonly string[],
  plans: Record<string, RelationPlan>,
  counter?: QueryCounter,
): Promise<(EntityWithRelationsRecord | null)[]> {
  const params: Record<string, unknown> = {};
  const relations = Object.entries(plans).map(
    ([key, plan]) => `\`${key}\`: ${pageExpression(plan, 'n', params)}`,
  );
  const rows = await store.read(
    `UNWIND $ids AS requested
     ${REQUESTED.match}
     WITH requested, ${REQUESTED.target} AS resolved
     MATCH (n:${ENTITY_LABEL} {id: resolved})
     RETURN requested, n ${ENTITY_PROJECTION} AS entity, { ${relations.join(', ')} } AS relations`,
    { ...params, ids },
    counter,
  );
  const byRequested = new Map(rows.map((row) => [row.requested as string, row]));
  return ids.map((id) => {
    const row = byRequested.get(id);
    if (!row) return null;
    const entity = toEntityRecord(row.entity);
    const raw = (row.relations ?? {}) as Record<string, Record<string, unknown>[]>;
    const pages: Record<string, RelationPageRecord> = {};
    for (const [key, plan] of Object.entries(plans)) pages[key] = toPage(entity.id, raw[key] ?? [], plan);
    return { entity, relations: pages };
  });
}

/** How many relations match the selection for each owner, in the order of `ownerIds`. */
export async function countRelations(
  store: GraphStore,
  ownerIds: readonly string[],
  selection: RelationSelection,
  counter?: QueryCounter,
): Promise<number[]> {
  const { pattern, otherFilter } = relationPattern(selection, {
    owner: 'owner',
    relation: 'r',
    other: 'other',
    otherTypesParam: 'otherTypes',
  });
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
