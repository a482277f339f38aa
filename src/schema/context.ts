import type { Config } from '../config.js';
import type { Extractor } from '../extraction/types.js';
import type { Logger } from '../logger.js';
import type { GraphStore, QueryCounter } from '../store/graph-store.js';

/** Lives for the process: what every request shares. */
export interface AppServices {
  config: Config;
  store: GraphStore;
  logger: Logger;
  extractor: Extractor;
}

/** Made anew for each request (so are its DataLoaders, which Pothos keys on this object). */
export interface RequestContext extends AppServices {
  /** Cypher round trips made for this request. */
  queries: QueryCounter;
  /** Whether the request carried the configured API key (always true when none is configured). */
  authorized: boolean;
}
