import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnvFile } from '../../src/env-file.js';

describe('loadEnvFile', () => {
  let dir: string;
  const names = ['DOSSIER_TEST_FROM_FILE', 'DOSSIER_TEST_ALREADY_SET', 'DOSSIER_TEST_QUOTED'];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dossier-env-'));
  });
  afterAll(async () => {
    for (const name of names) delete process.env[name];
    await rm(dir, { recursive: true, force: true });
  });

  it('loads the file, keeps variables already set, and takes a missing file as nothing to load', async () => {
    const file = join(dir, '.env');
    await writeFile(
      file,
      '# a comment\nDOSSIER_TEST_FROM_FILE=bolt://db:7687\nDOSSIER_TEST_ALREADY_SET=from-file\nDOSSIER_TEST_QUOTED="a # b"\n',
    );
    process.env.DOSSIER_TEST_ALREADY_SET = 'from-shell';
    expect(loadEnvFile(file)).toBe(true);
    expect(process.env.DOSSIER_TEST_FROM_FILE).toBe('bolt://db:7687');
    expect(process.env.DOSSIER_TEST_ALREADY_SET).toBe('from-shell');
    expect(process.env.DOSSIER_TEST_QUOTED).toBe('a # b');
    expect(loadEnvFile(join(dir, 'missing.env'))).toBe(false);
  });
});
