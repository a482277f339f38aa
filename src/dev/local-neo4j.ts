/**
 * A real Neo4j 5 Community, embedded in a JVM started from neo4j/Launcher.java, for
 * development and tests on machines without Docker or a Neo4j install.
 *
 * - Jars come from Maven Central through `mvn` (neo4j/pom.xml); the resolved classpath
 *   is cached in `.neo4j/classpath-<pom hash>.txt`, the jars in the default ~/.m2.
 * - The JVM is started with stdin as a pipe that is kept open: when this process dies,
 *   however it dies, the pipe closes and the launcher shuts Neo4j down.
 * - Bolt listens on 127.0.0.1 only, auth is disabled (connect with no auth token).
 *
 * Environment: NEO4J_LOCAL_PORT (default Bolt port, 7687), NEO4J_HEAP (JVM -Xmx,
 * default 2g), NEO4J_PAGECACHE (default 512m), NEO4J_TX_TIMEOUT (default transaction
 * timeout, default 60s; a driver's per-transaction `timeout` overrides it),
 * NEO4J_START_TIMEOUT_MS (how long to wait for READY, default 180000).
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface LocalNeo4jOptions {
  /** Bolt port on 127.0.0.1; default env NEO4J_LOCAL_PORT or 7687; 0 picks a free port. */
  port?: number;
  /** Neo4j home (databases, transaction logs, logs); default `<repo>/.neo4j/data`. */
  dataDir?: string;
  /** Receives Neo4j's (launcher's) output and progress lines; default: stderr. */
  onLog?: (line: string) => void;
}

export interface LocalNeo4j {
  /** e.g. `bolt://127.0.0.1:7687`; connect with no auth token. */
  uri: string;
  port: number;
  dataDir: string;
  /** Stops Neo4j cleanly (SIGTERM, then SIGKILL after 20 s); safe to call twice. */
  stop(): Promise<void>;
  /** Settles when the process has exited, by stop() or not (a crash, a kill): for the supervisor. */
  exited: Promise<void>;
  /** The JVM's process id. */
  pid: number;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const POM = join(REPO_ROOT, 'neo4j', 'pom.xml');
const LAUNCHER = join(REPO_ROOT, 'neo4j', 'Launcher.java');
const CACHE_DIR = join(REPO_ROOT, '.neo4j');
const DEFAULT_DATA_DIR = join(CACHE_DIR, 'data');

const HOST = '127.0.0.1';
const READY_RE = /^NEO4J_READY (bolt:\/\/\S+)\s*$/;
/** Generous: on a busy 2-core machine a start was seen taking ~100 s. */
const START_TIMEOUT_MS = Number(process.env.NEO4J_START_TIMEOUT_MS) || 180_000;
const STOP_KILL_AFTER_MS = 20_000;
const LOG_TAIL_LINES = 60;

const NEEDS_TOOLS = 'Java 17+ and Maven are needed for the built-in Neo4j; or set NEO4J_URI';

const defaultLog = (line: string): void => {
  process.stderr.write(`[neo4j] ${line}\n`);
};

function env(name: string): string | undefined {
  const v = process.env[name]?.trim();
  return v ? v : undefined;
}

/** Throws a clear error unless `java` (17+) is on the PATH. */
function checkJava(): void {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(`${NEEDS_TOOLS} (could not run \`java -version\`: ${r.error?.message ?? `exit ${r.status}`})`);
  }
  const out = `${r.stderr}${r.stdout}`;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(out);
  const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : NaN;
  if (!Number.isFinite(major) || major < 17) {
    throw new Error(`${NEEDS_TOOLS} (found: ${out.split('\n')[0]?.trim() ?? 'unknown java'})`);
  }
}

function checkMaven(): void {
  const r = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(`${NEEDS_TOOLS} (could not run \`mvn -v\`: ${r.error?.message ?? `exit ${r.status}`})`);
  }
}

let classpathInFlight: Promise<string> | undefined;

/**
 * Returns the Java classpath of the embedded Neo4j (colon-separated jar paths).
 * First use resolves the jars of neo4j/pom.xml with Maven (downloading them into
 * ~/.m2 if needed) and caches the result in `.neo4j/classpath-<pom hash>.txt`.
 */
export async function ensureNeo4jClasspath(onLog: (line: string) => void = defaultLog): Promise<string> {
  classpathInFlight ??= resolveClasspath(onLog).finally(() => {
    classpathInFlight = undefined;
  });
  return classpathInFlight;
}

