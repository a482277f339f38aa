import type { LocalNeo4j } from './local-neo4j.js';

export type SupervisorEvent =
  | { kind: 'died'; waitMs: number }
  | { kind: 'restarted'; pid: number }
  | { kind: 'restart-failed'; waitMs: number; error: string };

export interface SupervisorOptions {
  /** Starts Neo4j again, on the same port and data folder (the driver reconnects by itself). */
  restart: () => Promise<LocalNeo4j>;
  onEvent: (event: SupervisorEvent) => void;
  /** First wait before a restart, doubled after each failed one up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** A Neo4j that ran this long before dying was a good start: the next wait is the first one again. */
  healthyAfterMs?: number;
}

/** The built-in Neo4j under watch: what bootstrap holds instead of the bare process. */
export interface SupervisedNeo4j {
  /** The Neo4j running now (another process after each restart). */
  current(): LocalNeo4j;
  /** Stops watching, then stops Neo4j (also one that a restart brings up meanwhile). */
  stop(): Promise<void>;
}

/**
 * Restarts the built-in Neo4j when it dies (a crash, an out-of-memory exit, a kill), waiting
 * 1 s, then 2, 4… up to 30 s between failed attempts. The server keeps answering meanwhile
 * (DATABASE_UNAVAILABLE, /ready 503) and recovers by itself once Neo4j is back, since the driver
 * reconnects to the same port.
 */
export function superviseLocalNeo4j(first: LocalNeo4j, options: SupervisorOptions): SupervisedNeo4j {
  const initialDelayMs = options.initialDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const healthyAfterMs = options.healthyAfterMs ?? 60_000;
  let current = first;
  let stopped = false;
  let wakeUp: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const watch = async () => {
    let delayMs = initialDelayMs;
    while (!stopped) {
      const startedAt = Date.now();
      await current.exited;
      if (stopped) return;
      // Lets go of what the dead process still held (its exit hook).
      await current.stop();
      if (Date.now() - startedAt > healthyAfterMs) delayMs = initialDelayMs;
      options.onEvent({ kind: 'died', waitMs: delayMs });
      for (;;) {
        await sleep(delayMs);
        if (stopped) return;
        try {
          current = await options.restart();
        } catch (error) {
          if (stopped) return;
          delayMs = Math.min(maxDelayMs, delayMs * 2);
          options.onEvent({ kind: 'restart-failed', waitMs: delayMs, error: error instanceof Error ? error.message : String(error) });
          continue;
        }
        // stop() came while it was starting: it must not outlive us.
        if (stopped) {
          await current.stop();
          return;
        }
        options.onEvent({ kind: 'restarted', pid: current.pid });
        delayMs = Math.min(maxDelayMs, delayMs * 2);
        break;
      }
    }
  };
  const watching = watch();

  return {
    current: () => current,
    stop: async () => {
      stopped = true;
      wakeUp?.();
      await current.stop();
      await watching;
    },
  };
}
