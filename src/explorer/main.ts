import { toBlob } from '@sigma/export-image';
import Sigma from 'sigma';
import { request } from './api.js';
import { byId, download, h } from './dom.js';
import type { EntityType, RelationType } from './gql/graphql.js';
import {
  EDGE_BUDGET,
  ENTITY_STYLE,
  ENTITY_TYPES,
  RELATION_LABEL,
  RELATION_TYPES,
  createGraph,
  isEdgeShown,
  isNodeShown,
  mergeView,
  relayout,
  thinnedEdges,
  toGraphML,
  visibleSubgraph,
  type EdgeAttributes,
  type Filters,
  type GraphViewData,
  type NodeAttributes,
} from './graph-state.js';
import { setUpLoadDialog } from './load-document.js';
import { Dates, Neighborhood, Overview, Search, ShortestPath } from './operations.js';
import { showEntity, showRelation } from './panel.js';
import { Timeline } from './timeline.js';

/**
 * The explorer: a sigma.js (WebGL) view of a graphology graph fed by the public GraphQL API.
 * Search → pick → neighbourhood; click to expand; filters, timeline brushing, shortest path,
 * exports and document loading around it.
 */

const OVERVIEW_NODES = 150;
const EXPAND_NODES = 200;
const PATH_COLOR = '#e67e22';
const FADED = '#dfe3e8';

const graph = createGraph();
const filters: Filters = {
  hiddenEntityTypes: new Set(),
  hiddenRelationTypes: new Set(),
  showGeneric: false,
  dateRange: null,
};
const expanded = new Set<string>();
let thinned = new Set<string>();
let selectedNode: string | null = null;
let selectedEdge: string | null = null;
let hoveredNode: string | null = null;
let path: { nodes: Set<string>; edges: Set<string> } | null = null;
const pathEnds: { from: { id: string; name: string } | null; to: { id: string; name: string } | null } = {
  from: null,
  to: null,
};

const panel = byId('panel');
const statusLine = byId('status');

const touchesFocus = (edge: string) =>
  (selectedNode !== null && graph.hasExtremity(edge, selectedNode)) ||
  (hoveredNode !== null && graph.hasExtremity(edge, hoveredNode));

const renderer = new Sigma<NodeAttributes, EdgeAttributes>(graph, byId('stage'), {
  defaultEdgeType: 'arrow',
  renderEdgeLabels: false,
  enableEdgeEvents: true,
  zIndex: true,
  labelFont: 'system-ui, "DejaVu Sans", sans-serif',
  labelSize: 12,
  labelRenderedSizeThreshold: 6,
  labelDensity: 0.7,
  nodeReducer: (node, data) => {
    if (!isNodeShown(data, filters)) return { ...data, hidden: true };
    const display: Partial<NodeAttributes> & { highlighted?: boolean; zIndex?: number } = { ...data };
    if (path && !path.nodes.has(node)) {
      display.color = FADED;
      display.label = '';
    } else if (path) {
      display.highlighted = true;
      display.zIndex = 2;
    }
    if (node === selectedNode || node === hoveredNode || node === pathEnds.from?.id || node === pathEnds.to?.id) {
      display.highlighted = true;
      display.zIndex = 3;
    }
    return display;
  },
  edgeReducer: (edge, data) => {
    if (!isEdgeShown(graph, edge, filters)) return { ...data, hidden: true };
    const focus = touchesFocus(edge);
    if (thinned.has(edge) && !focus) return { ...data, hidden: true };
    if (path) {
      return path.edges.has(edge)
        ? { ...data, color: PATH_COLOR, size: Math.max(data.size, 2.5) * 1.4, zIndex: 2 }
        : { ...data, color: '#eef0f3' };
    }
    if (edge === selectedEdge) return { ...data, color: '#2e6da4', size: data.size + 1.5, zIndex: 2 };
    if (focus) return { ...data, color: '#7b8a9a', zIndex: 1 };
    return data;
  },
});

/**
 * Labels and edges thin out as the view grows, so large views stay readable and fluid: fewer
 * labels, only the best supported edges past EDGE_BUDGET, edges and labels left out while the
 * view moves, and edge picking (one GPU read-back per mouse move, slow in software rendering)
 * only while edges are few enough to aim at.
 */
function tuneForSize(): void {
  const order = graph.order;
  renderer.setSetting('labelRenderedSizeThreshold', order > 2000 ? 13 : order > 500 ? 9 : 6);
  renderer.setSetting('labelDensity', order > 2000 ? 0.12 : order > 500 ? 0.35 : 0.7);
  renderer.setSetting('hideLabelsOnMove', order > 1000);
  renderer.setSetting('hideEdgesOnMove', graph.size > 2000);
  renderer.setSetting('enableEdgeEvents', graph.size <= 1000);
  renderer.setSetting('defaultEdgeType', graph.size > EDGE_BUDGET ? 'line' : 'arrow');
  thinned = thinnedEdges(graph);
}

