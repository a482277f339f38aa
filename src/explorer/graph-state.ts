import { MultiDirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { EntityType, ExplorerGraphViewFragment, RelationType } from './gql/graphql.js';

/**
 * The graph on screen: a graphology graph that views from the API merge into by their stable ids
 * (entity ids, `source|TYPE|target` edge ids), so nothing shows twice; plus the filters that
 * decide what is drawn.
 */

export const ENTITY_STYLE: Record<EntityType, { color: string; label: string }> = {
  AGENCY: { color: '#c0392b', label: 'Agency' },
  LAW: { color: '#d68910', label: 'Law' },
  TACTIC: { color: '#16a085', label: 'Tactic' },
  TARGET_GROUP: { color: '#2e6da4', label: 'Target group' },
  EVENT: { color: '#7d3c98', label: 'Event' },
};

export const RELATION_LABEL: Record<RelationType, string> = {
  ISSUED: 'issued',
  WARNS: 'warns',
  USES: 'uses',
  TARGETS: 'targets',
  ENFORCES: 'enforces',
  ENACTED: 'enacted',
  INVOLVES: 'involves',
  REPORTED_BY: 'reported by',
  PART_OF: 'part of',
};

export const ENTITY_TYPES = Object.keys(ENTITY_STYLE) as EntityType[];
export const RELATION_TYPES = Object.keys(RELATION_LABEL) as RelationType[];

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  entityType: EntityType;
  degree: number;
  generic: boolean;
  /** Events and laws: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, once known. */
  date: string | null;
}

export interface EdgeAttributes {
  size: number;
  color: string;
  label: string;
  relationType: RelationType;
  weight: number;
}

export type ExplorerGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;
export type GraphViewData = ExplorerGraphViewFragment;

export function createGraph(): ExplorerGraph {
  return new MultiDirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops: true });
}

/** Node size from degree: area grows with the number of relations. */
export function nodeSize(degree: number): number {
  return Math.min(4 + 2.2 * Math.sqrt(degree), 22);
}

/** Edge width from support: the number of documents behind the relation. */
export function edgeSize(weight: number): number {
  return Math.min(1 + 1.6 * Math.log2(Math.max(weight, 1)), 7);
}

export const EDGE_COLOR = '#b8bec6';

/**
 * Adds what is new in a view and refreshes what is known; new nodes start on a ring around
 * `anchor` (the node being expanded) so the layout moves them little. Returns the new node ids.
 */
export function mergeView(graph: ExplorerGraph, view: GraphViewData, anchor?: string): string[] {
  const added: string[] = [];
  const origin = anchor && graph.hasNode(anchor) ? graph.getNodeAttributes(anchor) : null;
  const fresh = view.nodes.filter((node) => !graph.hasNode(node.id));
  const radius = origin ? 1 + Math.sqrt(fresh.length) : 10 + Math.sqrt(fresh.length) * 4;
  fresh.forEach((node, index) => {
    const angle = (2 * Math.PI * index) / Math.max(fresh.length, 1) + Math.random() * 0.3;
    const r = radius * (0.6 + Math.random() * 0.4);
    graph.addNode(node.id, {
      x: (origin?.x ?? 0) + r * Math.cos(angle),
      y: (origin?.y ?? 0) + r * Math.sin(angle),
      size: nodeSize(node.degree),
      color: ENTITY_STYLE[node.type].color,
      label: node.name,
      entityType: node.type,
      degree: node.degree,
      generic: node.generic,
      date: null,
    });
    added.push(node.id);
  });
  for (const node of view.nodes) {
    if (added.includes(node.id)) continue;
    graph.mergeNodeAttributes(node.id, { label: node.name, degree: node.degree, size: nodeSize(node.degree) });
  }
  for (const edge of view.edges) {
    if (graph.hasEdge(edge.id) || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.addEdgeWithKey(edge.id, edge.source, edge.target, {
      size: edgeSize(edge.weight),
      color: EDGE_COLOR,
      label: RELATION_LABEL[edge.type],
      relationType: edge.type,
      weight: edge.weight,
    });
  }
  return added;
}

/**
 * A few ForceAtlas2 passes from the current positions, fewer as the graph grows so an expansion
 * stays well under a second.
 */
export function relayout(graph: ExplorerGraph): void {
  const iterations = graph.order < 300 ? 80 : graph.order < 1500 ? 20 : graph.order < 4000 ? 5 : 0;
  if (iterations === 0 || graph.order < 2) return;
  forceAtlas2.assign(graph, {
    iterations,
    settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 400, adjustSizes: false },
  });
}

/** [first ms, last ms] of a partial date: `2024` covers the whole year. */
export function dateSpan(date: string): [number, number] | null {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) - 1 : null;
  const day = match[3] ? Number(match[3]) : null;
  if (month === null) return [Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1) - 1];
  if (day === null) return [Date.UTC(year, month, 1), Date.UTC(year, month + 1, 1) - 1];
  return [Date.UTC(year, month, day), Date.UTC(year, month, day + 1) - 1];
}

