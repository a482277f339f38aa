import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ALIASES, MAX_NAME_CHARS } from '../../src/domain/name-limits.js';
import { annotate } from '../support/annotate.js';
import { createTestApp, execute, uniqueTag, type TestApp } from '../support/services.js';

/**
 * Input that Neo4j or Lucene cannot take (an index key over 8 KB, a full-text query over 1,024
 * clauses) and links a front-end must not render: each is a BAD_USER_INPUT naming the field and
 * the limit, before anything is written.
 */

const INGEST = `mutation BoundsIngest($input: IngestDocumentInput!) {
  ingestDocument(input: $input) { status document { id sourceUrl } entities { id name } }
}`;

const UPDATE = `mutation BoundsUpdate($id: ID!, $input: UpdateEntityInput!) {
  updateEntity(id: $id, input: $input) { id name aliases }
}`;

interface Errors {
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

function badInput(response: Errors): string {
  expect(response.errors, JSON.stringify(response.errors)).toHaveLength(1);
  expect(response.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
  return response.errors![0]!.message;
}

describe('bounds on what a write may contain', () => {
  let app: TestApp;
  const tags: string[] = [];
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.store.write((tx) =>
      tx.run(
        `UNWIND $tags AS tag
         MATCH (n) WHERE (n:Entity AND n.name CONTAINS tag) OR (n:Document AND n.text CONTAINS tag)
         DETACH DELETE n`,
        { tags },
      ),
    );
    await app.close();
  });

  async function tagged(tag: string): Promise<{ documents: number; entities: number }> {
    const [row] = await app.store.read(
      `CALL { MATCH (d:Document) WHERE d.text CONTAINS $tag RETURN count(d) AS documents }
       CALL { MATCH (n:Entity) WHERE n.name CONTAINS $tag RETURN count(n) AS entities }
       RETURN documents, entities`,
      { tag },
    );
    return row as { documents: number; entities: number };
  }

  function document(tag: string, name: string, aliases: string[] = []) {
    const text = `The Office ${tag} warned students ${tag}.`;
    return {
      text,
      language: 'EN' as const,
      useExtractor: false,
      annotations: annotate(text, [
        { type: 'Agency', name, aliases, mentions: [`Office ${tag}`] },
        { type: 'TargetGroup', name: `Students ${tag}`, mentions: [`students ${tag}`] },
      ]),
    };
  }

  it('refuses an entity name over the limit (an 8 KB index key) and writes nothing', async () => {
    const tag = uniqueTag('nb');
    tags.push(tag);
    const name = `Office ${tag} ${'x'.repeat(9_000)}`;
    const message = badInput(await execute(app.yoga, INGEST, { input: document(tag, name) }));
    expect(message).toMatch(/annotations\.entities\[0\]\.name is \d+ characters long; a name may have at most 500/);
    expect(await tagged(tag)).toEqual({ documents: 0, entities: 0 });

    // At the limit it loads.
    const longest = `Office ${tag} `.padEnd(MAX_NAME_CHARS, 'y');
    const loaded = await execute(app.yoga, INGEST, { input: document(tag, longest) });
    expect(loaded.errors).toBeUndefined();
    expect(await tagged(tag)).toEqual({ documents: 1, entities: 2 });
  });

  it('refuses more aliases than the limit (Lucene allows 1,024 clauses) and writes nothing', async () => {
    const tag = uniqueTag('na');
    tags.push(tag);
    const aliases = Array.from({ length: 1_100 }, (_, i) => `Office ${tag} alias ${i}`);
    const message = badInput(await execute(app.yoga, INGEST, { input: document(tag, `Office ${tag}`, aliases) }));
    expect(message).toBe(`annotations.entities[0].aliases has 1100 aliases; an entity may have at most ${MAX_ALIASES}`);
    expect(await tagged(tag)).toEqual({ documents: 0, entities: 0 });

    const loaded = await execute(app.yoga, INGEST, { input: document(tag, `Office ${tag}`, aliases.slice(0, MAX_ALIASES)) });
    expect(loaded.errors).toBeUndefined();
    // A second document naming one of those aliases finds the entity through the full-text index.
    const text = `Office ${tag} alias 7 warned students ${tag} again.`;
    const second = await execute(app.yoga, INGEST, {
      input: {
        text,
        language: 'EN' as const,
        useExtractor: false,
        annotations: annotate(text, [{ type: 'Agency', name: `Office ${tag} alias 7`, mentions: [`Office ${tag} alias 7`] }]),
      },
    });
    expect(second.errors).toBeUndefined();
    expect(await tagged(tag)).toEqual({ documents: 2, entities: 2 });
  });

  it('refuses a 10,000-character name or too many aliases in updateEntity and changes nothing', async () => {
    const tag = uniqueTag('nu');
    tags.push(tag);
    const loaded = await execute<{ ingestDocument: { entities: { id: string; name: string }[] } }, unknown>(
      app.yoga,
      INGEST,
      { input: document(tag, `Office ${tag}`) },
    );
    const office = loaded.data!.ingestDocument.entities.find((entity) => entity.name === `Office ${tag}`)!;

    const longName = badInput(await execute(app.yoga, UPDATE, { id: office.id, input: { name: 'n'.repeat(10_000) } }));
    expect(longName).toBe(`input.name is 10000 characters long; a name may have at most ${MAX_NAME_CHARS}`);
    const manyAliases = badInput(
      await execute(app.yoga, UPDATE, { id: office.id, input: { aliases: Array.from({ length: 1_025 }, (_, i) => `a${i}`) } }),
    );
    expect(manyAliases).toBe(`input.aliases has 1025 aliases; an entity may have at most ${MAX_ALIASES}`);
    const longAlias = badInput(await execute(app.yoga, UPDATE, { id: office.id, input: { aliases: ['ok', 'z'.repeat(600)] } }));
    expect(longAlias).toBe(`input.aliases[1] is 600 characters long; a name may have at most ${MAX_NAME_CHARS}`);

    const [entity] = await app.store.read('MATCH (n:Entity {id: $id}) RETURN n.name AS name, n.aliases AS aliases, n.nameCurated AS curated', {
      id: office.id,
    });
    expect(entity).toEqual({ name: `Office ${tag}`, aliases: [`Office ${tag}`], curated: false });
  });

  it('takes only http and https source URLs', async () => {
    const tag = uniqueTag('nl');
    tags.push(tag);
    for (const [sourceUrl, reason] of [
      ['javascript:alert(1)', 'must be an http or https URL, not javascript:'],
      ['not a url', 'is not a URL'],
      ['ftp://files.example.org/report.txt', 'must be an http or https URL, not ftp:'],
      ['data:text/html,<script>alert(1)</script>', 'must be an http or https URL, not data:'],
      [`https://example.org/${'p'.repeat(3_000)}`, 'the limit is 2048'],
    ] as const) {
      const message = badInput(await execute(app.yoga, INGEST, { input: { ...document(tag, `Office ${tag}`), sourceUrl } }));
      expect(message).toContain(reason);
      expect(message.length).toBeLessThan(300);
    }
    expect(await tagged(tag)).toEqual({ documents: 0, entities: 0 });

    const loaded = await execute<{ ingestDocument: { document: { sourceUrl: string } } }, unknown>(app.yoga, INGEST, {
      input: { ...document(tag, `Office ${tag}`), sourceUrl: ' https://example.org/news/item?id=4 ' },
    });
    expect(loaded.errors).toBeUndefined();
    expect(loaded.data!.ingestDocument.document.sourceUrl).toBe('https://example.org/news/item?id=4');
  });
});
