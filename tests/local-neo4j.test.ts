/**
 * The built-in Neo4j (src/dev/local-neo4j.ts): a real JVM, a real Bolt server.
 * Needs Java 17+ and Maven; the first run on a machine downloads the jars (~130 MB).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalNeo4j, type LocalNeo4j } from '../src/dev/local-neo4j.js';

const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const START_TIMEOUT = 240_000; // a cold ~/.m2 means a Maven download first

/** PIDs of java processes whose command line mentions `dataDir` (Linux /proc). */
function javaPidsFor(dataDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmd[0]?.endsWith('java') && cmd.includes(dataDir)) pids.push(Number(entry));
    } catch {
      // process went away meanwhile
    }
  }
  return pids;
}

async function waitUntil(cond: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return cond();
}

function portAccepts(port: number): Promise<boolean> {
  return new Promise((r) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      r(true);
    });
    socket.once('error', () => r(false));
  });
}

describe('local Neo4j (embedded, from Maven Central jars)', () => {
  let tmp: string;
  let dataDir: string;
  let db: LocalNeo4j;
  let driver: Driver;
  const logs: string[] = [];

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'dossier-neo4j-'));
    dataDir = join(tmp, 'data');
    db = await startLocalNeo4j({ port: 0, dataDir, onLog: (l) => logs.push(l) });
    // Auth is disabled: no auth token at all.
    driver = neo4j.driver(db.uri);
  }, START_TIMEOUT);

  afterAll(async () => {
    await driver?.close();
    await db?.stop();
    for (const pid of javaPidsFor(dataDir)) process.kill(pid, 'SIGKILL'); // only if a test failed midway
    await rm(tmp, { recursive: true, force: true });
  }, 60_000);

  it('serves Bolt on loopback with auth disabled', async () => {
    expect(db.uri).toBe(`bolt://127.0.0.1:${db.port}`);
    expect(db.port).toBeGreaterThan(0);
    expect(db.dataDir).toBe(dataDir);
    expect(logs.some((l) => l === `NEO4J_READY ${db.uri}`)).toBe(true);

    const res = await driver.executeQuery('RETURN 1 AS one');
    expect(res.records[0]?.get('one').toNumber()).toBe(1);

    // Any credentials are accepted too when auth is disabled.
    const withBasic = neo4j.driver(db.uri, neo4j.auth.basic('neo4j', 'neo4j'));
    try {
      const r = await withBasic.executeQuery('RETURN 2 AS two');
      expect(r.records[0]?.get('two').toNumber()).toBe(2);
    } finally {
      await withBasic.close();
    }
  });

  it('has full-text indexes with the standard-folding analyzer', async () => {
    await driver.executeQuery(
      `CREATE FULLTEXT INDEX person_names IF NOT EXISTS FOR (n:Person) ON EACH [n.name]
       OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding' } }`,
    );
    await driver.executeQuery(
      `UNWIND ['Zoë Müller', 'Łukasz Żółć', 'John Smith'] AS name CREATE (:Person { name: name })`,
    );
    await driver.executeQuery('CALL db.awaitIndexes(60)');

    const cfg = await driver.executeQuery(
      `SHOW FULLTEXT INDEXES YIELD name, options WHERE name = 'person_names' RETURN options`,
    );
    expect(cfg.records[0]?.get('options').indexConfig['fulltext.analyzer']).toBe('standard-folding');

    const search = async (q: string): Promise<string[]> => {
      const r = await driver.executeQuery(
        `CALL db.index.fulltext.queryNodes('person_names', $q) YIELD node RETURN node.name AS name ORDER BY name`,
        { q },
      );
      return r.records.map((rec) => rec.get('name') as string);
    };
    // Unaccented query finds the accented name, and the other way round.
    expect(await search('zoe muller')).toEqual(['Zoë Müller']);
    expect(await search('Zoë Müller')).toEqual(['Zoë Müller']);
    expect(await search('lukasz zolc')).toEqual(['Łukasz Żółć']);
    expect(await search('smíth')).toEqual(['John Smith']);
    expect(await search('nobody')).toEqual([]);
  });

  it('runs shortestPath', async () => {
    await driver.executeQuery(
      `CREATE (a:Hop {id: 'a'})-[:LINK]->(b:Hop {id: 'b'})-[:LINK]->(c:Hop {id: 'c'})-[:LINK]->(d:Hop {id: 'd'}),
              (a)-[:LINK]->(x:Hop {id: 'x'})-[:LINK]->(d)`,
    );
    const res = await driver.executeQuery(
      `MATCH (a:Hop {id: 'a'}), (d:Hop {id: 'd'})
       MATCH p = shortestPath((a)-[:LINK*..10]-(d))
       RETURN [n IN nodes(p) | n.id] AS ids, length(p) AS len`,
    );
    expect(res.records).toHaveLength(1);
    expect(res.records[0]?.get('ids')).toEqual(['a', 'x', 'd']);
    expect(res.records[0]?.get('len').toNumber()).toBe(2);
  });

  it('honours a per-transaction timeout and has no APOC', async () => {
    const session = driver.session();
    try {
      const slow = session.run(
        'UNWIND range(1, 1000000000) AS i WITH i WHERE i % 7 = 3 RETURN count(i)',
        {},
        { timeout: 300 },
      );
      await expect(slow).rejects.toMatchObject({ code: expect.stringMatching(/TransactionTimedOut/) });
    } finally {
      await session.close();
    }
    await expect(driver.executeQuery('RETURN apoc.version()')).rejects.toThrow();
  });

  it('fails clearly when the port is already in use', async () => {
    await expect(startLocalNeo4j({ port: db.port, dataDir: join(tmp, 'other'), onLog: () => {} })).rejects.toThrow(
      /Port \d+ on 127\.0\.0\.1 is already in use/,
    );
  });

  it(
    'recovers after the JVM is killed with SIGKILL (no stale lock), keeping committed data',
    async () => {
      await driver.executeQuery(`CREATE (:Marker {v: 'before-kill'})`);
      const pids = javaPidsFor(dataDir);
      expect(pids).toHaveLength(1);
      process.kill(pids[0] ?? -1, 'SIGKILL');
      expect(await waitUntil(() => javaPidsFor(dataDir).length === 0, 10_000)).toBe(true);
      await driver.close();
      await db.stop(); // already dead: resolves at once

      db = await startLocalNeo4j({ port: 0, dataDir, onLog: (l) => logs.push(l) });
      driver = neo4j.driver(db.uri);
      const r = await driver.executeQuery(`MATCH (m:Marker) RETURN m.v AS v`);
      expect(r.records.map((rec) => rec.get('v'))).toEqual(['before-kill']);
      const people = await driver.executeQuery(
        `CALL db.index.fulltext.queryNodes('person_names', 'muller') YIELD node RETURN count(node) AS n`,
      );
      expect(people.records[0]?.get('n').toNumber()).toBe(1);
    },
    START_TIMEOUT,
  );

  it(
    'dies with its parent: a SIGKILLed Node parent leaves no Java process behind',
    async () => {
      const orphanData = join(tmp, 'orphan');
      const script = join(tmp, 'parent.mts'); // .mts: ESM (top-level await) outside the repo's package
      const moduleUrl = pathToFileURL(join(REPO_ROOT, 'src', 'dev', 'local-neo4j.ts')).href;
      await writeFile(
        script,
        `import { startLocalNeo4j } from ${JSON.stringify(moduleUrl)};
         const db = await startLocalNeo4j({ port: 0, dataDir: ${JSON.stringify(orphanData)}, onLog: () => {} });
         console.log('UP ' + db.uri);
         setInterval(() => {}, 1000);`,
      );
      // Node itself with tsx's loader (the tsx CLI would put a wrapper process in between).
      const tsxLoader = join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs');
      expect(existsSync(tsxLoader)).toBe(true);
      const parent = spawn(process.execPath, ['--import', pathToFileURL(tsxLoader).href, script], {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      try {
        const uri = await new Promise<string>((ok, fail) => {
          let out = '';
          parent.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            const m = /UP (bolt:\/\/\S+)/.exec(out);
            if (m?.[1]) ok(m[1]);
          });
          parent.once('exit', (code) => fail(new Error(`parent exited early (${code}): ${out}`)));
        });
        const port = Number(new URL(uri.replace('bolt:', 'http:')).port);
        expect(javaPidsFor(orphanData)).toHaveLength(1);
        expect(await portAccepts(port)).toBe(true);

        parent.kill('SIGKILL'); // no exit handlers run; only the closed stdin pipe tells Java
        expect(await waitUntil(() => javaPidsFor(orphanData).length === 0, 30_000)).toBe(true);
        expect(await portAccepts(port)).toBe(false);
      } finally {
        parent.kill('SIGKILL');
        for (const pid of javaPidsFor(orphanData)) process.kill(pid, 'SIGKILL');
      }
    },
    START_TIMEOUT,
  );

  it('stop() shuts Neo4j down and the process is gone', async () => {
    expect(javaPidsFor(dataDir)).toHaveLength(1);
    await driver.close();
    const t0 = Date.now();
    await db.stop();
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(javaPidsFor(dataDir)).toEqual([]);
    expect(await portAccepts(db.port)).toBe(false);
    await db.stop(); // idempotent
  }, 60_000);
});
