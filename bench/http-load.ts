import autocannon from 'autocannon';
import type { CpuMeter, CpuShare } from './cpu.js';
import { LatencyHistogram, type Summary } from './stats.js';

export interface LoadCell {
  clients: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: Summary;
  /** Requests at or over 40 ms: what a Nagle/delayed-ACK stall would cost each one. */
  atLeast40ms: number;
  errors: number;
  /** CPU milliseconds per request by process, over the measured part (Linux). */
  cpu?: CpuShare;
}

export interface HttpLoadOptions {
  url: string;
  clients: number;
  seconds: number;
  /** Seconds of load whose latencies are thrown away (JIT, pools, page cache). */
  warmupSeconds: number;
  /** A fresh GraphQL body per request (e.g. a random agency). */
  body: () => string;
  headers?: Record<string, string>;
  /** Called with a sample of response bodies (1 in `sampleEvery`), e.g. to read round trips. */
  onSample?: (body: string) => void;
  sampleEvery?: number;
  /** Starts CPU accounting once the warm-up is over. */
  cpuMeter?: () => CpuMeter;
}

function runAutocannon(options: HttpLoadOptions, seconds: number, record: boolean) {
  const histogram = new LatencyHistogram();
  let errors = 0;
  let seen = 0;
  const sampleEvery = options.sampleEvery ?? 20;
  return new Promise<{ histogram: LatencyHistogram; errors: number; seconds: number }>((resolve, reject) => {
    const started = performance.now();
    const instance = autocannon(
      {
        url: options.url,
        connections: options.clients,
        duration: seconds,
        pipelining: 1,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            path: '/graphql',
            headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
            setupRequest: (request) => ({ ...request, body: options.body() }),
            onResponse: (status, body) => {
              // A GraphQL error comes back with status 200: look for it in the body.
              if (status !== 200 || body.includes('"errors"')) errors += 1;
              if (record && options.onSample && seen++ % sampleEvery === 0) options.onSample(body);
            },
          },
        ],
      },
      (error) => {
        if (error) reject(error);
        else resolve({ histogram, errors, seconds: (performance.now() - started) / 1000 });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      if (record) histogram.record(responseTime);
    });
    instance.on('reqError', () => {
      errors += 1;
    });
  });
}

/** Warm-up, then a fixed number of HTTP clients for a fixed time, each request timed. */
export async function runHttpLoad(options: HttpLoadOptions): Promise<LoadCell> {
  if (options.warmupSeconds > 0) await runAutocannon(options, options.warmupSeconds, false);
  const meter = options.cpuMeter?.();
  const { histogram, errors, seconds } = await runAutocannon(options, options.seconds, true);
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
