/**
 * Prometheus metrics (prom-client), served at /metrics. Module-level, as prom-client intends:
 * one registry per process, shared by the HTTP layer (requests, latency, errors) and the loads.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'dossier_' });

export const operationRequests = new Counter({
  name: 'dossier_graphql_requests_total',
  help: 'GraphQL operations served, by operation name and type.',
  labelNames: ['operation', 'type'] as const,
  registers: [registry],
});

export const operationDuration = new Histogram({
  name: 'dossier_graphql_request_duration_seconds',
  help: 'Time from request to response of GraphQL operations, by operation name and type.',
  labelNames: ['operation', 'type'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

export const operationErrors = new Counter({
  name: 'dossier_graphql_errors_total',
  help: 'Errors in GraphQL responses, by extensions.code (INTERNAL_SERVER_ERROR for masked ones, QUERY_LIMIT for the query-size limits, which have none).',
  labelNames: ['code'] as const,
  registers: [registry],
});

export const httpRequests = new Counter({
  name: 'dossier_http_requests_total',
  help: 'HTTP requests, by route (/graphql, /health, /ready, /metrics, other) and status.',
  labelNames: ['route', 'status'] as const,
  registers: [registry],
});

export const documentLoads = new Counter({
  name: 'dossier_document_loads_total',
  help: 'Documents loaded through the API, by outcome (CREATED, UNCHANGED, REPLACED, FAILED) and dry run.',
  labelNames: ['status', 'dry_run'] as const,
  registers: [registry],
});

/** What the gauges read when scraped; main and createApp point it at the running services. */
export interface GaugeSources {
  /** An ExtractionPool has stats(); the in-process extractor (tests) has none. */
  extractor?: object;
  driver?: unknown;
}
interface PoolStats {
  stats(): { queued: number; running: number; workers: number };
}
const sources: GaugeSources = {};
export function observe(next: GaugeSources): void {
  Object.assign(sources, next);
}

new Gauge({
  name: 'dossier_extraction_queue',
  help: 'Extractions waiting for a worker thread (state=queued), running (state=running), and pool size (state=workers).',
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    const extractor = sources.extractor as Partial<PoolStats> | undefined;
    if (typeof extractor?.stats !== 'function') return;
    const stats = extractor.stats();
    this.set({ state: 'queued' }, stats.queued);
    this.set({ state: 'running' }, stats.running);
    this.set({ state: 'workers' }, stats.workers);
  },
});

interface DriverPoolInternals {
  _connectionProvider?: {
    _connectionPool?: { _maxSize?: number; _pools?: Record<string, { _elements?: unknown[]; _elementsInUse?: Set<unknown> }> };
  };
}

/**
 * The driver has no public pool statistics; these are read from its internals (neo4j-driver 6)
 * and left out, not guessed, if their shape changes.
 */
export function readNeo4jPool(driver: unknown): { inUse: number; idle: number; max: number } | null {
  const pool = (driver as DriverPoolInternals | undefined)?._connectionProvider?._connectionPool;
  if (!pool?._pools || typeof pool._maxSize !== 'number') return null;
  let inUse = 0;
  let idle = 0;
  for (const single of Object.values(pool._pools)) {
    if (!Array.isArray(single._elements) || !(single._elementsInUse instanceof Set)) return null;
    inUse += single._elementsInUse.size;
    idle += single._elements.length;
  }
  return { inUse, idle, max: pool._maxSize };
}

new Gauge({
  name: 'dossier_neo4j_pool_connections',
  help: 'Bolt connections of the Neo4j driver pool: in use (state=in_use), idle (state=idle), and the maximum (state=max).',
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    const pool = readNeo4jPool(sources.driver);
    if (!pool) return;
    this.set({ state: 'in_use' }, pool.inUse);
    this.set({ state: 'idle' }, pool.idle);
    this.set({ state: 'max' }, pool.max);
  },
});

/** Operation names come from clients: past this many distinct ones, the rest count as "(other)". */
const MAX_OPERATION_LABELS = 200;
const seenOperations = new Set<string>();
export function operationLabel(name: string | null | undefined): string {
  if (!name) return '(anonymous)';
  if (seenOperations.has(name)) return name;
  if (seenOperations.size >= MAX_OPERATION_LABELS || name.length > 100) return '(other)';
  seenOperations.add(name);
  return name;
}
