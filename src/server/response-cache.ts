import { createInMemoryCache, useResponseCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import { createHash } from 'node:crypto';
import type { GraphStore } from '../store/graph-store.js';

/**
 * Opt-in response cache for reads (RESPONSE_CACHE_TTL_SECONDS > 0): Yoga's response-cache plugin,
 * with two rules of ours.
 *
 * - Keyed by the caller's credential (a hash of the Authorization header, or "anonymous"): an
 *   answer given to one key is never served to another caller, so protected reads stay protected.
 * - Flushed by every write, whichever process made it. Every write transaction raises the graph's
 *   version stamp (GraphStore.write), and the CLI and bulk loads write straight to Neo4j, so the
 *   server cannot learn of them from its own mutations: each GraphQL request reads the stamp first
 *   (one small indexed read). When it moved, the whole cache is dropped, and the stamp is part of
 *   every key, so an answer computed before a write can never be stored as one after it.
 *
 * Mutations are never cached; answers with errors neither.
 */

export interface ResponseCacheOptions {
  ttlSeconds: number;
  /** Most answers kept (least recently used go first). */
  maxEntries?: number;
}

/** The stamp each request was checked against. */
const versionOfRequest = new WeakMap<Request, number>();

function credentialOf(request: Request): string {
  const header = request.headers.get('authorization');
  if (!header) return 'anonymous';
  return createHash('sha256').update(header).digest('hex').slice(0, 32);
}

export function responseCachePlugins(store: GraphStore, options: ResponseCacheOptions): Plugin[] {
  const newStore = () => createInMemoryCache({ max: options.maxEntries ?? 1000 });
  let entries = newStore();
  let knownVersion: number | null = null;
  // The plugin holds this object; dropping everything is swapping what it delegates to.
  const cache: Cache = {
    get: (key) => entries.get(key),
    set: (key, data, entities, ttl) => entries.set(key, data, entities, ttl),
    invalidate: (entities) => entries.invalidate(entities),
  };
  const checkVersion: Plugin = {
    async onRequest({ request, url }) {
      if (url.pathname !== '/graphql') return;
      let version: number;
      try {
        version = await store.graphVersion();
      } catch {
        // No stamp, no cache: the request runs as if the cache were off (and meets the outage itself).
        return;
      }
      if (version !== knownVersion) {
        knownVersion = version;
        entries = newStore();
      }
      versionOfRequest.set(request, version);
    },
  };
  return [
    // Before the cache plugin: its own onRequest may answer 304 from the cache.
    checkVersion,
    useResponseCache({
      ttl: options.ttlSeconds * 1000,
      cache,
      enabled: (request) => versionOfRequest.has(request),
      session: (request) => `${credentialOf(request)}|${versionOfRequest.get(request)}`,
      // `extensions.responseCache.hit` tells a client (and the tests) where an answer came from.
      includeExtensionMetadata: true,
    }),
  ];
}
