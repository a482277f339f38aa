/**
 * Configuration from environment variables, validated once at start. Every bad value is
 * reported with its name and what was expected, all at once, instead of failing later.
 */

export interface Neo4jConnection {
  uri: string;
  username: string;
  password: string;
  database: string;
}

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxTokens: number;
  maxPageSize: number;
  /** Hops a neighbourhood may reach (1..3). */
  maxNeighborhoodDepth: number;
  /** Most nodes one graph view (neighbourhood, subgraph) may return. */
  maxGraphNodes: number;
  /** Longest path shortestPath looks for. */
  maxPathDepth: number;
}

export interface Config {
  port: number;
  nodeEnv: string;
  logLevel: string;
  /** Null when the built-in local Neo4j should be started. */
  neo4j: Neo4jConnection | null;
  neo4jDatabase: string;
  /** Port of the built-in Neo4j when NEO4J_URI is unset. */
  localNeo4jPort: number;
  /** Bearer key that write operations require; null leaves writes open. */
  apiKey: string | null;
  /** Whether reads also require the API key. */
  protectReads: boolean;
  readTimeoutMs: number;
  writeTimeoutMs: number;
  maxDocumentChars: number;
  limits: QueryLimits;
  /** Load seeds/ at start when the database holds no document. */
  seedOnStart: boolean;
  /** Put `extensions.queryStats` (Cypher round trips) into every response; for the benchmark. */
  exposeQueryStats: boolean;
  /** Seconds a read's answer is kept by the response cache; 0: no cache (src/server/response-cache.ts). */
  responseCacheTtlSeconds: number;
  security: SecuritySettings;
}

/** What the server exposes and to whom; safe by default (see README, Configuration). */
export interface SecuritySettings {
  /** Interface the HTTP server binds; loopback unless an API key is set and HOST says otherwise. */
  host: string;
  /** Origins a browser may call the API from (CORS); empty: no CORS headers at all. */
  corsOrigins: string[];
  graphiql: boolean;
  introspection: boolean;
  /** "Did you mean …?" in validation errors. */
  fieldSuggestions: boolean;
  /** Requests per minute per client address; 0 turns the limit off (the benchmark does). */
  rateLimitPerMinute: number;
  /** Extractions waiting for a worker; past it `extract` and loads answer 503 with Retry-After. */
  extractionQueueSize: number;
  /** Most ids `nodes(ids:)` takes. */
  maxIds: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

const LOOPBACK = '127.0.0.1';
const LOOPBACK_HOSTS = new Set([LOOPBACK, '::1', 'localhost']);

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}=${JSON.stringify(raw)}: expected a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };
  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
    problems.push(`${name}=${JSON.stringify(raw)}: expected true or false`);
    return fallback;
  };

  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL=${JSON.stringify(logLevel)}: expected one of ${LOG_LEVELS.join(', ')}`);
  }

  const neo4jDatabase = env.NEO4J_DATABASE || 'neo4j';
  let neo4j: Neo4jConnection | null = null;
  const uri = env.NEO4J_URI;
  if (uri) {
    if (!/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s]+$/.test(uri)) {
      problems.push(`NEO4J_URI=${JSON.stringify(uri)}: expected neo4j://, bolt://, neo4j+s:// or bolt+s:// followed by a host`);
    }
    neo4j = {
      uri,
      username: env.NEO4J_USERNAME || 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: neo4jDatabase,
    };
  }

  // Safe defaults: loopback only without a key; development conveniences off in production.
  const nodeEnv = env.NODE_ENV || 'development';
  const production = nodeEnv === 'production';
  const apiKey = env.API_KEY ? env.API_KEY : null;
  const host = env.HOST || LOOPBACK;
  if (!apiKey && !LOOPBACK_HOSTS.has(host)) {
    problems.push(`HOST=${JSON.stringify(host)}: without API_KEY the server only listens on the loopback interface (127.0.0.1)`);
  }
  const corsOrigins = (env.CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^\s/]+$/.test(origin)) {
      problems.push(`CORS_ORIGINS: ${JSON.stringify(origin)} is not an origin like https://example.org (no path, no wildcard)`);
    }
  }
  const security: SecuritySettings = {
    host,
    corsOrigins,
    graphiql: boolean('GRAPHIQL', !production),
    introspection: boolean('INTROSPECTION', !production),
    fieldSuggestions: boolean('FIELD_SUGGESTIONS', !production),
    rateLimitPerMinute: integer('RATE_LIMIT_PER_MINUTE', 600, 0, 1_000_000),
    extractionQueueSize: integer('EXTRACTION_QUEUE_SIZE', 32, 1, 10_000),
    maxIds: 100,
  };

  const config: Config = {
    port: integer('PORT', 4000, 0, 65535),
    nodeEnv,
    logLevel,
    neo4j,
    neo4jDatabase,
    localNeo4jPort: integer('NEO4J_LOCAL_PORT', 7687, 1, 65535),
    apiKey,
    protectReads: boolean('PROTECT_READS', false),
    readTimeoutMs: integer('READ_TIMEOUT_MS', 10_000, 100, 600_000),
    writeTimeoutMs: integer('WRITE_TIMEOUT_MS', 60_000, 100, 600_000),
    maxDocumentChars: integer('MAX_DOCUMENT_CHARS', 1_000_000, 1_000, 50_000_000),
    // Query limits, sized on real queries (tests/integration/limits.test.ts checks each just over and
    // just under): depth 12 is what `entity { ... on Agency { tactics { edges { evidence { document
    // { id } } node { targets { edges { node { warnedBy { edges { node { id } } } } } } } } } } }`
    // needs (inline fragments are flattened); cost (src/server/query-cost.ts: scalar 1, object 2,
    // times the items above, `first` read from literals and variables alike) is about 315,000 for
    // that query with default pages of 20 at all three levels and 10 evidence sentences an edge,
    // while pages of 100 x 100 x 100 cost 6 million, so 500,000 lets the first through and stops
    // the second; a page of 100 document texts costs 50,000.
    limits: {
      maxDepth: integer('MAX_QUERY_DEPTH', 12, 1, 50),
      maxAliases: integer('MAX_QUERY_ALIASES', 15, 1, 1000),
      maxCost: integer('MAX_QUERY_COST', 500_000, 10, 10_000_000),
      maxTokens: integer('MAX_QUERY_TOKENS', 2000, 50, 100_000),
      maxPageSize: 100,
      maxNeighborhoodDepth: 3,
      maxGraphNodes: integer('MAX_GRAPH_NODES', 500, 10, 10_000),
      maxPathDepth: integer('MAX_PATH_DEPTH', 6, 1, 10),
    },
    seedOnStart: boolean('SEED_ON_START', true),
    exposeQueryStats: boolean('QUERY_STATS', false),
    responseCacheTtlSeconds: integer('RESPONSE_CACHE_TTL_SECONDS', 0, 0, 86_400),
    security,
  };
  if (config.protectReads && !config.apiKey) {
    problems.push('PROTECT_READS=true needs API_KEY to be set');
  }
  if (production && !apiKey) {
    problems.push('NODE_ENV=production needs API_KEY to be set: without it anyone could write to the graph');
  }

  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return config;
}
