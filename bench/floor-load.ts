import neo4j, { type Driver } from 'neo4j-driver';
import type { LoadCell } from './http-load.js';
import type { CpuMeter } from './cpu.js';
import { LatencyHistogram } from './stats.js';

export interface FloorLoadOptions {
  driver: Driver;
  database: string;
  cypher: string;
  /** Fresh parameters per call (e.g. a random agency). */
  params: () => Record<string, unknown>;
  clients: number;
  seconds: number;
  warmupSeconds: number;
  /** Starts CPU accounting once the warm-up is over. */
  cpuMeter?: () => CpuMeter;
}

async function loop(options: FloorLoadOptions, seconds: number, histogram: LatencyHistogram | null) {
  const deadline = performance.now() + seconds * 1000;
  let errors = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      try {
        const result = await options.driver.executeQuery(options.cypher, options.params(), {
          database: options.database,
          routing: neo4j.routing.READ,
        });
        // Materialise the answer as the API would have to.
        result.records.map((record) => record.toObject());
        histogram?.record(performance.now() - started);
      } catch {
        errors += 1;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.clients }, worker));
  return { errors, seconds: (performance.now() - started) / 1000 };
}

/**
 * The floor: the same answer read by one hand-written Cypher query through the driver, with no
 * HTTP and no GraphQL, by N async workers looping `executeQuery` for the same duration.
 */
export async function runFloorLoad(options: FloorLoadOptions): Promise<LoadCell> {
  if (options.warmupSeconds > 0) await loop(options, options.warmupSeconds, null);
  const histogram = new LatencyHistogram();
  const meter = options.cpuMeter?.();
  const { errors, seconds } = await loop(options, options.seconds, histogram);
  const cpu = meter?.stop(histogram.count);
  return {
    ...(cpu ? { cpu } : {}),
    clients: options.clients,
    seconds,
    requests: histogram.count,
    requestsPerSecond: histogram.count / seconds,
    latencyMs: histogram.summary(),
    atLeast40ms: histogram.countAtLeast(40),
    errors,
  };
}
