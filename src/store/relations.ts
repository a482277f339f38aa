import type { EntityType } from '../domain/entities.js';
import type { RelationType } from '../domain/relations.js';
import type { GraphStore, QueryCounter } from './graph-store.js';
import neo4j from 'neo4j-driver';
import { ENTITY_PROJECTION, toEntityRecord, type EntityRecord } from './entities.js';
import { ENTITY_LABEL, RELATIONSHIP_TYPES } from './model.js';
import { isEntityType } from '../domain/entities.js';
import { isRelationType } from '../domain/relations.js';
import { int, toPlain } from './values.js';
import { followRedirects } from './redirects.js';

/** Short names: the statement's text travels with every request (see compact). */
const REQUESTED = followRedirects('q', ['d', 'c']);

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
  /**
   * True when the relation table allows no other type at the other end than `otherTypes` (for
   * the owners this selection is read from): with every stored relation fitting the table
   * (GraphStore.relationsFitOntology), the pattern then needs no label there.
   */
  otherTypesImplied?: boolean;
}

export interface RelationEdgeRecord {
  /** The entity whose relations were asked for. */
  ownerId: string;
  type: RelationType;
  /** OUT when the owner is the relation's source. */
  direction: 'OUT' | 'IN';
  node: EntityRecord;
  /** Number of documents that support the relation (0 when the plan did not ask for it). */
  weight: number;
  docIds: string[];
  /** `docId:start:end` sentence ranges. */
  evidence: string[];
  /** Offset of the edge in the owner's whole list (its page's offset + its index): its cursor. */
  position: number;
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
   * What to read of the node at the other end besides its id and type: the stored properties the
   * operation's selection needs (none when it selects nothing else of it but relation fields,
   * which need only the id), or 'full', the whole entity.
   */
  nodeFields: 'full' | readonly NodeProperty[];
  /** Whether to read the relation's docIds and evidence. */
  support: boolean;
  /** Whether to return the relation's weight (it is always read, for the order). */
  weight: boolean;
}

/** Stored entity properties a relation read may project one by one (id and type always come). */
export const NODE_PROPERTIES = ['name', 'aliases', 'aliasLanguages', 'generic', 'date', 'datePrecision'] as const;
export type NodeProperty = (typeof NODE_PROPERTIES)[number];

function directed(direction: RelationDirection, owner: string, relationship: string, other: string): string {
  return direction === 'OUT'
    ? `${owner}-${relationship}->${other}`
    : direction === 'IN'
      ? `${owner}<-${relationship}-${other}`
      : `${owner}-${relationship}-${other}`;
}

function relationPattern(
  selection: RelationSelection,
  vars: { owner: string; relation: string; other: string; otherTypesParam: string },
  relationsFitOntology: boolean,
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
  // None when the stored relations fit the relation table and it fixes the other end's type:
  // the filter would check every edge's node and reject none.
  if (relationsFitOntology && selection.otherTypesImplied && otherTypes) {
    return { pattern: directed(selection.direction, `(${vars.owner})`, relationship, `(${vars.other})`), otherFilter: '' };
  }
  const otherLabel = otherTypes?.length === 1 ? otherTypes[0]! : ENTITY_LABEL;
  const other = `(${vars.other}:${otherLabel})`;
  const pattern = directed(selection.direction, `(${vars.owner})`, relationship, other);
  const otherFilter = otherTypes && otherTypes.length > 1 ? `WHERE ${vars.other}.type IN $${vars.otherTypesParam}` : '';
  return { pattern, otherFilter };
}

/**
 * Where each value sits in an edge's list (see pageExpression): the node's id and its type when
 * the label does not fix it (or its whole map), the wanted node properties, the weight when
 * asked, the relation's type and direction when the selection leaves them open, its support when
 * asked, then the nested pages.
 */
