import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

function runExtract(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/extract.ts', ...args], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

interface Extraction {
  language: string;
  entities: { type: string; name: string; date: string | null; mentions: { start: number; text: string }[] }[];
}

// The header names MI5 in its title: extracting from it would add mentions; the body's "yesterday"
// resolves against Published.
const DOCUMENT = `Title: MI5 and the fake recruiters
Language: en
Published: 2024-03-12

MI5 arrested a man yesterday in London for spying for a foreign intelligence service.
`;

describe('npm run extract', { timeout: 120_000 }, () => {
  it('reads the ingest header from standard input: offsets count from the body, dates resolve against Published', async () => {
    const run = await runExtract(['-'], DOCUMENT);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as Extraction;
    expect(result.language).toBe('en');
    const mi5 = result.entities.find((entity) => entity.type === 'Agency' && entity.mentions.some((m) => m.text === 'MI5'));
    expect(mi5?.mentions.map((mention) => mention.start)).toEqual([0]);
    const event = result.entities.find((entity) => entity.type === 'Event');
    expect(event?.date).toBe('2024-03-11');

    // --raw takes the header as text, and the options win over the header.
    const raw = JSON.parse((await runExtract(['--raw', '--published-at', '2024-03-12', '-'], DOCUMENT)).stdout) as Extraction;
    const rawMi5 = raw.entities.find((entity) => entity.type === 'Agency' && entity.mentions.some((m) => m.text === 'MI5'));
    expect(rawMi5?.mentions.length).toBe(2);
  });
});
