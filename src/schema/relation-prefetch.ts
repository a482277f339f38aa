import { getArgumentValues, isInterfaceType, isObjectType } from 'graphql';
import type { FieldNode, GraphQLField, GraphQLResolveInfo, SelectionSetNode, ValueNode } from 'graphql';
import { createContextCache } from '@pothos/core';
import type { NodeProperty, RelationPlan, RelationSelection } from '../store/relations.js';

/**
 * Look-ahead for relation connections. When a relation field loads its batch, it also reads the
 * relation fields nested under its nodes (`agency { tactics { edges { node { targets { … } } } } }`)
 * in the same Cypher query, and leaves their pages here for the nested fields' loaders, which
 * then make no query at all. The loaders stay the source of truth: whatever the look-ahead cannot
 * read exactly as the nested field would (directives, arguments it cannot evaluate, unknown
 * fields), it leaves out, and that field loads itself, still one query per level.
 */

export type RelationArgs = Record<string, unknown>;

interface RelationFieldSpec {
  /** The selection for the field's arguments (defaults applied). */
  selection: (args: RelationArgs) => RelationSelection;
  defaults: RelationArgs;
  /** GraphQL type of the nodes: a concrete entity type, or null for the Entity interface. */
  nodeType: string | null;
}

/** `Agency.tactics` -> spec; `*.related` for fields every entity has. */
const relationFields = new Map<string, RelationFieldSpec>();
/** Names of every relation field, whatever its type: they resolve from the entity's id alone. */
const relationFieldNames = new Set<string>();

export function registerRelationField(ownerType: string, fieldName: string, spec: RelationFieldSpec): void {
  relationFields.set(`${ownerType}.${fieldName}`, spec);
  relationFieldNames.add(fieldName);
}

/** Prefetched connections of this request, by `pathKey|ownerId`. */
export const prefetchedPages = createContextCache(() => new Map<string, unknown>());

/** A field's place in the query with list indexes as `*`: the same key Pothos gives byPath loaders. */
export function pathKey(path: GraphQLResolveInfo['path']): string {
  let key = String(path.key);
  let current = path.prev;
  while (current) {
    key = `${typeof current.key === 'number' ? '*' : current.key}.${key}`;
    current = current.prev;
  }
  return key;
}

/** Deepest look-ahead below the field that loads. */
const MAX_LOOKAHEAD = 3;

class CannotEvaluate extends Error {}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case 'IntValue':
      return Number.parseInt(node.value, 10);
    case 'StringValue':
    case 'EnumValue':
      return node.value;
    case 'BooleanValue':
      return node.value;
    case 'NullValue':
      return null;
    case 'ListValue':
      return node.values.map((value) => valueOf(value, variables));
    case 'Variable':
      return variables[node.name.value];
    default:
      throw new CannotEvaluate();
  }
}

/** The field's arguments as the resolver would get them (defaults for the ones not given). */
function argumentsOf(
  field: FieldNode,
  defaults: RelationArgs,
  variables: Record<string, unknown>,
  definition: GraphQLField<unknown, unknown> | undefined,
): RelationArgs {
  // Through the schema when the field is known: enum literals become their internal values
  // (`TACTIC` -> `Tactic`), as the resolver gets them.
  if (definition) return { ...defaults, ...getArgumentValues(definition, field, variables) };
  const args: RelationArgs = { ...defaults };
  for (const argument of field.arguments ?? []) {
    const value = valueOf(argument.value, variables);
    // An absent variable leaves the default, as GraphQL does.
    if (value !== undefined) args[argument.name.value] = value;
  }
  return args;
}

/** The schema's definition of a relation field on `nodeType` (null: the Entity interface). */
function fieldDefinition(info: GraphQLResolveInfo, nodeType: string | null, name: string) {
  const type = info.schema.getType(nodeType ?? 'Entity');
  return type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[name] : undefined;
}

/**
 * Fields of a selection set for an object of `typeName` (null: the Entity interface), grouped by
 * response key, through inline fragments and fragment spreads that apply. A field under a
 * directive is dropped: it loads itself.
 */
