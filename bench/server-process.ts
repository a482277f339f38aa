import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface ApiServer {
  url: string;
  /** Headers that authorise writes (the server runs with an API key, as production requires). */
  authHeaders: Record<string, string>;
  pid: number;
  /** Resident set size of the server process now, in MiB. */
  rssMiB(): number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no free port')),
      );
    });
  });
}

/** Linux: VmRSS from /proc; elsewhere NaN (the report then says "n/a"). */
function readRssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kib ? Number(kib) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * The API as users run it (src/main.ts), in a child process of its own so its CPU, memory and
 * event loop are not the load generator's. Node runs it with tsx's loader directly (not through
 * the tsx CLI) so the pid we measure is the server's.
 */
export async function startApiServer(options: {
  neo4jUri: string;
  /** The server's log (warnings and errors) goes here. */
  logFile: string;
  env?: Record<string, string>;
  /** Extra Node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** The server's entry point, relative to the repository (default: dossier's src/main.ts). */
  entry?: string;
  /** Path that answers 200 once the server can serve (default: dossier's /ready). */
  readyPath?: string;
  /** The checkout to run (default: this repository), e.g. another revision for an A/B run. */
  root?: string;
}): Promise<ApiServer> {
  const root = options.root ?? REPO_ROOT;
  const port = await freePort();
  const apiKey = randomBytes(24).toString('hex');
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', join(root, options.entry ?? join('src', 'main.ts'))], {
    cwd: root,
    env: {
      ...process.env,
      NEO4J_URI: options.neo4jUri,
      PORT: String(port),
      SEED_ON_START: 'false',
      QUERY_STATS: 'true',
      // One log line per request would put the log pipe in every measurement.
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      API_KEY: apiKey,
      // The load generator is one client sending thousands of requests a minute: the per-client
      // limit is off here, and only here.
      RATE_LIMIT_PER_MINUTE: '0',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await mkdir(dirname(options.logFile), { recursive: true });
  const logStream = createWriteStream(options.logFile);
  child.stdout?.pipe(logStream);
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    logStream.write(chunk);
    stderr.push(chunk.toString());
    if (stderr.length > 50) stderr.shift();
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the API server exited with code ${child.exitCode}:\n${stderr.join('')}`);
    }
    try {
      const response = await fetch(`${url}${options.readyPath ?? '/ready'}`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the API server was not ready within 120 s:\n${stderr.join('')}`);
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }

  return {
    url,
    authHeaders: { authorization: `Bearer ${apiKey}` },
    pid: child.pid!,
    rssMiB: () => readRssMiB(child.pid!),
    stop: async () => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