interface EdgeLayout {
  nodeProperties: readonly NodeProperty[] | 'full';
  /** The one entity type the pattern's label allows at the other end (then not read), or null. */
  fixedNodeType: EntityType | null;
  weight: boolean;
  /** The one relation type of the selection (then not read), or null (read per edge). */
  fixedType: RelationType | null;
  /** OUT/IN when the selection has one direction (then not read), null for BOTH. */
  fixedDirection: 'OUT' | 'IN' | null;
  support: boolean;
  children: [string, RelationPlan][];
}

function layoutOf(plan: RelationPlan): EdgeLayout {
  const types = plan.selection.relationTypes;
  const otherTypes = plan.selection.otherTypes;
  return {
    nodeProperties: plan.nodeFields,
    fixedNodeType: otherTypes?.length === 1 ? otherTypes[0]! : null,
    weight: plan.weight,
    fixedType: types?.length === 1 ? types[0]! : null,
    fixedDirection: plan.selection.direction === 'BOTH' ? null : plan.selection.direction,
    support: plan.support,
    children: Object.entries(plan.children),
  };
}

/** Parameters of a statement being built, and how many page levels it holds (they name variables). */
interface Statement {
  params: Record<string, unknown>;
  levels: number;
  /** GraphStore.relationsFitOntology when the statement is built. */
  relationsFitOntology: boolean;
  /** Parameter name of each page size and offset used so far (`l0`, `s0`, …): levels share them. */
  numbers: Map<string, string>;
}

const newStatement = (store: GraphStore): Statement => ({
  params: {},
  levels: 0,
  relationsFitOntology: store.relationsFitOntology,
  numbers: new Map(),
});

/**
 * The parameter holding `value` for `kind` (l: limit, s: skip), one per distinct value: pages
 * of the same size (the usual case) share one parameter instead of sending one per level.
 */
function numberParam(statement: Statement, kind: 'l' | 's', value: number): string {
  const key = `${kind}${value}`;
  let name = statement.numbers.get(key);
  if (!name) {
    name = `${kind}${[...statement.numbers.keys()].filter((k) => k.startsWith(kind)).length}`;
    statement.numbers.set(key, name);
    statement.params[name] = int(value);
  }
  return name;
}

/**
 * The COLLECT subquery that reads one page of `plan` under `owner`: heaviest relations first
 * (most supporting documents), then by the other entity's id, so pages are stable; one more edge
 * than asked, to tell whether another page follows. Each edge is a flat list (EdgeLayout): no
 * map keys to send and decode per edge, nothing the operation did not select, nothing the
 * pattern fixes (the type its label allows). Nested plans become nested COLLECTs inside the list.
 */
function pageExpression(plan: RelationPlan, owner: string, statement: Statement): string {
  const level = statement.levels++;
  const { params } = statement;
  const relation = `r${level}`;
  const other = `o${level}`;
  const otherTypesParam = `t${level}`;
  // A first page (the usual read) skips nothing: no SKIP operator per owner.
  const skip = plan.page.offset > 0 ? `SKIP $${numberParam(statement, 's', plan.page.offset)} ` : '';
  const limit = numberParam(statement, 'l', plan.page.limit + 1);
  if ((plan.selection.otherTypes?.length ?? 0) > 1) params[otherTypesParam] = plan.selection.otherTypes;
  const { pattern, otherFilter } = relationPattern(plan.selection, {
    owner,
    relation,
    other,
    otherTypesParam,
  }, statement.relationsFitOntology);
  const layout = layoutOf(plan);
  const columns: string[] = [];
  if (layout.nodeProperties === 'full') columns.push(`${other} ${ENTITY_PROJECTION}`);
  else {
    columns.push(`${other}.id`);
    if (!layout.fixedNodeType) columns.push(`${other}.type`);
    for (const property of layout.nodeProperties) {
      if (!(NODE_PROPERTIES as readonly string[]).includes(property)) throw new Error(`unknown entity property ${property}`);
      columns.push(`${other}.${property}`);
    }
  }
  // The weight of a relation stored without one comes from its docIds.
  if (layout.weight) columns.push(`coalesce(${relation}.weight, size(${relation}.docIds))`);
  if (!layout.fixedType) columns.push(`type(${relation})`);
  if (!layout.fixedDirection) columns.push(`startNode(${relation}) = ${owner}`);
  if (layout.support) columns.push(`${relation}.docIds`, `${relation}.evidence`);
  for (const [, child] of layout.children) columns.push(pageExpression(child, other, statement));
  // ORDER BY on RETURN sorts and cuts before the list is built (the planner puts Top under the
  // projection and the nested COLLECTs, as with a WITH in between), in fewer words.
  return `COLLECT {
    MATCH ${pattern}
    ${otherFilter}
    RETURN [${columns.join(', ')}]
    ORDER BY ${relation}.weight DESC, ${other}.id${layout.fixedType ? '' : `, type(${relation})`}
    ${skip}LIMIT $${limit}
  }`;
}