export interface Filters {
  hiddenEntityTypes: Set<EntityType>;
  hiddenRelationTypes: Set<RelationType>;
  showGeneric: boolean;
  /** Brushed on the timeline: dated nodes outside it are hidden (undated ones stay). */
  dateRange: [number, number] | null;
}

export function isNodeShown(attributes: NodeAttributes, filters: Filters): boolean {
  if (filters.hiddenEntityTypes.has(attributes.entityType)) return false;
  if (attributes.generic && !filters.showGeneric) return false;
  if (filters.dateRange && attributes.date) {
    const span = dateSpan(attributes.date);
    if (span && (span[1] < filters.dateRange[0] || span[0] > filters.dateRange[1])) return false;
  }
  return true;
}

export function isEdgeShown(graph: ExplorerGraph, edge: string, filters: Filters): boolean {
  if (filters.hiddenRelationTypes.has(graph.getEdgeAttribute(edge, 'relationType'))) return false;
  return (
    isNodeShown(graph.getSourceAttributes(edge), filters) && isNodeShown(graph.getTargetAttributes(edge), filters)
  );
}

/** Beyond this many edges, only the best supported ones between well-connected nodes are drawn. */
export const EDGE_BUDGET = 3000;

/** The edges left out when the view is large (those touching the selection are drawn anyway). */
export function thinnedEdges(graph: ExplorerGraph): Set<string> {
  if (graph.size <= EDGE_BUDGET) return new Set();
  const ranked = graph.mapEdges((edge, attributes, _source, _target, sourceAttributes, targetAttributes) => ({
    edge,
    rank: attributes.weight * 1000 + Math.min(sourceAttributes.degree, targetAttributes.degree),
  }));
  ranked.sort((a, b) => b.rank - a.rank);
  return new Set(ranked.slice(EDGE_BUDGET).map((entry) => entry.edge));
}

/** The shown part of the graph, with positions, as graphology's serialised graph (the API's shape). */
export function visibleSubgraph(graph: ExplorerGraph, filters: Filters) {
  const nodes = graph
    .filterNodes((_node, attributes) => isNodeShown(attributes, filters))
    .map((node) => {
      const a = graph.getNodeAttributes(node);
      return {
        key: node,
        attributes: {
          label: a.label,
          type: a.entityType,
          degree: a.degree,
          generic: a.generic,
          date: a.date,
          x: a.x,
          y: a.y,
          color: a.color,
          size: a.size,
        },
      };
    });
  const edges = graph
    .filterEdges((edge) => isEdgeShown(graph, edge, filters))
    .map((edge) => {
      const a = graph.getEdgeAttributes(edge);
      return {
        key: edge,
        source: graph.source(edge),
        target: graph.target(edge),
        attributes: { label: a.relationType, type: a.relationType, weight: a.weight },
      };
    });
  return { options: { type: 'directed', multi: true, allowSelfLoops: true }, attributes: {}, nodes, edges };
}

const xml = (value: string) =>
  value.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** GraphML of the shown part (Gephi, yEd, Cytoscape desktop and NetworkX read it). */
export function toGraphML(view: ReturnType<typeof visibleSubgraph>): string {
  const nodeKeys: [string, string][] = [
    ['label', 'string'],
    ['type', 'string'],
    ['degree', 'int'],
    ['generic', 'boolean'],
    ['date', 'string'],
    ['x', 'double'],
    ['y', 'double'],
    ['color', 'string'],
  ];
  const edgeKeys: [string, string][] = [
    ['label', 'string'],
    ['type', 'string'],
    ['weight', 'int'],
  ];
  const data = (attributes: Record<string, unknown>, keys: [string, string][], prefix: string) =>
    keys
      .filter(([key]) => attributes[key] !== null && attributes[key] !== undefined)
      .map(([key]) => `<data key="${prefix}_${key}">${xml(String(attributes[key]))}</data>`)
      .join('');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...nodeKeys.map(([key, type]) => `  <key id="n_${key}" for="node" attr.name="${key}" attr.type="${type}"/>`),
    ...edgeKeys.map(([key, type]) => `  <key id="e_${key}" for="edge" attr.name="${key}" attr.type="${type}"/>`),
    '  <graph id="dossier" edgedefault="directed">',
    ...view.nodes.map((node) => `    <node id="${xml(node.key)}">${data(node.attributes, nodeKeys, 'n')}</node>`),
    ...view.edges.map(
      (edge) =>
        `    <edge id="${xml(edge.key)}" source="${xml(edge.source)}" target="${xml(edge.target)}">` +
        `${data(edge.attributes, edgeKeys, 'e')}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}