// ---------------------------------------------------------------- busy state and messages

let busyCount = 0;
function busy(on: boolean): void {
  busyCount += on ? 1 : -1;
  byId('busy').hidden = busyCount === 0;
  document.body.dataset.busy = String(busyCount > 0);
}

function showMessage(text: string | null): void {
  const element = byId('message');
  element.hidden = !text;
  element.textContent = text ?? '';
}

/** Runs a user action: shows progress, and any failure as a message instead of a silent console. */
async function act<T>(work: () => Promise<T>): Promise<T | undefined> {
  busy(true);
  showMessage(null);
  try {
    return await work();
  } catch (error) {
    showMessage(error instanceof Error ? error.message : String(error));
    return undefined;
  } finally {
    busy(false);
  }
}

// ---------------------------------------------------------------- graph changes

function afterChange(): void {
  tuneForSize();
  renderer.refresh();
  updateCounts();
  timeline.render(graph);
  statusLine.textContent = `${graph.order} nodes · ${graph.size} edges${thinned.size ? ` (${thinned.size} weakest not drawn)` : ''}`;
}

/** Merges a view, lays it out, draws it; dates of new events and laws follow in the background. */
function addView(view: GraphViewData, anchor?: string): { added: string[]; dates: Promise<void> } {
  const added = mergeView(graph, view, anchor);
  relayout(graph);
  afterChange();
  if (view.truncated) showMessage(`The view was cut at ${view.nodes.length} nodes (the server's limit).`);
  const dates = loadDates(added).catch((error: unknown) => showMessage(`Dates: ${(error as Error).message}`));
  return { added, dates };
}

async function loadDates(ids: string[]): Promise<void> {
  const dated = ids.filter((id) => {
    const type = graph.hasNode(id) ? graph.getNodeAttribute(id, 'entityType') : null;
    return type === 'EVENT' || type === 'LAW';
  });
  for (let i = 0; i < dated.length; i += 100) {
    const { nodes } = await request(Dates, { ids: dated.slice(i, i + 100) });
    for (const node of nodes) {
      if (node && 'date' in node && node.date && graph.hasNode(node.id)) graph.setNodeAttribute(node.id, 'date', node.date);
    }
  }
  if (dated.length) {
    timeline.render(graph);
    renderer.refresh({ skipIndexation: true });
  }
}

async function expand(id: string): Promise<void> {
  await act(async () => {
    const started = performance.now();
    const { neighborhood } = await request(Neighborhood, {
      ids: [id],
      includeGeneric: filters.showGeneric,
      limit: EXPAND_NODES,
    });
    const { added } = addView(neighborhood, id);
    expanded.add(id);
    await new Promise(requestAnimationFrame);
    const ms = performance.now() - started;
    performance.measure('expand', { start: started, duration: ms });
    statusLine.textContent += ` · expanded in ${Math.round(ms)} ms (+${added.length})`;
  });
}

function select(node: string | null, edge: string | null = null): void {
  selectedNode = node;
  selectedEdge = edge;
  document.body.dataset.selected = node ?? edge ?? '';
  renderer.refresh({ skipIndexation: true });
  if (node) void act(() => showEntity(panel, node, { expand: (id) => void expand(id), setPathEnd }));
  else if (edge) void act(() => showRelation(panel, edge));
}

function focusOn(node: string): void {
  const position = renderer.getNodeDisplayData(node);
  // Pan only: the neighbourhood just added lies around the node and stays in view.
  if (position) void renderer.getCamera().animate({ x: position.x, y: position.y }, { duration: 300 });
}

// ---------------------------------------------------------------- path

function setPathEnd(end: 'from' | 'to', id: string, name: string): void {
  pathEnds[end] = { id, name };
  path = null;
  byId(`path-${end}`).textContent = name;
  renderer.refresh({ skipIndexation: true });
  if (pathEnds.from && pathEnds.to) void findPath(pathEnds.from.id, pathEnds.to.id);
}

async function findPath(from: string, to: string): Promise<void> {
  await act(async () => {
    const { shortestPath } = await request(ShortestPath, { from, to, includeGeneric: filters.showGeneric });
    if (!shortestPath) {
      showMessage('No path between these two within the server’s path limit.');
      return;
    }
    addView(shortestPath, from);
    path = { nodes: new Set(shortestPath.nodes.map((n) => n.id)), edges: new Set(shortestPath.edges.map((e) => e.id)) };
    document.body.dataset.path = String(shortestPath.edges.length);
    statusLine.textContent += ` · path of ${shortestPath.edges.length} hops`;
    renderer.refresh({ skipIndexation: true });
  });
}

