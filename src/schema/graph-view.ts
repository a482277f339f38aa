import type { GraphQLSchema } from 'graphql';
import { badInput, notFound } from '../errors.js';
import type { EntityType } from '../domain/entities.js';
import type { RelationType } from '../domain/relations.js';
import {
  loadNeighborhood,
  loadShortestPath,
  loadSubgraph,
  type GraphEdgeRecord,
  type GraphNodeRecord,
  type GraphViewRecord,
} from '../store/graph-views.js';
import { builder } from './builder.js';
import type { RequestContext } from './context.js';
import { EntityTypeEnum } from './entity.js';
import { EntityFilterInput, toEntityFilter } from './filters.js';
import { RelationTypeEnum } from './relations.js';

/**
 * Graph views for visualisation: flat `{nodes, edges}` lists that Cytoscape, sigma/graphology
 * or NVL take as they are. Node ids are entity ids; edge ids are `source|TYPE|target`.
 */

const GraphNode = builder.objectRef<GraphNodeRecord>('GraphNode').implement({
  description: 'An entity drawn as a node of a graph view, with what a renderer needs to label and size it.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The entity id (also the argument of `entity`, `node`, `neighborhood`).' }),
    type: t.field({ type: EntityTypeEnum, description: 'The entity type, e.g. for colour or shape.', resolve: (node) => node.type }),
    name: t.exposeString('name', { description: 'Canonical name, for the label.' }),
    label: t.string({ description: 'What to write on the node: its name.', resolve: (node) => node.name }),
    degree: t.exposeInt('degree', { description: 'Relations to other entities, both directions: for sizing.' }),
    generic: t.exposeBoolean('generic', {
      description: 'An unnamed actor ("foreign intelligence services"); present only when includeGeneric asked for it or as a seed.',
    }),
    distance: t.exposeInt('distance', {
      nullable: true,
      description: 'Hops from the nearest seed (neighbourhood) or position on the path (shortestPath).',
    }),
  }),
});

const GraphEdge = builder.objectRef<GraphEdgeRecord>('GraphEdge').implement({
  description: 'A relation drawn as an edge between two nodes of the same view, in its own direction.',
  fields: (t) => ({
    id: t.exposeID('id', { description: '`source|TYPE|target`: the same in every view.' }),
    source: t.exposeID('source', { description: 'Id of the node the relation starts from (one of `nodes`).' }),
    target: t.exposeID('target', { description: 'Id of the node the relation points to (one of `nodes`).' }),
    type: t.field({ type: RelationTypeEnum, description: 'The relation type.', resolve: (edge) => edge.type }),
    label: t.string({ description: 'What to write on the edge: its relation type.', resolve: (edge) => edge.type }),
    weight: t.exposeInt('weight', { description: 'Number of supporting documents.' }),
  }),
});

const GraphView = builder.objectRef<GraphViewRecord>('GraphView').implement({
  description:
    'A flat graph for Cytoscape, sigma/graphology or NVL: each node once, and the edges among them (both ends always in `nodes`).',
  fields: (t) => ({
    nodes: t.field({ type: [GraphNode], description: 'The entities of the view, de-duplicated.', resolve: (view) => view.nodes }),
    edges: t.field({
      type: [GraphEdge],
      description: 'The relations between nodes of the view, de-duplicated, ids stable across views.',
      resolve: (view) => view.edges,
    }),
    truncated: t.exposeBoolean('truncated', { description: 'True when the node limit cut the view short.' }),
    cytoscape: t.field({
      type: 'JSON',
      description:
        'The view as Cytoscape elements, `{nodes: [{data}], edges: [{data}]}`: `cy.add(view.cytoscape)` as it ' +
        'is. Each `data` holds the fields of GraphNode / GraphEdge, `label` included.',
      resolve: (view, _args, _context, info) => toCytoscapeElements(view, enumNames(info.schema)),
    }),
    graphology: t.field({
      type: 'JSON',
      description:
        "The view as graphology's serialised graph (directed, multi): `Graph.from(view.graphology)` or " +
        '`graph.import(…)` as it is. Node and edge attributes hold the fields of GraphNode / GraphEdge, `label` ' +
        'included; no positions (a layout gives them).',
      resolve: (view, _args, _context, info) => toGraphologyGraph(view, enumNames(info.schema)),
    }),
  }),
});

builder.scalarType('JSON', {
  description: 'Any JSON value (the graph views in the shapes of front-end libraries).',
  serialize: (value) => value,
  parseValue: (value) => value,
});

interface EnumNames {
  entityType(value: EntityType): string;
  relationType(value: RelationType): string;
}

/** The enum values as this schema spells them, so the JSON shapes agree with `type` elsewhere. */
function enumNames(schema: GraphQLSchema): EnumNames {
  const spell = (typeName: string, value: string): string => {
    const type = schema.getType(typeName);
    return type && 'serialize' in type ? String(type.serialize(value)) : value;
  };
  return {
    entityType: (value) => spell('EntityType', value),
    relationType: (value) => spell('RelationType', value),
  };
}

function nodeFields(node: GraphNodeRecord, names: EnumNames) {
  return {
    id: node.id,
    label: node.name,
    type: names.entityType(node.type),
    name: node.name,
    degree: node.degree,
    generic: node.generic,
    distance: node.distance,
  };
}

function edgeFields(edge: GraphEdgeRecord, names: EnumNames) {
  const type = names.relationType(edge.type);
  return { id: edge.id, source: edge.source, target: edge.target, label: type, type, weight: edge.weight };
}

export function toCytoscapeElements(view: GraphViewRecord, names: EnumNames) {
  return {
    nodes: view.nodes.map((node) => ({ data: nodeFields(node, names) })),
    edges: view.edges.map((edge) => ({ data: edgeFields(edge, names) })),
  };
}

