import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { parseDocumentFile } from '../../src/ingestion/document-files.js';
import { SEEDS_DIR } from '../../src/ingestion/seed.js';
import { createTestApp, execute, type TestApp } from '../support/services.js';

const Extract = graphql(`
  query ReadExtract($text: String!, $language: Language, $publishedAt: String) {
    extract(text: $text, language: $language, publishedAt: $publishedAt) {
      language
      entities {
        id
        type
        name
        aliases
        date
        datePrecision
        generic
        mentions {
          start
          end
          text
        }
      }
      relations {
        type
        source
        target
        evidence {
          start
          end
          text
        }
      }
    }
  }
`);

describe('extract: the extractor behind the API, writing nothing', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('returns entities with mentions and relations with their evidence, and writes nothing', async () => {
    const seed = parseDocumentFile(await readFile(join(SEEDS_DIR, '02-en-mss-warning-nationals-abroad.txt'), 'utf8'));
    const countNodes = async () => (await app.store.read('MATCH (n) RETURN count(n) AS n'))[0]?.n;
    const before = await countNodes();
    const result = await execute(app.yoga, Extract, { text: seed.text, publishedAt: seed.publishedAt });
    expect(result.errors).toBeUndefined();
    const preview = result.data!.extract;
    expect(preview.language).toBe('en');
    const mss = preview.entities.find((entity) => entity.id === 'agency:ministry-of-state-security-china');
    expect(mss).toMatchObject({ type: 'AGENCY', name: 'Ministry of State Security (China)', generic: false });
    for (const mention of mss!.mentions) expect(seed.text.slice(mention.start, mention.end)).toBe(mention.text);
    const warns = preview.relations.find(
      (relation) => relation.type === 'WARNS' && relation.source === mss!.id && relation.target === 'target-group:chinese-nationals-posted-abroad',
    );
    expect(warns).toBeDefined();
    for (const evidence of warns!.evidence) expect(evidence.text).toBe(seed.text.slice(evidence.start, evidence.end));
    expect(await countNodes()).toBe(before);
  });

  it('answers BAD_USER_INPUT for empty text, a bad language or a bad date', async () => {
    for (const variables of [
      { text: '   ' },
      { text: 'Le MSS a publié un avertissement.', language: 'french' as never },
      { text: 'Le MSS a publié un avertissement.', publishedAt: '2024-13-45' },
    ]) {
      const result = await execute(app.yoga, Extract, variables);
      expect(result.data ?? null, JSON.stringify(variables)).toBeNull();
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
    }
  });
});