function clearPath(): void {
  pathEnds.from = pathEnds.to = null;
  path = null;
  delete document.body.dataset.path;
  byId('path-from').textContent = 'from…';
  byId('path-to').textContent = 'to…';
  renderer.refresh({ skipIndexation: true });
}

// ---------------------------------------------------------------- sigma events (click, drag)

let dragged: string | null = null;
let dragMoved = false;
renderer.on('downNode', ({ node }) => {
  dragged = node;
  dragMoved = false;
});
renderer.getMouseCaptor().on('mousemovebody', (event) => {
  if (!dragged) return;
  const position = renderer.viewportToGraph(event);
  graph.mergeNodeAttributes(dragged, { x: position.x, y: position.y });
  dragMoved = true;
  event.preventSigmaDefault();
  event.original.preventDefault();
  event.original.stopPropagation();
});
renderer.getMouseCaptor().on('mouseup', () => {
  dragged = null;
});
renderer.on('clickNode', ({ node, event }) => {
  if (dragMoved) return;
  if (event.original.shiftKey) {
    const name = graph.getNodeAttribute(node, 'label');
    setPathEnd(pathEnds.from && !pathEnds.to ? 'to' : 'from', node, name);
    if (pathEnds.from?.id === node) {
      pathEnds.to = null;
      byId('path-to').textContent = 'to…';
    }
    return;
  }
  select(node);
  if (!expanded.has(node)) void expand(node);
});
renderer.on('clickEdge', ({ edge }) => select(null, edge));
renderer.on('clickStage', () => {
  if (selectedNode || selectedEdge) {
    selectedNode = selectedEdge = null;
    renderer.refresh({ skipIndexation: true });
  }
});
renderer.on('enterNode', ({ node }) => {
  hoveredNode = node;
  renderer.refresh({ skipIndexation: true });
});
renderer.on('leaveNode', () => {
  hoveredNode = null;
  renderer.refresh({ skipIndexation: true });
});

// ---------------------------------------------------------------- filters and legend

const counters = new Map<string, HTMLElement>();

function filterRow(label: string, swatch: string | null, checked: boolean, onChange: (on: boolean) => void, key: string) {
  const input = h('input', { type: 'checkbox', checked, 'data-filter': key });
  input.addEventListener('change', () => {
    onChange(input.checked);
    renderer.refresh({ skipIndexation: true });
  });
  const count = h('span', { class: 'count' });
  counters.set(key, count);
  return h('label', { class: 'check' }, input, swatch ? h('span', { class: 'swatch', style: `background:${swatch}` }) : null, label, count);
}

byId('entity-filters').append(
  ...ENTITY_TYPES.map((type: EntityType) =>
    filterRow(ENTITY_STYLE[type].label, ENTITY_STYLE[type].color, true, (on) => {
      if (on) filters.hiddenEntityTypes.delete(type);
      else filters.hiddenEntityTypes.add(type);
    }, type),
  ),
);
byId('relation-filters').append(
  ...RELATION_TYPES.map((type: RelationType) =>
    filterRow(RELATION_LABEL[type], null, true, (on) => {
      if (on) filters.hiddenRelationTypes.delete(type);
      else filters.hiddenRelationTypes.add(type);
    }, type),
  ),
);

function updateCounts(): void {
  const counts = new Map<string, number>();
  graph.forEachNode((_node, attributes) => counts.set(attributes.entityType, (counts.get(attributes.entityType) ?? 0) + 1));
  graph.forEachEdge((_edge, attributes) => counts.set(attributes.relationType, (counts.get(attributes.relationType) ?? 0) + 1));
  for (const [key, element] of counters) element.textContent = String(counts.get(key) ?? 0);
}

byId<HTMLInputElement>('show-generic').addEventListener('change', (event) => {
  filters.showGeneric = (event.target as HTMLInputElement).checked;
  renderer.refresh({ skipIndexation: true });
  // Generic entities are only fetched when asked for: fetch them for what is on screen.
  if (filters.showGeneric) {
    void act(async () => {
      const ids = [...expanded].slice(-50);
      const view = ids.length
        ? (await request(Neighborhood, { ids, includeGeneric: true, limit: EXPAND_NODES })).neighborhood
        : (await request(Overview, { limit: OVERVIEW_NODES, includeGeneric: true })).subgraph;
      addView(view);
    });
  }
});

// ---------------------------------------------------------------- timeline

const timeline = new Timeline(
  document.getElementById('timeline') as unknown as SVGSVGElement,
  (range) => {
    filters.dateRange = range;
    byId('timeline-range').textContent = range
      ? `${new Date(range[0]).toISOString().slice(0, 10)} → ${new Date(range[1]).toISOString().slice(0, 10)}`
      : 'drag to filter by date';
    byId('timeline-clear').hidden = !range;
    document.body.dataset.dateRange = range ? 'on' : 'off';
    renderer.refresh({ skipIndexation: true });
  },
  (id) => {
    select(id);
    focusOn(id);
  },
);
byId('timeline-clear').addEventListener('click', () => timeline.clear());
window.addEventListener('resize', () => timeline.render(graph));