function fieldsByKey(
  selectionSets: readonly SelectionSetNode[],
  typeName: string | null,
  info: GraphQLResolveInfo,
  out = new Map<string, FieldNode[]>(),
): Map<string, FieldNode[]> {
  const applies = (condition: string | undefined) =>
    condition === undefined || condition === typeName || condition === 'Entity' || condition === 'Node';
  for (const selectionSet of selectionSets) {
    for (const selection of selectionSet.selections) {
      if (selection.directives?.length) continue;
      if (selection.kind === 'Field') {
        const key = selection.alias?.value ?? selection.name.value;
        out.set(key, [...(out.get(key) ?? []), selection]);
      } else if (selection.kind === 'InlineFragment') {
        if (applies(selection.typeCondition?.name.value)) fieldsByKey([selection.selectionSet], typeName, info, out);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment && applies(fragment.typeCondition.name.value)) {
          fieldsByKey([fragment.selectionSet], typeName, info, out);
        }
      }
    }
  }
  return out;
}

const subSelections = (fields: readonly FieldNode[]) =>
  fields.map((field) => field.selectionSet).filter((set): set is SelectionSetNode => set !== undefined);

/**
 * Plans for the relation fields selected directly on an entity of `nodeType` (null: the Entity
 * interface), by response key, each with the plans below its own nodes.
 */
export function relationPlansIn(
  entityFields: readonly FieldNode[],
  nodeType: string | null,
  info: GraphQLResolveInfo,
  pageOf: (args: RelationArgs) => RelationPlan['page'],
  depth = 1,
): Record<string, RelationPlan> {
  const plans: Record<string, RelationPlan> = {};
  if (depth > MAX_LOOKAHEAD) return plans;
  const variables = info.variableValues as Record<string, unknown>;
  for (const [fieldKey, fields] of fieldsByKey(subSelections(entityFields), nodeType, info)) {
    const name = fields[0]!.name.value;
    if (fields.some((field) => field.name.value !== name)) continue;
    const spec = (nodeType && relationFields.get(`${nodeType}.${name}`)) || relationFields.get(`*.${name}`);
    if (!spec) continue;
    try {
      const args = argumentsOf(fields[0]!, spec.defaults, variables, fieldDefinition(info, nodeType, name));
      plans[fieldKey] = {
        selection: spec.selection(args),
        page: pageOf(args),
        children: plansBelow(fields, spec.nodeType, info, pageOf, depth + 1),
        // projectPlans narrows these once the whole plan is known.
        nodeFields: 'full',
        support: true,
        weight: true,
      };
    } catch {
      // Not exactly evaluable here: the field loads itself (and reports its own errors).
    }
  }
  return plans;
}

/**
 * Plans for the relation fields under `edges { node { … } }` of a connection field, keyed by
 * their path below it (`edges.*.node.targets`), recursively. `pageOf` turns arguments into a
 * page and throws on bad ones (then that field is left to load itself and report the error).
 */
export function plansBelow(
  connectionFields: readonly FieldNode[],
  nodeType: string | null,
  info: GraphQLResolveInfo,
  pageOf: (args: RelationArgs) => RelationPlan['page'],
  depth = 1,
): Record<string, RelationPlan> {
  const plans: Record<string, RelationPlan> = {};
  if (depth > MAX_LOOKAHEAD) return plans;
  for (const [edgesKey, edgesFields] of fieldsByKey(subSelections(connectionFields), null, info)) {
    if (edgesFields.some((field) => field.name.value !== 'edges')) continue;
    for (const [nodeKey, nodeFields] of fieldsByKey(subSelections(edgesFields), null, info)) {
      if (nodeFields.some((field) => field.name.value !== 'node')) continue;
      for (const [fieldKey, plan] of Object.entries(relationPlansIn(nodeFields, nodeType, info, pageOf, depth))) {
        plans[`${edgesKey}.*.${nodeKey}.${fieldKey}`] = plan;
      }
    }
  }
  return plans;
}

/**
 * Every field of the selection sets, through every fragment whatever its type condition and
 * whatever its directives: a superset of what any object there resolves, which is what deciding
 * what may be left unread needs.
 */
