import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  getNullableType,
  isCompositeType,
  isLeafType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * What an operation costs, computed once its variables are known (so `first: $n` counts as much
 * as `first: 100`): every field costs its weight (a scalar 1, an object 2, a field that fetches
 * more, see FIELD_WEIGHTS) times the number of items it is resolved for, and a list multiplies
 * the items below it by its size: `first`/`last`/`limit` when given, the length of `ids`, the
 * default page of a connection, or LIST_ESTIMATE for a list with no bound in its arguments.
 * Fragments are expanded where they are spread, whatever their type condition.
 */

/** Fields whose resolution reads much more than a property: their weight per item. */
export const FIELD_WEIGHTS: Record<string, number> = {
  // The whole text of a document: kilobytes, as much as hundreds of small fields.
  'Document.text': 500,
  // A sentence cut from its document's text inside Neo4j (the text is read there, not sent).
  'Evidence.text': 5,
  // CPU-bound extraction of a text in a worker.
  'Query.extract': 500,
  // Graph traversals whose answer is already bounded by their own `limit`.
  'Query.neighborhood': 20,
  'Query.subgraph': 20,
  'Query.shortestPath': 50,
  'Query.search': 10,
  'Query.stats': 20,
};

/** Items assumed for a list whose arguments set no bound (aliases, mentions, evidence…). */
export const LIST_ESTIMATE = 10;
/** Items of a connection when `first` is not given (the resolvers' default page). */
export const DEFAULT_PAGE = 20;
/** Nodes of a graph view when `limit` is not given (the resolvers' default). */
export const DEFAULT_GRAPH_NODES = 200;

const PAGE_ARGUMENTS = ['first', 'last', 'limit'] as const;

/**
 * The cost of the operation `operationName` of `document`, or null when its variables do not
 * coerce (execution then answers with that error itself).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
): number | null {
  const prepared = prepare(schema, document, operationName, rawVariables);
  return prepared && prepared.walk();
}

/**
 * operationCost, remembered per document: Yoga's parser cache hands out the same DocumentNode for
 * the same query text, so a repeated operation is walked once per shape of its variables (what
 * of them the cost depends on, see VariableUse), not once per request. A compiled rule, not a
 * cache of data: the answer is the walk's, whatever the graph holds.
 */
export function cachedOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
): number | null {
  const prepared = prepare(schema, document, operationName, rawVariables);
  if (!prepared) return null;
  const { operation, variables } = prepared;
  let bySchema = costCache.get(schema);
  if (!bySchema) costCache.set(schema, (bySchema = new WeakMap()));
  let known = bySchema.get(operation);
  if (!known) bySchema.set(operation, (known = { uses: variableUses(document, operation), costs: new Map() }));
  const key = variablesKey(known.uses, variables);
  let cost = known.costs.get(key);
  if (cost === undefined) {
    cost = prepared.walk();
    // Bounded: an operation sent with ever new page sizes only walks more often.
    if (known.costs.size >= MAX_COSTS_PER_OPERATION) known.costs.clear();
    known.costs.set(key, cost);
  }
  return cost;
}

function prepare(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
) {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName ? operations.find((op) => op.name?.value === operationName) : operations[0];
  if (!operation) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return null;
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return null;
  const variables = coerced.coerced;
  const walk = () => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    return new CostWalker(schema, fragments, variables).selectionSet(root, operation.selectionSet, 1, new Set());
  };
  return { operation, variables, walk };
}

/**
 * How a variable can change the walk, which reads variables only through the arguments of fields
 * with a selection set. `size`: it is the value of a page argument (first, last, limit: its
 * value; ids: its length). `presence`: it stands anywhere else in such arguments, where only its
 * being null or absent changes the walk (the arguments then fail to coerce and the field counts
 * with its defaults). A variable used nowhere there does not change the cost.
 */
type VariableUse = 'size' | 'presence';

const MAX_COSTS_PER_OPERATION = 64;
const costCache = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, { uses: Map<string, VariableUse>; costs: Map<string, number> }>>();