/**
 * The statement with its layout whitespace folded, and none left around brackets, braces,
 * parentheses, commas, colons and `=`: the text travels to Neo4j with every request (and is its
 * plan-cache key). The driver writes a request in 1,400-byte buffers, one socket write each, so a
 * shorter text saves a write (and a TCP segment for Neo4j to read) per request: a two-hop tree
 * of four relation fields went from 1,562 to under 1,200 characters, one write instead of two.
 * Safe because these statements hold no string literals: every value is a parameter.
 */
export const compact = (cypher: string) =>
  cypher
    .replace(/\s+/g, ' ')
    .replace(/ ?([()[\]{},:=]) ?/g, '$1')
    .trim();

/** A driver value that should be a number (Integer or float) as a JS number. */
function toNumber(value: unknown): number {
  if (neo4j.isInt(value)) return value.toNumber();
  return typeof value === 'number' ? value : 0;
}

const stringList = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);

/**
 * Decodes one page read by pageExpression, straight from the driver's values (strings, lists and
 * Integers at known places: no generic walk over the tree).
 */
function toPage(ownerId: string, raw: unknown, plan: RelationPlan, layout = layoutOf(plan)): RelationPageRecord {
  const rows = Array.isArray(raw) ? (raw as unknown[][]) : [];
  const childLayouts = layout.children.map(([key, child]) => [key, child, layoutOf(child)] as const);
  const edges = rows.slice(0, plan.page.limit).map((row, index): NestedRelationEdgeRecord => {
    let at = 0;
    let node: EntityRecord;
    if (layout.nodeProperties === 'full') node = toEntityRecord(toPlain(row[at++]));
    else {
      const values: Record<string, unknown> = { id: row[at++] };
      values.type = layout.fixedNodeType ?? row[at++];
      for (const property of layout.nodeProperties) values[property] = toPlain(row[at++]);
      node = toEntityRecord(values);
    }
    const weight = layout.weight ? toNumber(row[at++]) : 0;
    const type = layout.fixedType ?? (row[at++] as RelationType);
    const direction = layout.fixedDirection ?? (row[at++] === true ? 'OUT' : 'IN');
    const docIds = layout.support ? stringList(row[at++]) : [];
    const evidence = layout.support ? stringList(row[at++]) : [];
    const nested: Record<string, RelationPageRecord> = {};
    for (const [key, child, childLayout] of childLayouts) nested[key] = toPage(node.id, row[at++], child, childLayout);
    return { ownerId, type, direction, node, weight, docIds, evidence, position: plan.page.offset + index, nested };
  });
  return { ownerId, edges, hasMore: rows.length > plan.page.limit };
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
  const statement = newStatement(store);
  const expression = pageExpression(plan, 'n', statement);
  const rows = await store.readRaw(
    compact(`UNWIND $ownerIds AS i
     MATCH (n:${ENTITY_LABEL} {id: i})
     RETURN i, ${expression} AS p`),
    { ...statement.params, ownerIds },
    counter,
  );
  const byOwner = new Map(rows.map((row) => [row[0] as string, row[1]]));
  const layout = layoutOf(plan);
  return ownerIds.map((ownerId) => toPage(ownerId, byOwner.get(ownerId) ?? [], plan, layout));
}