function allFields(selectionSets: readonly SelectionSetNode[], info: GraphQLResolveInfo, out: FieldNode[] = []): FieldNode[] {
  for (const selectionSet of selectionSets) {
    for (const selection of selectionSet.selections) {
      if (selection.kind === 'Field') out.push(selection);
      else if (selection.kind === 'InlineFragment') allFields([selection.selectionSet], info, out);
      else {
        const fragment = info.fragments[selection.name.value];
        if (fragment) allFields([fragment.selectionSet], info, out);
      }
    }
  }
  return out;
}

const responseKey = (field: FieldNode) => field.alias?.value ?? field.name.value;

/**
 * Every field node of the operation at a path of response keys (`entity.tactics.edges.*.node.targets`,
 * list indexes as `*`), whatever the types and fragments on the way: the field nodes of every
 * object a byPath loader or a prefetched page at that path serves, and possibly more.
 */
function fieldsAtPath(info: GraphQLResolveInfo, path: string): FieldNode[] {
  let fields: FieldNode[] | null = null;
  for (const key of path.split('.')) {
    if (key === '*') continue;
    const sets: readonly SelectionSetNode[] = fields === null ? [info.operation.selectionSet] : subSelections(fields);
    fields = allFields(sets, info).filter((field) => responseKey(field) === key);
  }
  return fields ?? [];
}

/** Edge fields that need neither the node beyond its id nor the relation's docIds/evidence. */
const LIGHT_EDGE_FIELDS = new Set(['cursor', 'type', 'direction', 'weight', '__typename']);
/** Connection fields that read nothing of the edges' nodes or support. */
const LIGHT_CONNECTION_FIELDS = new Set(['pageInfo', 'totalCount', '__typename']);
/**
 * The stored properties each entity field resolves from, besides id and type (which every read
 * returns). Fields that load through their own loader by id (counts, documents, mentions, relation
 * fields) need none. A field not listed here makes the node read whole.
 */
const NODE_FIELD_PROPERTIES: Record<string, readonly NodeProperty[]> = {
  id: [],
  __typename: [],
  type: [],
  name: ['name'],
  aliases: ['aliases', 'aliasLanguages'],
  generic: ['generic'],
  date: ['date'],
  datePrecision: ['datePrecision'],
  mentionCount: [],
  documentCount: [],
  degree: [],
  documents: [],
  mentions: [],
};

/**
 * What to read of entities whose selections are `entityFields` (every field node of every object
 * they resolve): the stored properties those fields resolve from (NODE_FIELD_PROPERTIES;
 * relation fields need only the id), or the whole entity when anything else is selected.
 */
function entityProjectionOf(entityFields: readonly FieldNode[], info: GraphQLResolveInfo): RelationPlan['nodeFields'] {
  const properties = new Set<NodeProperty>();
  for (const nodeField of allFields(subSelections(entityFields), info)) {
    const nodeName = nodeField.name.value;
    const needs = Object.hasOwn(NODE_FIELD_PROPERTIES, nodeName) ? NODE_FIELD_PROPERTIES[nodeName] : undefined;
    if (needs) for (const property of needs) properties.add(property);
    else if (!relationFieldNames.has(nodeName)) return 'full';
  }
  return [...properties].sort();
}

/**
 * What `entity(id)` at `path` needs read of the entity itself besides its id and type, from
 * every field node of the operation at that path.
 */
export function rootEntityProjection(path: string, info: GraphQLResolveInfo): RelationPlan['nodeFields'] {
  return entityProjectionOf(fieldsAtPath(info, path), info);
}

/**
 * What a connection selected by `connectionFields` needs read of each edge: of its nodes, what
 * entityProjectionOf says; the relation's support only when an edge field other than
 * cursor/type/direction/weight is selected; its weight only when `weight` (or anything unknown)
 * is selected (the order reads it anyway, but it need not travel).
 */
