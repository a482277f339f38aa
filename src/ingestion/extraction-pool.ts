import { availableParallelism } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.js';
import { ExtractionInputError, type ExtractionErrorCode, type ExtractionInput, type ExtractionResult, type Extractor } from '../extraction/types.js';
import type { ExtractionRequest } from './extraction-worker.js';

export interface ExtractionPoolOptions {
  /** Recorded on documents: the name and version of the extractor the workers run. */
  name: string;
  version: string;
  /** Worker threads; default: one less than the cores, at least 1, at most 4. */
  size?: number;
  /** A document whose extraction takes longer fails with TIMEOUT (and its worker is replaced). */
  timeoutMs?: number;
  /** Longer texts are refused before they reach a worker. */
  maxChars: number;
  /**
   * Extractions that may wait for a worker; past it `extract` fails at once with SERVER_BUSY
   * (HTTP 503 with Retry-After) instead of queueing without bound. Default 32.
   */
  maxQueued?: number;
}

interface Task {
  request: ExtractionRequest;
  resolve(result: ExtractionResult): void;
  reject(error: unknown): void;
}

interface WorkerReply {
  id: number;
  result?: ExtractionResult;
  error?: { message: string; inputCode: ExtractionErrorCode | null };
}

// Under tsx or vitest this module is TypeScript, and so is the worker: it needs tsx's loader.
// `execArgv: ['--import', 'tsx']` does not reach a worker's module loader on Node 20, so a small
// bootstrap registers tsx inside the worker thread, then imports the worker module.
const WORKER_URL = new URL(`./extraction-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);
const TYPESCRIPT_WORKER = WORKER_URL.pathname.endsWith('.ts');
function typescriptWorkerBootstrap(): string {
  // The ESM entry of `tsx/esm/api`, read from tsx's own exports map (require.resolve gives the CJS one).
  const require = createRequire(import.meta.url);
  const manifest = require('tsx/package.json') as { exports: Record<string, { import: { default: string } }> };
  const entry = manifest.exports['./esm/api']!.import.default;
  const tsxApi = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), entry)).href;
  return `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
}

/**
 * Runs the built-in extractor off the request path, in a small pool of worker threads: a long
 * document keeps one worker busy while requests keep being served. Each extraction is bounded
 * by the input size and a time limit; a worker that overruns is terminated and replaced.
 */
export class ExtractionPool implements Extractor {
  readonly name: string;
  readonly version: string;
  private readonly size: number;
  private readonly timeoutMs: number;
  private readonly maxChars: number;
  private readonly maxQueued: number;
  /** Moving average of an extraction's duration, for the Retry-After of a refusal. */
  private averageMs = 1000;
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, { task: Task; timer: NodeJS.Timeout; startedAt: number }>();
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: ExtractionPoolOptions) {
    this.name = options.name;
    this.version = options.version;
    this.size = options.size ?? Math.min(4, Math.max(1, availableParallelism() - 1));
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxChars = options.maxChars;
    this.maxQueued = options.maxQueued ?? 32;
  }

  extract(input: ExtractionInput): Promise<ExtractionResult> {
    if (this.closed) return Promise.reject(new Error('the extraction pool is closed'));
    if (input.text.length > this.maxChars) {
      return Promise.reject(
        new ExtractionInputError('TEXT_TOO_LARGE', `text is ${input.text.length} characters long; the limit is ${this.maxChars}`),
      );
    }
    if (this.queue.length >= this.maxQueued) {
      const retryAfterSeconds = Math.max(1, Math.ceil(((this.queue.length / this.size + 1) * this.averageMs) / 1000));
      return Promise.reject(
        new AppError('SERVER_BUSY', `The extraction queue is full (${this.maxQueued} waiting); retry in ${retryAfterSeconds} s.`, {
          retryAfterSeconds,
        }),
      );
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, input }, resolve, reject });
      this.dispatch();
    });
  }

  /** How busy the pool is, for /metrics. */
  stats(): { queued: number; running: number; workers: number } {
    return { queued: this.queue.length, running: this.busy.size, workers: this.size };
  }

  /** Terminates every worker; queued extractions fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error('the extraction pool was closed'));
    const workers = [...this.idle.splice(0), ...this.busy.keys()];
    for (const { task, timer } of this.busy.values()) {
      clearTimeout(timer);
      task.reject(new Error('the extraction pool was closed'));
    }
    this.busy.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let worker = this.idle.pop();
      if (!worker && this.idle.length + this.busy.size < this.size) worker = this.spawn();
      if (!worker) return;
      const task = this.queue.shift()!;
      const timer = setTimeout(() => this.timeOut(worker!), this.timeoutMs);
      this.busy.set(worker, { task, timer, startedAt: performance.now() });
      worker.ref();
      worker.postMessage(task.request);
    }
  }

  private spawn(): Worker {
    const worker = TYPESCRIPT_WORKER
      ? new Worker(typescriptWorkerBootstrap(), { eval: true })
      : new Worker(WORKER_URL);
    worker.on('message', (reply: WorkerReply) => this.settle(worker, reply));
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => {
      if (this.busy.has(worker)) this.fail(worker, new Error(`extraction worker exited with code ${code}`));
    });
    return worker;
  }

  private settle(worker: Worker, reply: WorkerReply): void {
    const running = this.busy.get(worker);
    if (!running || running.task.request.id !== reply.id) return;
    clearTimeout(running.timer);
    this.averageMs = 0.8 * this.averageMs + 0.2 * (performance.now() - running.startedAt);
    this.busy.delete(worker);
    worker.unref();
    this.idle.push(worker);
    if (reply.error) {
      const { message, inputCode } = reply.error;
      running.task.reject(inputCode ? new ExtractionInputError(inputCode, message) : new Error(`extraction failed: ${message}`));
    } else {
      running.task.resolve(reply.result!);
    }
    this.dispatch();
  }

  private fail(worker: Worker, error: unknown): void {
    const running = this.busy.get(worker);
    this.busy.delete(worker);
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);
    if (running) {
      clearTimeout(running.timer);
      running.task.reject(error);
    }
    void worker.terminate();
    if (!this.closed) this.dispatch();
  }

  private timeOut(worker: Worker): void {
    this.fail(
      worker,
      new AppError('TIMEOUT', `extraction took longer than ${this.timeoutMs} ms and was stopped; try a shorter text`),
    );
  }
}
