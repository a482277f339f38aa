import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deleteDocument } from '../../src/store/curation.js';
import type { Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { closeServer, listen } from '../../src/server/server.js';
import { createTestApp, uniqueTag, type TestApp } from '../support/services.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `npm run ingest -- …` as a user would (tsx), against the test Neo4j; `stdin` is piped in. */
function runCli(args: string[], stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', ...args], {
      cwd: REPO,
      env: {
        ...process.env,
        NEO4J_URI: inject('neo4jUri'),
        NEO4J_USERNAME: inject('neo4jUsername'),
        NEO4J_PASSWORD: inject('neo4jPassword'),
        NEO4J_DATABASE: inject('neo4jDatabase'),
        LOG_LEVEL: 'warn',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.end(stdin ?? '');
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// Each case spawns the CLI (tsx, worker threads) a few times: slow on a loaded machine.
const CLI_TIMEOUT_MS = 180_000;

describe('npm run ingest', { timeout: CLI_TIMEOUT_MS }, () => {
  let app: TestApp;
  let dir: string;
  const tag = uniqueTag('cli');

  beforeAll(async () => {
    app = await createTestApp();
    dir = await mkdtemp(join(tmpdir(), 'dossier-ingest-cli-'));
    await writeFile(
      join(dir, 'a.txt'),
      `Title: MI5 warning ${tag}\nLanguage: en\nPublished: 2024-03-01\n\nMI5 warned universities about fake profiles used by Chinese intelligence services (${tag}).\n`,
    );
    await writeFile(join(dir, 'b.txt'), `Published: 2024-13-45\n\nA document with a malformed date (${tag}).\n`);
    await writeFile(join(dir, 'ignored.md'), 'not a .txt file');
  });

  afterAll(async () => {
    // Removes what the CLI loaded, support included.
    const rows = await app.store.read(`MATCH (d:Document) WHERE d.text CONTAINS $tag RETURN d.id AS id`, { tag });
    for (const row of rows) await deleteDocument(app.store, row.id as string);
    await rm(dir, { recursive: true, force: true });
    await app.close();
  });

  it('loads a folder, reports each failure, prints a JSON summary on stdout, and is idempotent', async () => {
    const first = await runCli([dir]);
    expect(first.code, first.stderr).toBe(1); // one file failed
    const summary = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ files: 2, created: 1, unchanged: 0, failed: 1, dryRun: false });
    expect(summary.failures).toEqual([expect.objectContaining({ file: join(dir, 'b.txt'), code: 'BAD_USER_INPUT' })]);
    expect(first.stderr).toMatch(/2 files: 1 new, 0 unchanged, 0 replaced, 1 failed/);
    const loaded = await app.store.read(`MATCH (d:Document) WHERE d.text CONTAINS $tag RETURN d.title AS title, d.language AS language`, {
      tag,
    });
    expect(loaded).toEqual([{ title: `MI5 warning ${tag}`, language: 'en' }]);

    const again = await runCli([join(dir, 'a.txt')]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ files: 1, created: 0, unchanged: 1, failed: 0 });
  });

  it('answers --help and refuses bad arguments with one clear line', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run ingest/);
    const bad = await runCli(['--concurrency', 'lots', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--concurrency must be a whole number/);
  });
});

/** A port nothing listens on: bound, then released. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe('npm run ingest -- --endpoint (into a running server)', { timeout: CLI_TIMEOUT_MS }, () => {
  const apiKey = 'cli-test-key-0123456789';
  let app: TestApp;
  let server: Server;
  let endpoint: string;
  let dir: string;
  const tag = uniqueTag('cliep');

  beforeAll(async () => {
    // The real app on a free port, with an API key: the CLI must send it.
    app = await createTestApp({ API_KEY: apiKey });
    server = await listen(app.yoga, 0, '127.0.0.1');
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    dir = await mkdtemp(join(tmpdir(), 'dossier-ingest-endpoint-'));
    for (let index = 0; index < 3; index += 1) {
      await writeFile(
        join(dir, `doc-${index}.txt`),
        `Title: Warning ${index} ${tag}\nLanguage: en\nPublished: 2024-04-0${index + 1}\n\nMI5 warned engineers about fake recruiters on professional networks (${tag} ${index}).\n`,
      );
    }
  });

  afterAll(async () => {
    const rows = await app.store.read(`MATCH (d:Document) WHERE d.text CONTAINS $tag RETURN d.id AS id`, { tag });
    for (const row of rows) await deleteDocument(app.store, row.id as string);
    await closeServer(server);
    await rm(dir, { recursive: true, force: true });
    await app.close();
  });

  it('loads files and standard input through ingestDocuments, in batches, with the header read and a summary', async () => {
    const stdinDocument = `Title: From stdin ${tag}\nLanguage: en\nPublished: 2024-05-01\n\nMI5 warned universities about fake profiles (${tag} stdin).\n`;
    const run = await runCli(['--endpoint', endpoint, '--key', apiKey, '--batch', '2', dir, '-'], stdinDocument);
    expect(run.stderr).toMatch(/4 files: 4 new, 0 unchanged, 0 replaced, 0 failed/);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ files: 4, endpoint, created: 4, failed: 0, dryRun: false });
    const after = summary.graphAfter as { documents: number };
    // At least: the server's stats are global, and another writer may share the database.
    expect(after.documents - (summary.graphBefore as { documents: number }).documents).toBeGreaterThanOrEqual(4);

    const loaded = await app.store.read(
      `MATCH (d:Document) WHERE d.text CONTAINS $tag RETURN d.title AS title, d.publishedAt AS publishedAt ORDER BY title`,
      { tag },
    );
    expect(loaded.map((row) => row.title)).toEqual([
      `From stdin ${tag}`,
      `Warning 0 ${tag}`,
      `Warning 1 ${tag}`,
      `Warning 2 ${tag}`,
    ]);
    expect(loaded[0]?.publishedAt).toBe('2024-05-01');

    // The same files again: nothing new, exit 0.
    const again = await runCli(['--endpoint', endpoint, '--key', apiKey, dir]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ files: 3, created: 0, unchanged: 3 });
  });

  it('stops with one clear line when the key is missing or the server cannot be reached', async () => {
    const noKey = await runCli(['--endpoint', endpoint, dir]);
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toMatch(/refused the call: UNAUTHENTICATED .*--key/);

    const closedPort = await freePort();
    const unreachable = await runCli(['--endpoint', `http://127.0.0.1:${closedPort}/graphql`, dir]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain(`cannot reach http://127.0.0.1:${closedPort}/graphql: ECONNREFUSED`);

    const badUrl = await runCli(['--endpoint', 'localhost:4000', dir]);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/--endpoint must be an http\(s\) URL/);
  });
});