export interface EntityWithRelationsRecord {
  entity: EntityRecord;
  /** Pages of the planned relation fields, by response key. */
  relations: Record<string, RelationPageRecord>;
}

interface BuiltStatement {
  text: string;
  params: Record<string, unknown>;
}

/**
 * Statements by the plans object they were built from: the look-ahead hands out the same plans
 * for every request of an operation whose plans do not depend on variables (planOnce in
 * relation-prefetch.ts), so its text is built and compacted once. Keyed as well by what else
 * shapes the text (the root's projection, relationsFitOntology). The parameters are the page
 * sizes and types of the plans, shared read-only; each request adds its own ids.
 */
const statements = new WeakMap<object, Map<string, BuiltStatement>>();

function statementFor(
  plans: Record<string, RelationPlan>,
  entityFields: 'full' | readonly NodeProperty[],
  relationsFitOntology: boolean,
  build: () => BuiltStatement,
): BuiltStatement {
  const key = `${relationsFitOntology}|${entityFields === 'full' ? 'full' : entityFields.join(',')}`;
  let byKey = statements.get(plans);
  if (!byKey) statements.set(plans, (byKey = new Map()));
  let built = byKey.get(key);
  if (!built) byKey.set(key, (built = build()));
  return built;
}

/** The entity's own columns: its whole map, or its id, type and the listed properties as a list. */
function entityColumns(fields: 'full' | readonly NodeProperty[], variable: string): string {
  if (fields === 'full') return `${variable} ${ENTITY_PROJECTION}`;
  for (const property of fields) {
    if (!(NODE_PROPERTIES as readonly string[]).includes(property)) throw new Error(`unknown entity property ${property}`);
  }
  return `[${[`${variable}.id`, `${variable}.type`, ...fields.map((property) => `${variable}.${property}`)].join(', ')}]`;
}

function toEntity(fields: 'full' | readonly NodeProperty[], raw: unknown): EntityRecord {
  if (fields === 'full') return toEntityRecord(toPlain(raw));
  const row = raw as unknown[];
  const values: Record<string, unknown> = { id: row[0], type: row[1] };
  fields.forEach((property, index) => {
    values[property] = toPlain(row[index + 2]);
  });
  return toEntityRecord(values);
}

/**
 * Entities by id (following merges, like loadEntities) together with pages of their relation
 * fields, and the fields nested below those, in one query: what `entity(id) { tactics { … } }`
 * needs. In the order of `ids`, null where no entity exists. `entityFields` is what to read of
 * the entities themselves besides id and type (RelationPlan.nodeFields, for the root): the
 * record's other properties then take their defaults.
 */
export async function loadEntitiesWithRelations(
  store: GraphStore,
  ids: readonly string[],
  plans: Record<string, RelationPlan>,
  entityFields: 'full' | readonly NodeProperty[],
  counter?: QueryCounter,
): Promise<(EntityWithRelationsRecord | null)[]> {
  const planned = Object.entries(plans);
  const { text, params } = statementFor(plans, entityFields, store.relationsFitOntology, () => {
    const statement = newStatement(store);
    const relations = planned.map(([, plan]) => pageExpression(plan, 'n', statement));
    const cypher = compact(`UNWIND $ids AS q
     ${REQUESTED.match}
     WITH q, ${REQUESTED.target} AS i
     MATCH (n:${ENTITY_LABEL} {id: i})
     RETURN q, ${entityColumns(entityFields, 'n')} AS e, [${relations.join(', ')}] AS r`);
    return { text: cypher, params: statement.params };
  });
  const rows = await store.readRaw(text, { ...params, ids }, counter);
  const byRequested = new Map(rows.map((row) => [row[0] as string, row]));
  return ids.map((id) => {
    const row = byRequested.get(id);
    if (!row) return null;
    const entity = toEntity(entityFields, row[1]);
    const raw = (row[2] ?? []) as unknown[];
    const pages: Record<string, RelationPageRecord> = {};
    planned.forEach(([key, plan], index) => {
      pages[key] = toPage(entity.id, raw[index], plan);
    });
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
  }, store.relationsFitOntology);
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