async function resolveClasspath(onLog: (line: string) => void): Promise<string> {
  const pom = await readFile(POM);
  const hash = createHash('sha256').update(pom).digest('hex').slice(0, 16);
  const cacheFile = join(CACHE_DIR, `classpath-${hash}.txt`);

  if (existsSync(cacheFile)) {
    const cached = (await readFile(cacheFile, 'utf8')).trim();
    // The jars may have gone (a cleaned ~/.m2): re-resolve then.
    if (cached && cached.split(':').every((p) => existsSync(p))) return cached;
  }

  checkMaven();
  await mkdir(CACHE_DIR, { recursive: true });
  onLog('Resolving the Neo4j jars with Maven (first run only; missing jars come from Maven Central)…');
  const tmp = `${cacheFile}.${process.pid}.${Date.now()}.tmp`;
  const started = Date.now();
  let downloaded = 0;
  let announced = false;
  const tail: string[] = [];

  await new Promise<void>((resolvePromise, reject) => {
    const mvn = spawn(
      'mvn',
      ['-B', '-f', POM, 'dependency:build-classpath', `-Dmdep.outputFile=${tmp}`],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const onLine = (line: string): void => {
      tail.push(line);
      if (tail.length > LOG_TAIL_LINES) tail.shift();
      if (/^(\[INFO\] )?Downloaded from /.test(line)) {
        downloaded += 1;
        if (!announced) {
          announced = true;
          onLog('Fetching Neo4j jars from Maven Central (first run only)…');
        }
      }
    };
    createInterface({ input: mvn.stdout }).on('line', onLine);
    createInterface({ input: mvn.stderr }).on('line', onLine);
    const ticker = setInterval(() => {
      if (announced) onLog(`… still fetching, ${downloaded} files so far (${Math.round((Date.now() - started) / 1000)} s)`);
    }, 10_000);
    mvn.on('error', (err) => {
      clearInterval(ticker);
      reject(new Error(`${NEEDS_TOOLS} (could not run mvn: ${err.message})`));
    });
    mvn.on('close', (code) => {
      clearInterval(ticker);
      if (code === 0) resolvePromise();
      else reject(new Error(`mvn could not resolve the Neo4j jars (exit ${code}):\n${tail.join('\n')}`));
    });
  });

  const classpath = (await readFile(tmp, 'utf8')).trim();
  if (!classpath) throw new Error(`mvn produced an empty classpath (${tmp})`);
  await rename(tmp, cacheFile); // atomic: concurrent resolvers each write their own tmp
  if (announced) {
    onLog(`Fetched ${downloaded} files in ${Math.round((Date.now() - started) / 1000)} s; cached in ${cacheFile}`);
  }
  return classpath;
}

/**
 * Compiles neo4j/Launcher.java once into `.neo4j/launcher-<hash>/` (keyed by the source
 * and the classpath) and returns that directory. Single-file source launch
 * (`java Launcher.java`) works too but recompiles on every start (2-5 s).
 */
async function ensureLauncherCompiled(classpath: string, onLog: (line: string) => void): Promise<string> {
  const source = await readFile(LAUNCHER);
  const hash = createHash('sha256').update(source).update('\0').update(classpath).digest('hex').slice(0, 16);
  const outDir = join(CACHE_DIR, `launcher-${hash}`);
  if (existsSync(join(outDir, 'Launcher.class'))) return outDir;

  onLog('Compiling the Neo4j launcher (first run only)…');
  const tmpDir = `${outDir}.${process.pid}.${Date.now()}.tmp`;
  await mkdir(tmpDir, { recursive: true });
  const r = await new Promise<{ code: number | null; out: string; error?: Error }>((done) => {
    const javac = spawn('javac', ['-nowarn', '-encoding', 'UTF-8', '-d', tmpDir, LAUNCHER], {
      cwd: REPO_ROOT,
      env: { ...process.env, CLASSPATH: classpath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    javac.stdout.on('data', (c: Buffer) => (out += c.toString()));
    javac.stderr.on('data', (c: Buffer) => (out += c.toString()));
    javac.once('error', (error) => done({ code: null, out, error }));
    javac.once('close', (code) => done({ code, out }));
  });
  if (r.error || r.code !== 0) {
    await rm(tmpDir, { recursive: true, force: true });
    if (r.error) throw new Error(`${NEEDS_TOOLS} (could not run javac, a JDK is needed: ${r.error.message})`);
    throw new Error(`javac failed on ${LAUNCHER}:\n${r.out}`);
  }
  try {
    await rename(tmpDir, outDir);
  } catch (err) {
    // Another process compiled the same thing meanwhile: keep theirs.
    await rm(tmpDir, { recursive: true, force: true });
    if (!existsSync(join(outDir, 'Launcher.class'))) throw err;
  }
  onLog(`Compiled ${LAUNCHER} into ${outDir}`);
  return outDir;
}

/** Resolves the port to use; throws a clear error if it is taken. `0` picks a free one. */
async function claimPort(port: number): Promise<number> {
  return new Promise<number>((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        reject(
          new Error(
            `Port ${port} on ${HOST} is already in use (another Neo4j running?); ` +
              'stop it, pick another port (NEO4J_LOCAL_PORT or --port), or set NEO4J_URI to use that server',
          ),
        );
      } else {
        reject(new Error(`Cannot listen on ${HOST}:${port}: ${err.message}`));
      }
    });
    server.listen({ port, host: HOST, exclusive: true }, () => {
      const address = server.address();
      const chosen = typeof address === 'object' && address ? address.port : port;
      server.close(() => resolvePromise(chosen));
    });
  });
}

function waitForExit(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once('exit', () => r()));
}