// ---------------------------------------------------------------- search

const searchInput = byId<HTMLInputElement>('search');
const searchResults = byId('search-results');
let searchTimer: ReturnType<typeof setTimeout> | undefined;
let searchAbort: AbortController | null = null;

searchInput.addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => void runSearch(searchInput.value.trim()), 180);
});
searchInput.addEventListener('keydown', (event) => {
  const items = [...searchResults.querySelectorAll<HTMLLIElement>('li[data-id]')];
  const current = items.findIndex((item) => item.getAttribute('aria-selected') === 'true');
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const next = items[(current + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length];
    items.forEach((item) => item.setAttribute('aria-selected', String(item === next)));
  } else if (event.key === 'Enter') {
    (items[current] ?? items[0])?.click();
  } else if (event.key === 'Escape') {
    searchResults.hidden = true;
  }
});
document.addEventListener('click', (event) => {
  if (!(event.target as Element).closest('.search')) searchResults.hidden = true;
});

async function runSearch(query: string): Promise<void> {
  searchAbort?.abort();
  if (query.length < 2) {
    searchResults.hidden = true;
    return;
  }
  searchAbort = new AbortController();
  try {
    const { search } = await request(Search, { query, first: 12 }, searchAbort.signal);
    const hits = search.edges.map((edge) => edge.node);
    searchResults.replaceChildren(
      ...(hits.length
        ? hits.map((hit) => {
            const item = h(
              'li',
              { 'data-id': hit.id, role: 'option' },
              h('span', { class: 'type-tag', style: `background:${ENTITY_STYLE[hit.type].color}` }, ENTITY_STYLE[hit.type].label),
              hit.name,
            );
            item.addEventListener('click', () => void pick(hit.id));
            return item;
          })
        : [h('li', { class: 'empty' }, 'Nothing found')]),
    );
    searchResults.hidden = false;
  } catch (error) {
    if ((error as Error).name !== 'AbortError') showMessage((error as Error).message);
  }
}

async function pick(id: string): Promise<void> {
  searchResults.hidden = true;
  await expand(id);
  if (graph.hasNode(id)) {
    select(id);
    focusOn(id);
  }
}

// ---------------------------------------------------------------- exports, clear, load

const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
byId('export-png').addEventListener('click', () =>
  // The exporter is typed for untyped attributes; it reads only what sigma drew.
  void act(async () => download(await toBlob(renderer as unknown as Sigma, { format: 'png', backgroundColor: '#ffffff' }), `dossier-${stamp()}.png`)),
);
byId('export-graphml').addEventListener('click', () =>
  download(new Blob([toGraphML(visibleSubgraph(graph, filters))], { type: 'application/graphml+xml' }), `dossier-${stamp()}.graphml`),
);
byId('export-json').addEventListener('click', () =>
  download(new Blob([JSON.stringify(visibleSubgraph(graph, filters), null, 2)], { type: 'application/json' }), `dossier-${stamp()}.json`),
);
byId('path-clear').addEventListener('click', clearPath);
byId('fit').addEventListener('click', () => void renderer.getCamera().animatedReset({ duration: 300 }));
byId('clear-graph').addEventListener('click', () => {
  graph.clear();
  expanded.clear();
  clearPath();
  selectedNode = selectedEdge = null;
  panel.replaceChildren(h('p', { class: 'hint' }, 'Search a name to start again.'));
  afterChange();
});

setUpLoadDialog((entityIds) => {
  if (entityIds.length === 0) return;
  // Show what was loaded, not faded behind an earlier path.
  clearPath();
  void act(async () => {
    const { neighborhood } = await request(Neighborhood, {
      ids: entityIds.slice(0, 50),
      includeGeneric: filters.showGeneric,
      limit: EXPAND_NODES,
    });
    addView(neighborhood);
  });
});

// ---------------------------------------------------------------- start: the best connected part of the graph

declare global {
  interface Window {
    /** For the benchmark and the browser tests: the live graph and renderer. */
    explorer: { graph: typeof graph; renderer: typeof renderer; addView: typeof addView; expand: typeof expand };
  }
}
window.explorer = { graph, renderer, addView, expand };

void act(async () => {
  const { subgraph } = await request(Overview, { limit: OVERVIEW_NODES, includeGeneric: false });
  await addView(subgraph).dates;
  await new Promise(requestAnimationFrame);
  performance.mark('graph-ready');
  document.body.dataset.ready = 'true';
  if (graph.order === 0) panel.replaceChildren(h('p', { class: 'hint' }, 'The graph is empty: load a document to start.'));
});
