import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { extractDocument, ruleBasedExtractor } from '../../src/extraction/index.js';
import { ExtractionInputError } from '../../src/extraction/types.js';
import { parseDocumentFile } from '../../src/ingestion/document-files.js';
import { ExtractionPool } from '../../src/ingestion/extraction-pool.js';
import { normalizeDocumentText } from '../../src/domain/ids.js';

const SEED = new URL('../../seeds/01-fr-mss-avertissement-ressortissants.txt', import.meta.url);

// A worker's first extraction compiles the lexicons and grammars: seconds on a loaded machine,
// more than vitest's 5 s default when other work shares the cores.
describe('ExtractionPool', { timeout: 30_000 }, () => {
  const pool = new ExtractionPool({ name: ruleBasedExtractor.name, version: ruleBasedExtractor.version, size: 2, maxChars: 20_000 });

  afterAll(async () => {
    await pool.close();
  });

  it('runs the built-in extractor in worker threads with the same result as in-process', async () => {
    const seed = parseDocumentFile(await readFile(SEED, 'utf8'));
    const input = { text: normalizeDocumentText(seed.text), language: seed.language ?? undefined, publishedAt: seed.publishedAt ?? undefined };
    const inWorker = await pool.extract(input);
    expect(inWorker).toEqual(extractDocument(input));
    expect(inWorker.entities.length).toBeGreaterThan(0);
    expect(pool.version).toBe(ruleBasedExtractor.version);
  });

  it('serves several documents at once', async () => {
    const texts = Array.from({ length: 6 }, (_, i) => `Le ministère chinois de la Sécurité d'État a publié l'avertissement numéro ${i}.`);
    const results = await Promise.all(texts.map((text) => pool.extract({ text, language: 'fr', publishedAt: '2024-05-10' })));
    expect(results).toHaveLength(6);
    for (const [i, result] of results.entries()) expect(result).toEqual(extractDocument({ text: texts[i]!, language: 'fr', publishedAt: '2024-05-10' }));
  });

  it('refuses a text over the size limit before it reaches a worker, and passes input errors through', async () => {
    await expect(pool.extract({ text: 'x'.repeat(20_001) })).rejects.toBeInstanceOf(ExtractionInputError);
    await expect(pool.extract({ text: 'Some text', publishedAt: 'not a date' })).rejects.toBeInstanceOf(ExtractionInputError);
  });

  it('stops an extraction over the time limit and keeps working with a fresh worker', async () => {
    const hasty = new ExtractionPool({ name: 'x', version: '1', size: 1, timeoutMs: 1, maxChars: 2_000_000 });
    try {
      const long = "Le ministère chinois de la Sécurité d'État met en garde les étudiants. ".repeat(5_000);
      await expect(hasty.extract({ text: long, language: 'fr' })).rejects.toMatchObject({ code: 'TIMEOUT' });
    } finally {
      await hasty.close();
    }
    // The shared pool is unaffected.
    await expect(pool.extract({ text: 'The MSS warned students.', language: 'en' })).resolves.toMatchObject({ language: 'en' });
  });
});