function projectionOf(
  connectionFields: readonly FieldNode[],
  info: GraphQLResolveInfo,
): Pick<RelationPlan, 'nodeFields' | 'support' | 'weight'> {
  let whole = false;
  const properties = new Set<NodeProperty>();
  let support = false;
  let weight = false;
  for (const field of allFields(subSelections(connectionFields), info)) {
    const name = field.name.value;
    if (name === 'edges') {
      for (const edgeField of allFields(subSelections([field]), info)) {
        const edgeName = edgeField.name.value;
        if (edgeName === 'node') {
          const nodeFields = entityProjectionOf([edgeField], info);
          if (nodeFields === 'full') whole = true;
          else for (const property of nodeFields) properties.add(property);
        } else if (edgeName === 'weight') {
          weight = true;
        } else if (!LIGHT_EDGE_FIELDS.has(edgeName)) {
          support = true;
          weight = true;
        }
      }
    } else if (!LIGHT_CONNECTION_FIELDS.has(name)) {
      whole = true;
      support = true;
      weight = true;
    }
  }
  return { nodeFields: whole ? 'full' : [...properties].sort(), support, weight };
}

/**
 * Sets what each plan reads (RelationPlan.nodeFields and support), from every field node of the
 * operation at its path: `basePath` is the path of the object the plans hang from (the entity, or
 * for a connection's own children the connection), `plans` keyed by paths relative to it.
 */
export function projectPlans(plans: Record<string, RelationPlan>, basePath: string, info: GraphQLResolveInfo): void {
  for (const [key, plan] of Object.entries(plans)) {
    const path = basePath ? `${basePath}.${key}` : key;
    Object.assign(plan, projectionOf(fieldsAtPath(info, path), info));
    projectPlans(plan.children, path, info);
  }
}

/** Whether a selection set, through its fragments, holds a variable anywhere (arguments, directives). */
function holdsVariables(selectionSets: readonly SelectionSetNode[], info: GraphQLResolveInfo, seen = new Set<string>()): boolean {
  const inValue = (value: ValueNode): boolean =>
    value.kind === 'Variable' ||
    (value.kind === 'ListValue' && value.values.some(inValue)) ||
    (value.kind === 'ObjectValue' && value.fields.some((field) => inValue(field.value)));
  for (const selectionSet of selectionSets) {
    for (const selection of selectionSet.selections) {
      if (selection.directives?.some((directive) => directive.arguments?.some((argument) => inValue(argument.value)))) return true;
      if (selection.kind === 'Field') {
        if (selection.arguments?.some((argument) => inValue(argument.value))) return true;
        if (selection.selectionSet && holdsVariables([selection.selectionSet], info, seen)) return true;
      } else if (selection.kind === 'InlineFragment') {
        if (holdsVariables([selection.selectionSet], info, seen)) return true;
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = info.fragments[selection.name.value];
        if (fragment && holdsVariables([fragment.selectionSet], info, seen)) return true;
      }
    }
  }
  return false;
}

const variableFree = new WeakMap<FieldNode, boolean>();

/**
 * What a field's look-ahead plans come from when they cannot change from one request to the
 * next: the field nodes (one parsed document: Yoga's parser cache hands out the same nodes for
 * the same query text), and nothing below them that reads a variable. Then `build`'s result
 * (plans, projections) is kept per field node and `key` (what else it depends on: the entity
 * type, the path, the page-size limit) instead of being walked again for every request. A
 * compiled plan, not a cache of data: nothing read from the graph is kept.
 */
const constantPlans = new WeakMap<FieldNode, Map<string, unknown>>();
const MAX_PLANS_PER_FIELD = 64;

export function planOnce<T>(info: GraphQLResolveInfo, key: string, build: () => T): T {
  const field = info.fieldNodes[0]!;
  let free = variableFree.get(field);
  if (free === undefined) {
    free = !holdsVariables(subSelections(info.fieldNodes), info);
    variableFree.set(field, free);
  }
  if (!free) return build();
  let byKey = constantPlans.get(field);
  if (!byKey) constantPlans.set(field, (byKey = new Map()));
  if (byKey.has(key)) return byKey.get(key) as T;
  const built = build();
  if (byKey.size >= MAX_PLANS_PER_FIELD) byKey.clear();
  byKey.set(key, built);
  return built;
}