export function toGraphologyGraph(view: GraphViewRecord, names: EnumNames) {
  return {
    // Two relation types can join the same pair: a multi graph; edges keep their stable ids as keys.
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    attributes: {},
    nodes: view.nodes.map((node) => {
      const { id, ...attributes } = nodeFields(node, names);
      return { key: id, attributes };
    }),
    edges: view.edges.map((edge) => {
      const { id, source, target, ...attributes } = edgeFields(edge, names);
      return { key: id, source, target, attributes };
    }),
  };
}

function checkLimit(limit: number | null | undefined, context: RequestContext, fallback: number): number {
  const max = context.config.limits.maxGraphNodes;
  const value = limit ?? Math.min(fallback, max);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw badInput(`limit must be from 1 to ${max}, got ${value}`, { field: 'limit', max });
  }
  return value;
}

builder.queryFields((t) => ({
  neighborhood: t.field({
    type: GraphView,
    description:
      'Entities within `depth` hops of the seeds and the relations among them, nearest first. Generic ' +
      'entities are stepped over unless includeGeneric is true; documents never take part.',
    args: {
      ids: t.arg.idList({ required: true, description: 'Seed entity ids.' }),
      depth: t.arg.int({ defaultValue: 1, description: 'Hops, 1 to 3.' }),
      relationTypes: t.arg({ type: [RelationTypeEnum], description: 'Walk only these relations (default: all).' }),
      types: t.arg({ type: [EntityTypeEnum], description: 'Show and walk through only these types (default: all).' }),
      limit: t.arg.int({ description: 'Most nodes (default 200, at most the configured maximum).' }),
      includeGeneric: t.arg.boolean({
        defaultValue: false,
        description: 'Walk through unnamed actors too (they link unrelated entities, hence off by default).',
      }),
    },
    resolve: async (_root, args, context) => {
      const maxDepth = context.config.limits.maxNeighborhoodDepth;
      const depth = args.depth ?? 1;
      if (depth < 1 || depth > maxDepth) {
        throw badInput(`depth must be from 1 to ${maxDepth}, got ${depth}`, { field: 'depth', max: maxDepth });
      }
      if (args.ids.length === 0 || args.ids.length > 50) {
        throw badInput(`ids: give 1 to 50 seed ids, got ${args.ids.length}`, { field: 'ids' });
      }
      const view = await loadNeighborhood(
        context.store,
        {
          ids: args.ids,
          depth,
          relationTypes: (args.relationTypes as RelationType[] | null | undefined) ?? null,
          types: (args.types as EntityType[] | null | undefined) ?? null,
          limit: checkLimit(args.limit, context, 200),
          includeGeneric: args.includeGeneric ?? false,
        },
        context.queries,
      );
      if (view.nodes.length === 0) {
        throw notFound('Entity', args.ids.join(', '));
      }
      return view;
    },
  }),
  subgraph: t.field({
    type: GraphView,
    description:
      'The entities a filter selects, best connected first (most relations to other entities, the count ' +
      'stored with each entity and indexed: with no search or document filter only the best connected ' +
      '`limit` + 1 are read, not the whole graph), and the relations among them; `truncated` when more ' +
      'entities matched. Generic entities are left out unless filter.includeGeneric is true.',
    args: {
      filter: t.arg({ type: EntityFilterInput, description: 'Which entities to show (default: all named ones).' }),
      relationTypes: t.arg({ type: [RelationTypeEnum], description: 'Only these relations (default: all).' }),
      limit: t.arg.int({ description: 'Most nodes (default 200, at most the configured maximum).' }),
    },
    resolve: (_root, args, context) =>
      loadSubgraph(
        context.store,
        {
          filter: toEntityFilter(args.filter),
          relationTypes: (args.relationTypes as RelationType[] | null | undefined) ?? null,
          limit: checkLimit(args.limit, context, 200),
        },
        context.queries,
      ),
  }),
  shortestPath: t.field({
    type: GraphView,
    nullable: true,
    description:
      'One shortest chain of relations between two entities, either direction, nodes in path order; null ' +
      'when none is within maxDepth. Generic entities are stepped over unless includeGeneric is true.',
    args: {
      from: t.arg.id({ required: true, description: 'Entity id the path starts from; NOT_FOUND when there is none.' }),
      to: t.arg.id({ required: true, description: 'Entity id the path ends at; NOT_FOUND when there is none.' }),
      maxDepth: t.arg.int({ description: 'Longest path to look for (default and maximum: the configured limit).' }),
      relationTypes: t.arg({ type: [RelationTypeEnum], description: 'Walk only these relations (default: all).' }),
      includeGeneric: t.arg.boolean({
        defaultValue: false,
        description: 'Allow paths through unnamed actors (they link unrelated entities, hence off by default).',
      }),
    },
    resolve: async (_root, args, context) => {
      const max = context.config.limits.maxPathDepth;
      const maxDepth = args.maxDepth ?? max;
      if (maxDepth < 1 || maxDepth > max) {
        throw badInput(`maxDepth must be from 1 to ${max}, got ${maxDepth}`, { field: 'maxDepth', max });
      }
      const result = await loadShortestPath(
        context.store,
        {
          from: args.from,
          to: args.to,
          maxDepth,
          relationTypes: (args.relationTypes as RelationType[] | null | undefined) ?? null,
          includeGeneric: args.includeGeneric ?? false,
        },
        context.queries,
      );
      if (!result.fromExists) throw notFound('Entity', args.from);
      if (!result.toExists) throw notFound('Entity', args.to);
      return result.path;
    },
  }),
}));
