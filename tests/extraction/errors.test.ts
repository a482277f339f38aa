import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument, DEFAULT_MAX_INPUT_CHARS, ExtractionInputError } from '../../src/extraction/index.js';
import type { ExtractionInput } from '../../src/extraction/types.js';

function errorOf(input: ExtractionInput, maxInputChars?: number): ExtractionInputError {
  try {
    extractDocument(input, maxInputChars ? { maxInputChars } : {});
  } catch (err) {
    expect(err).toBeInstanceOf(ExtractionInputError);
    return err as ExtractionInputError;
  }
  throw new Error('expected an ExtractionInputError');
}

describe('bad input is a typed error, never a crash or a partial result', () => {
  it('rejects empty and whitespace-only text', () => {
    expect(errorOf({ text: '' }).code).toBe('EMPTY_TEXT');
    expect(errorOf({ text: ' \n\t\u00a0 ' }).code).toBe('EMPTY_TEXT');
  });

  it('rejects control characters and binary data', () => {
    expect(errorOf({ text: 'Le MSS\u0007 a parlé.' }).code).toBe('BINARY_INPUT');
    expect(errorOf({ text: 'PNG\u0000\u0001\u0002 data' }).code).toBe('BINARY_INPUT');
    expect(errorOf({ text: '\ufffd\ufffd\ufffd\ufffd abc' }).code).toBe('BINARY_INPUT');
  });

  it('rejects text over the size limit, default or configured', () => {
    expect(DEFAULT_MAX_INPUT_CHARS).toBe(1_000_000);
    expect(errorOf({ text: 'a'.repeat(DEFAULT_MAX_INPUT_CHARS + 1) }).code).toBe('TEXT_TOO_LARGE');
    expect(errorOf({ text: 'The MSS warned students.' }, 10).code).toBe('TEXT_TOO_LARGE');
  });

  it('rejects malformed dates and languages', () => {
    expect(errorOf({ text: 'The MSS warned students.', publishedAt: '10 May 2024' }).code).toBe('INVALID_DATE');
    expect(errorOf({ text: 'The MSS warned students.', language: 'French' }).code).toBe('INVALID_LANGUAGE');
  });

  it('accepts tabs, line breaks and text without any entity', () => {
    const result = extractDocument({ text: 'Il fait beau.\tDemain aussi.\r\nFin.' });
    expect(result.entities).toEqual([]);
    expect(result.relations).toEqual([]);
  });
});

describe('the extract CLI', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'extract-cli-'));
  const run = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/extract.ts', ...args], { cwd: join(__dirname, '../..'), encoding: 'utf8' });

  it('prints exactly one JSON object', () => {
    const file = join(dir, 'ok.txt');
    writeFileSync(file, 'Le ministère chinois de la Sécurité d’État a publié vendredi un article.');
    const out = run('--published-at', '2024-05-10', file);
    expect(out.status).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.language).toBe('fr');
    expect(json.entities.length).toBeGreaterThan(0);
  });

  it('fails with one clear line on bad input', () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '   ');
    const out = run(empty);
    expect(out.status).not.toBe(0);
    expect(out.stdout).toBe('');
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(/EMPTY_TEXT/);
    const badDate = run('--published-at', 'yesterday', empty);
    expect(badDate.status).not.toBe(0);
    const missing = run(join(dir, 'nope.txt'));
    expect(missing.stderr).toMatch(/cannot read/);
    const binary = join(dir, 'bin.dat');
    writeFileSync(binary, Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x00]));
    expect(run(binary).stderr.trim().split('\n')).toHaveLength(1);
  });

  it('answers --help', () => {
    const out = run('--help');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/--published-at/);
  });
});