function variableUses(document: DocumentNode, operation: OperationDefinitionNode): Map<string, VariableUse> {
  const uses = new Map<string, VariableUse>();
  const note = (value: ValueNode, use: VariableUse) => {
    if (value.kind === Kind.VARIABLE) {
      if (uses.get(value.name.value) !== 'size') uses.set(value.name.value, use);
    } else if (value.kind === Kind.LIST) {
      for (const item of value.values) note(item, 'presence');
    } else if (value.kind === Kind.OBJECT) {
      for (const field of value.fields) note(field.value, 'presence');
    }
  };
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD && selection.selectionSet) {
        for (const argument of selection.arguments ?? []) {
          note(argument.value, SIZE_ARGUMENTS.has(argument.name.value) ? 'size' : 'presence');
        }
        visit(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      }
    }
  };
  // The operation and every fragment of the document: a superset of what the walk reads, which
  // at worst adds a needless part to the key.
  visit(operation.selectionSet);
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition.selectionSet);
  }
  return uses;
}

const SIZE_ARGUMENTS = new Set<string>([...PAGE_ARGUMENTS, 'ids']);

function variablesKey(uses: Map<string, VariableUse>, variables: Record<string, unknown>): string {
  let key = '';
  for (const [name, use] of uses) {
    const value = variables[name];
    const part =
      use === 'size'
        ? Array.isArray(value)
          ? `[${value.length}]`
          : JSON.stringify(value ?? null)
        : value === undefined
          ? 'u'
          : value === null
            ? 'n'
            : 'v';
    key += `${name}=${part};`;
  }
  return key;
}

class CostWalker {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
  ) {}

  selectionSet(parent: GraphQLCompositeType, selectionSet: SelectionSetNode, items: number, spread: Set<string>): number {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__')) continue; // __typename is free; introspection is its own switch
        const field = fieldOf(parent, name);
        if (!field) continue; // validation reports it
        cost += this.field(parent, field, selection, items, spread);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? this.schema.getType(selection.typeCondition.name.value)
          : parent;
        if (!condition || !isCompositeType(condition)) continue;
        cost += this.selectionSet(condition, selection.selectionSet, items, spread);
      } else {
        const name = selection.name.value;
        const fragment = this.fragments.get(name);
        if (!fragment || spread.has(name)) continue; // cycles are refused by validation
        const condition = this.schema.getType(fragment.typeCondition.name.value);
        if (!condition || !isCompositeType(condition)) continue;
        cost += this.selectionSet(condition, fragment.selectionSet, items, new Set([...spread, name]));
      }
    }
    return cost;
  }

  private field(
    parent: GraphQLCompositeType,
    field: GraphQLField<unknown, unknown>,
    node: FieldNode,
    items: number,
    spread: Set<string>,
  ): number {
    const named = getNamedType(field.type);
    const weight = FIELD_WEIGHTS[`${parent.name}.${field.name}`] ?? (isLeafType(named) ? 1 : 2);
    let cost = weight * items;
    if (!node.selectionSet || !isCompositeType(named)) return cost;
    let args: Record<string, unknown> = {};
    try {
      args = getArgumentValues(field, node, this.variables);
    } catch {
      // Bad arguments are reported by execution; count the field with its defaults.
    }
    cost += this.selectionSet(named, node.selectionSet, items * itemsOf(parent, field, args), spread);
    return cost;
  }
}

function fieldOf(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name];
  return undefined; // a union has no fields of its own but __typename
}

/** How many items a field returns for each of its parent's. */
function itemsOf(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  for (const name of PAGE_ARGUMENTS) {
    const value = args[name];
    if (typeof value === 'number' && value >= 0) return Math.max(1, value);
  }
  if (Array.isArray(args.ids)) return Math.max(1, args.ids.length);
  const named = getNamedType(field.type);
  if (named.name.endsWith('Connection')) return DEFAULT_PAGE;
  if (named.name === 'GraphView') return DEFAULT_GRAPH_NODES;
  // The lists of a connection or a graph view are the page their field already counted.
  if (isBoundedBy(parent)) return 1;
  return isListType(getNullableType(field.type)) ? LIST_ESTIMATE : 1;
}

/** Types whose lists are the page their parent field already counted. */
function isBoundedBy(parent: GraphQLCompositeType): boolean {
  return parent.name.endsWith('Connection') || parent.name === 'GraphView';
}