/**
 * Starts Neo4j and resolves once Bolt accepts connections. Rejects (with the tail of
 * Neo4j's output) if the JVM exits first or is not ready in time (180 s by default).
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions = {}): Promise<LocalNeo4j> {
  const onLog = options.onLog ?? defaultLog;
  const requestedPort = options.port ?? Number(env('NEO4J_LOCAL_PORT') ?? 7687);
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) {
    throw new Error(`Invalid Neo4j port: ${String(options.port ?? env('NEO4J_LOCAL_PORT'))}`);
  }
  const dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);

  checkJava();
  const classpath = await ensureNeo4jClasspath(onLog);
  const launcherDir = await ensureLauncherCompiled(classpath, onLog);
  const port = await claimPort(requestedPort);
  await mkdir(dataDir, { recursive: true });
  // A stray extra-settings file from a manual run with --conf must not leak in.
  await rm(join(dataDir, 'launcher-extra.conf'), { force: true });

  const heap = env('NEO4J_HEAP') ?? '2g';
  onLog(`Starting Neo4j on ${HOST}:${port} (heap ${heap}, data in ${dataDir})…`);
  const child = spawn(
    'java',
    [
      `-Xmx${heap}`,
      '-XX:+ExitOnOutOfMemoryError',
      '-Dfile.encoding=UTF-8',
      'Launcher',
      '--port',
      String(port),
      '--data',
      dataDir,
    ],
    {
      cwd: REPO_ROOT,
      // Classpath through the environment keeps `ps` readable (236 jars).
      env: { ...process.env, CLASSPATH: `${launcherDir}:${classpath}` },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  // Writes never happen; closing (by stop() or by our death) is the signal.
  child.stdin.on('error', () => {});

  const killOnExit = (): void => {
    // Synchronous last chance; the closed stdin pipe would also stop it.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.on('exit', killOnExit);

  const tail: string[] = [];
  let readyUri: string | undefined;
  let onReady: ((uri: string) => void) | undefined;
  const forward = (line: string): void => {
    tail.push(line);
    if (tail.length > LOG_TAIL_LINES) tail.shift();
    const m = READY_RE.exec(line);
    if (m && !readyUri) {
      readyUri = m[1];
      onReady?.(m[1] ?? '');
    }
    onLog(line);
  };
  createInterface({ input: child.stdout }).on('line', forward);
  createInterface({ input: child.stderr }).on('line', forward);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const exited = waitForExit(child);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        child.stdin.end();
        const timer = setTimeout(() => {
          onLog(`Neo4j did not stop within ${STOP_KILL_AFTER_MS / 1000} s; killing it`);
          child.kill('SIGKILL');
        }, STOP_KILL_AFTER_MS);
        await exited;
        clearTimeout(timer);
      }
      process.removeListener('exit', killOnExit);
    })();
    return stopping;
  };

  const started = Date.now();
  try {
    const uri = await new Promise<string>((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`Neo4j was not ready within ${START_TIMEOUT_MS / 1000} s:\n${tail.join('\n')}`));
      }, START_TIMEOUT_MS);
      onReady = (u) => {
        clearTimeout(timer);
        resolvePromise(u);
      };
      if (readyUri) onReady(readyUri);
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(new Error(`${NEEDS_TOOLS} (could not start java: ${err.message})`));
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        // Let the readline interfaces flush the last lines first.
        setImmediate(() => {
          const failed = tail.find((l) => l.startsWith('NEO4J_FAILED '));
          const reason = failed ? failed.slice('NEO4J_FAILED '.length) : `exit ${signal ?? code}`;
          const rest = tail.filter((l) => l !== failed).join('\n');
          reject(new Error(`Neo4j exited before it was ready: ${reason}\n--- last output ---\n${rest}`));
        });
      });
    });
    onLog(`Neo4j ready at ${uri} in ${((Date.now() - started) / 1000).toFixed(1)} s (data: ${dataDir})`);
    return { uri, port, dataDir, stop, exited: waitForExit(child), pid: child.pid! };
  } catch (err) {
    await stop();
    throw err;
  }
}
