import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deleteDocument } from '../../src/store/curation.js';
import { createTestApp, uniqueTag, type TestApp } from '../support/services.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `npm run ingest -- …` as a user would (tsx), against the test Neo4j. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
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
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run ingest', () => {
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
    expect(first.code).toBe(1); // one file failed
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
