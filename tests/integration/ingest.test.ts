import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import type { ExtractionResult, Extractor } from '../../src/extraction/types.js';
import { ingestDocument } from '../../src/ingestion/ingest-document.js';
import { GraphStore, type QueryCounter, type WriteTransaction } from '../../src/store/graph-store.js';
import { annotate, domainInput } from '../support/annotate.js';
import { createTestApp, execute, uniqueTag, type TestApp } from '../support/services.js';

const Ingest = graphql(`
  mutation IngestAnnotated($input: IngestDocumentInput!, $dryRun: Boolean) {
    ingestDocument(input: $input, dryRun: $dryRun) {
      created
      status
      dryRun
      warnings
      document {
        id
        language
        extractorVersion
      }
      entities {
        id
        type
        name
        status
        resolvedFrom
      }
      relations {
        type
        source
        target
        status
      }
    }
  }
`);

const IngestMany = graphql(`
  mutation IngestMany($inputs: [IngestDocumentInput!]!) {
    ingestDocuments(inputs: $inputs) {
      index
      error {
        code
        message
      }
      result {
        status
        document {
          id
        }
      }
    }
  }
`);

/** A small story about one agency, with a tag so that its ids belong to this test only. */
function story(tag: string, variant: string, language: 'en' | 'fr' = 'en') {
  const agency = `Bureau ${tag}`;
  const text =
    language === 'fr'
      ? `Le ${agency} (B${tag}) a publié un avertissement ${variant}. Le B${tag} vise les étudiants ${tag}.`
      : `The ${agency} (B${tag}) issued a warning ${variant}. The B${tag} targets students ${tag}.`;
  const annotations = annotate(
    text,
    [
      { type: 'Agency', name: agency, aliases: [`B${tag}`], mentions: [agency, `B${tag}`] },
      {
        type: 'TargetGroup',
        name: `Students ${tag}`,
        aliases: language === 'fr' ? [`étudiants ${tag}`] : [],
        mentions: [language === 'fr' ? `étudiants ${tag}` : `students ${tag}`],
      },
    ],
    [
      {
        type: 'WARNS',
        source: `agency:bureau-${tag}`,
        target: `target-group:students-${tag}`,
        evidence: language === 'fr' ? `Le B${tag} vise les étudiants ${tag}.` : `The B${tag} targets students ${tag}.`,
      },
    ],
  );
  return { text, language: language === 'fr' ? ('FR' as const) : ('EN' as const), annotations, useExtractor: false };
}

async function countTagged(app: TestApp, tag: string) {
  const rows = await app.store.read(
    `MATCH (n:Entity) WHERE n.id CONTAINS $tag
     OPTIONAL MATCH (n)-[r]->(:Entity)
     RETURN count(DISTINCT n) AS nodes, count(DISTINCT r) AS relationships`,
    { tag },
  );
  return rows[0] as { nodes: number; relationships: number };
}

/** The real store, whose Nth statement inside a write transaction throws: a failure mid-write. */
class FailingStore extends GraphStore {
  constructor(
    inner: GraphStore,
    private readonly failAt: number,
  ) {
    super(inner.driver, inner.options);
  }

  override write<T>(work: (tx: WriteTransaction) => Promise<T>, counter?: QueryCounter): Promise<T> {
    let statements = 0;
    return super.write(
      (tx) =>
        work({
          run: async (cypher, params) => {
            statements += 1;
            if (statements === this.failAt) throw new Error(`injected failure at statement ${statements}`);
            return tx.run(cypher, params);
          },
        }),
      counter,
    );
  }
}

/**
 * The real store, running each transaction body twice: what the driver does when a commit went
 * through but its acknowledgement was lost with the connection.
 */
class ReplayingStore extends GraphStore {
  constructor(inner: GraphStore) {
    super(inner.driver, inner.options);
  }

  override async write<T>(work: (tx: WriteTransaction) => Promise<T>, counter?: QueryCounter): Promise<T> {
    await super.write(work, counter);
    return super.write(work, counter);
  }
}

describe('ingestDocument', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('writes the document, its entities, mentions and relations with their provenance', async () => {
    const tag = uniqueTag('i');
    const input = story(tag, 'one');
    const result = await execute(app.yoga, Ingest, { input });
    expect(result.errors).toBeUndefined();
    const payload = result.data!.ingestDocument;
    expect(payload).toMatchObject({ created: true, status: 'CREATED', dryRun: false });
    expect(payload.document.extractorVersion).toBe('annotations');
    expect(payload.entities.map((e) => [e.id, e.status]).sort()).toEqual([
      [`agency:bureau-${tag}`, 'CREATED'],
      [`target-group:students-${tag}`, 'CREATED'],
    ]);
    expect(payload.relations).toEqual([
      { type: 'WARNS', source: `agency:bureau-${tag}`, target: `target-group:students-${tag}`, status: 'CREATED' },
    ]);

    const docId = payload.document.id;
    const [agency] = await app.store.read(
      `MATCH (d:Document {id: $docId})-[m:MENTIONS]->(n:Entity:Agency {id: $id})
       RETURN n.name AS name, n.aliases AS aliases, n.aliasLanguages AS languages, n.searchText AS searchText,
         n.mentionCount AS mentionCount, m.spans AS spans`,
      { docId, id: `agency:bureau-${tag}` },
    );
    expect(agency).toMatchObject({
      name: `Bureau ${tag}`,
      aliases: [`B${tag}`, `Bureau ${tag}`],
      languages: ['en', 'en'],
      mentionCount: 3,
    });
    expect(agency!.searchText).toContain(`B${tag}`);
    const spans = (agency!.spans as string[]).map((span) => span.split(':').map(Number) as [number, number]);
    expect(spans.map(([start, end]) => input.text.slice(start, end)).sort()).toEqual(
      [`B${tag}`, `B${tag}`, `Bureau ${tag}`].sort(),
    );

    const [edge] = await app.store.read(
      `MATCH (:Entity {id: $source})-[r:WARNS]->(:Entity {id: $target})
       RETURN r.docIds AS docIds, r.evidence AS evidence, r.weight AS weight`,
      { source: `agency:bureau-${tag}`, target: `target-group:students-${tag}` },
    );
    expect(edge).toMatchObject({ docIds: [docId], weight: 1 });
    const [, start, end] = (edge!.evidence as string[])[0]!.split(':').slice(1).map(Number) as number[];
    expect(input.text.slice(start, end)).toBe(`The B${tag} targets students ${tag}.`);
  });

  it('uses a bounded number of statements per document, not one per entity', async () => {
    const tag = uniqueTag('b');
    const names = Array.from({ length: 40 }, (_, i) => `Tactic ${tag} ${i}`);
    const text = `The Agency ${tag} uses ${names.join(', ')}.`;
    const annotations = annotate(
      text,
      [
        { type: 'Agency', name: `Agency ${tag}`, mentions: [`Agency ${tag}`] },
        ...names.map((name) => ({ type: 'Tactic' as const, name, mentions: [name] })),
      ],
      names.map((name, i) => ({ type: 'USES', source: `agency:agency-${tag}`, target: `tactic:tactic-${tag}-${i}` })),
    );
    const counter = { queries: 0 };
    const result = await ingestDocument(
      app.store,
      domainInput({ text, language: 'en', annotations }),
      { maxDocumentChars: 100_000 },
      counter,
    );
    expect(result.entities).toHaveLength(41);
    expect(result.relations).toHaveLength(40);
    // existence check, write locks, document, ids and redirects, shared names, entities, mentions,
    // relations, their ends' degrees, lock release
    expect(counter.queries).toBeLessThanOrEqual(10);
    expect(await countTagged(app, tag)).toEqual({ nodes: 41, relationships: 40 });
  });

  it('changes nothing on a replay of the same text, and says so', async () => {
    const tag = uniqueTag('r');
    const input = story(tag, 'replayed');
    await execute(app.yoga, Ingest, { input });
    const before = await countTagged(app, tag);
    // Other line ends and padding: the same document (offsets point into the text as sent).
    const padded = `\r\n ${input.text}  `;
    const annotations = story(tag, 'replayed').annotations;
    const shifted = annotate(
      padded,
      annotations.entities.map((e) => ({ ...e, mentions: [...new Set(e.mentions.map((m) => m.text))] })),
      [{ ...annotations.relations[0]!, evidence: `The B${tag} targets students ${tag}.` }],
    );
    const again = await execute(app.yoga, Ingest, { input: { ...input, text: padded, annotations: shifted } });
    expect(again.errors).toBeUndefined();
    expect(again.data!.ingestDocument).toMatchObject({ created: false, status: 'UNCHANGED', entities: [], relations: [] });
    expect(again.data!.ingestDocument.warnings[0]).toMatch(/loaded before/);
    expect(await countTagged(app, tag)).toEqual(before);
    const [edge] = await app.store.read(`MATCH (:Entity {id: $id})-[r:WARNS]->() RETURN r.weight AS weight, size(r.evidence) AS evidence`, {
      id: `agency:bureau-${tag}`,
    });
    expect(edge).toEqual({ weight: 1, evidence: 1 });
  });

  it('answers a dry run like a load and writes nothing', async () => {
    const tag = uniqueTag('d');
    const input = story(tag, 'dry');
    const dry = await execute(app.yoga, Ingest, { input, dryRun: true });
    expect(dry.errors).toBeUndefined();
    expect(dry.data!.ingestDocument).toMatchObject({ dryRun: true, created: true, status: 'CREATED' });
    expect(await countTagged(app, tag)).toEqual({ nodes: 0, relationships: 0 });
    const docs = await app.store.read('MATCH (d:Document {id: $id}) RETURN count(d) AS n', {
      id: dry.data!.ingestDocument.document.id,
    });
    expect(docs[0]!.n).toBe(0);

    const real = await execute(app.yoga, Ingest, { input });
    const strip = (payload: typeof real.data) => ({ ...payload!.ingestDocument, dryRun: null, document: null });
    expect(strip(real.data)).toEqual(strip(dry.data));
  });

  it('merges a second document naming the same entities: aliases grow, support accumulates', async () => {
    const tag = uniqueTag('m');
    const english = await execute(app.yoga, Ingest, { input: story(tag, 'in English') });
    const french = await execute(app.yoga, Ingest, { input: story(tag, 'en français', 'fr') });
    expect(french.errors).toBeUndefined();
    expect(french.data!.ingestDocument.entities.every((entity) => entity.status === 'MATCHED')).toBe(true);
    expect(french.data!.ingestDocument.relations).toEqual([
      expect.objectContaining({ type: 'WARNS', status: 'MATCHED' }),
    ]);
    expect(await countTagged(app, tag)).toEqual({ nodes: 2, relationships: 1 });

    const [group] = await app.store.read(
      `MATCH (n:Entity {id: $id}) RETURN n.aliases AS aliases, n.aliasLanguages AS languages`,
      { id: `target-group:students-${tag}` },
    );
    expect(group).toEqual({ aliases: [`Students ${tag}`, `étudiants ${tag}`], languages: ['en', 'fr'] });
    const [edge] = await app.store.read(
      `MATCH (:Entity {id: $id})-[r:WARNS]->() RETURN r.docIds AS docIds, r.weight AS weight, r.evidence AS evidence`,
      { id: `agency:bureau-${tag}` },
    );
    const docIds = [english.data!.ingestDocument.document.id, french.data!.ingestDocument.document.id];
    expect(edge!.weight).toBe(2);
    expect([...(edge!.docIds as string[])].sort()).toEqual([...docIds].sort());
    expect((edge!.evidence as string[]).map((e) => e.split(':').slice(0, 2).join(':')).sort()).toEqual([...docIds].sort());
  });

  it('lands an entity named by an alias or acronym under another id on the existing node', async () => {
    const tag = uniqueTag('a');
    await execute(app.yoga, Ingest, { input: story(tag, 'first') });
    const text = `Officials of B${tag} spoke to students ${tag} again.`;
    const annotations = annotate(
      text,
      [
        { type: 'Agency', name: `B${tag}`, mentions: [`B${tag}`] },
        { type: 'TargetGroup', name: `Students ${tag}`, mentions: [`students ${tag}`] },
      ],
      [{ type: 'WARNS', source: `agency:b${tag}`, target: `target-group:students-${tag}` }],
    );
    const result = await execute(app.yoga, Ingest, {
      input: { text, language: 'EN' as const, annotations, useExtractor: false },
    });
    expect(result.errors).toBeUndefined();
    const entities = result.data!.ingestDocument.entities;
    expect(entities).toContainEqual(
      expect.objectContaining({ id: `agency:bureau-${tag}`, status: 'MATCHED', resolvedFrom: [`agency:b${tag}`] }),
    );
    expect(result.data!.ingestDocument.relations).toEqual([
      expect.objectContaining({ source: `agency:bureau-${tag}`, status: 'MATCHED' }),
    ]);
    expect(await countTagged(app, tag)).toEqual({ nodes: 2, relationships: 1 });
  });

  it('keeps two countries\' bodies that share an acronym on two nodes, and matches the acronym within one country', async () => {
    const tag = uniqueTag('c');
    const load = async (text: string, name: string, mentions: string[]) => {
      const annotations = annotate(text, [{ type: 'Agency', name, aliases: [`PB${tag}`], mentions }], []);
      const result = await execute(app.yoga, Ingest, { input: { text, language: 'EN' as const, annotations, useExtractor: false } });
      expect(result.errors).toBeUndefined();
      return result.data!.ingestDocument.entities[0]!;
    };
    const german = await load(`The Police Bureau ${tag} (PB${tag}) of Germany searched a flat.`, `Police Bureau ${tag} (Germany)`, [`Police Bureau ${tag}`, `PB${tag}`]);
    const austrian = await load(`The Police Bureau ${tag} (PB${tag}) of Austria searched a flat.`, `Police Bureau ${tag} (Austria)`, [`Police Bureau ${tag}`, `PB${tag}`]);
    expect(german.id).toBe(`agency:police-bureau-${tag}-germany`);
    expect(austrian).toMatchObject({ id: `agency:police-bureau-${tag}-austria`, status: 'CREATED' });
    const again = await load(`German officers of PB${tag} made an arrest.`, `PB${tag} Polizei ${tag} (Germany)`, [`PB${tag}`]);
    expect(again).toMatchObject({ id: german.id, status: 'MATCHED' });
    expect(await countTagged(app, tag)).toEqual({ nodes: 2, relationships: 0 });
  });

  it('keeps one node per entity when documents sharing entities load concurrently', async () => {
    const tag = uniqueTag('c');
    const inputs = Array.from({ length: 8 }, (_, i) => {
      const text = `Report ${i}: the Bureau ${tag} (alias${i} ${tag}) warns students ${tag} about tactic ${tag}.`;
      return {
        text,
        language: 'EN' as const,
        useExtractor: false,
        annotations: annotate(
          text,
          [
            { type: 'Agency', name: `Bureau ${tag}`, aliases: [`alias${i} ${tag}`], mentions: [`Bureau ${tag}`] },
            { type: 'TargetGroup', name: `Students ${tag}`, mentions: [`students ${tag}`] },
            { type: 'Tactic', name: `Tactic ${tag}`, mentions: [`tactic ${tag}`] },
          ],
          [
            { type: 'WARNS', source: `agency:bureau-${tag}`, target: `target-group:students-${tag}`, evidence: text },
            { type: 'USES', source: `agency:bureau-${tag}`, target: `tactic:tactic-${tag}` },
          ],
        ),
      };
    });
    const results = await Promise.all(inputs.map((input) => execute(app.yoga, Ingest, { input })));
    for (const result of results) expect(result.errors).toBeUndefined();
    expect(results.filter((r) => r.data!.ingestDocument.entities.some((e) => e.status === 'CREATED')).length).toBeGreaterThan(0);

    const rows = await app.store.read(
      `MATCH (n:Entity) WHERE n.id CONTAINS $tag RETURN n.id AS id, n.aliases AS aliases, n.mentionCount AS mentions`,
      { tag },
    );
    expect(rows.map((row) => row.id).sort()).toEqual(
      [`agency:bureau-${tag}`, `tactic:tactic-${tag}`, `target-group:students-${tag}`].sort(),
    );
    const agency = rows.find((row) => row.id === `agency:bureau-${tag}`)!;
    // No alias lost to a concurrent update, none twice.
    expect([...(agency.aliases as string[])].sort()).toEqual(
      [`Bureau ${tag}`, ...inputs.map((_, i) => `alias${i} ${tag}`)].sort(),
    );
    expect(agency.mentions).toBe(8);
    const edges = await app.store.read(
      `MATCH (:Entity {id: $id})-[r]->() RETURN type(r) AS type, r.weight AS weight, size(r.evidence) AS evidence ORDER BY type`,
      { id: `agency:bureau-${tag}` },
    );
    expect(edges).toEqual([
      { type: 'USES', weight: 8, evidence: 0 },
      { type: 'WARNS', weight: 8, evidence: 8 },
    ]);
  });

  it('writes nothing when a statement fails in the middle of the transaction', async () => {
    const tag = uniqueTag('f');
    const input = domainInput(story(tag, 'failing'));
    const counter = { queries: 0 };
    await ingestDocument(app.store, input, { maxDocumentChars: 100_000, dryRun: true }, counter);
    const statements = counter.queries - 1; // the first one is the read before the transaction
    expect(statements).toBeGreaterThanOrEqual(5);
    for (let failAt = 1; failAt <= statements; failAt += 1) {
      const failing = new FailingStore(app.store, failAt);
      await expect(ingestDocument(failing, input, { maxDocumentChars: 100_000 })).rejects.toThrow(/injected failure/);
      expect(await countTagged(app, tag)).toEqual({ nodes: 0, relationships: 0 });
      const docs = await app.store.read(`MATCH (d:Document) WHERE d.text CONTAINS $tag RETURN count(d) AS n`, { tag });
      expect(docs[0]!.n).toBe(0);
    }
    const ok = await ingestDocument(app.store, input, { maxDocumentChars: 100_000 });
    expect(ok.status).toBe('CREATED');
    expect(await countTagged(app, tag)).toEqual({ nodes: 2, relationships: 1 });
  });

  it('leaves no duplicate when a committed transaction is run again (lost acknowledgement)', async () => {
    const tag = uniqueTag('t');
    const input = domainInput(story(tag, 'retried'));
    const result = await ingestDocument(new ReplayingStore(app.store), input, { maxDocumentChars: 100_000 });
    expect(result.status).toBe('UNCHANGED');
    expect(await countTagged(app, tag)).toEqual({ nodes: 2, relationships: 1 });
    const [edge] = await app.store.read(
      `MATCH (:Entity {id: $id})-[r:WARNS]->() RETURN r.weight AS weight, size(r.docIds) AS docs, size(r.evidence) AS evidence`,
      { id: `agency:bureau-${tag}` },
    );
    expect(edge).toEqual({ weight: 1, docs: 1, evidence: 1 });
    const [mentions] = await app.store.read(
      `MATCH (d:Document)-[m:MENTIONS]->(n:Entity {id: $id}) RETURN count(m) AS edges, n.mentionCount AS spans`,
      { id: `agency:bureau-${tag}` },
    );
    expect(mentions).toEqual({ edges: 1, spans: 3 });
  });

  it("replaces a document's part when a newer extractor version loads it again", async () => {
    const tag = uniqueTag('v');
    const text = `The Bureau ${tag} uses the old trick ${tag} and the new trick ${tag}.`;
    const mention = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words });
    const extractorWith = (version: string, trick: string): Extractor => ({
      name: 'test',
      version,
      extract: async (): Promise<ExtractionResult> => ({
        language: 'en',
        entities: [
          { id: `agency:bureau-${tag}`, type: 'Agency', name: `Bureau ${tag}`, aliases: [], date: null, mentions: [mention(`Bureau ${tag}`)] },
          {
            id: `tactic:${trick}-trick-${tag}`,
            type: 'Tactic',
            name: `${trick} trick ${tag}`,
            aliases: [],
            date: null,
            mentions: [mention(`${trick} trick ${tag}`)],
          },
        ],
        relations: [{ type: 'USES', source: `agency:bureau-${tag}`, target: `tactic:${trick}-trick-${tag}`, evidence: [] }],
      }),
    });
    const first = await ingestDocument(app.store, { text }, { maxDocumentChars: 100_000, extractor: extractorWith('1.0.0', 'old') });
    expect(first.status).toBe('CREATED');
    const same = await ingestDocument(app.store, { text }, { maxDocumentChars: 100_000, extractor: extractorWith('1.0.0', 'new') });
    expect(same.status).toBe('UNCHANGED');
    const older = await ingestDocument(app.store, { text }, { maxDocumentChars: 100_000, extractor: extractorWith('0.9.0', 'new') });
    expect(older.status).toBe('UNCHANGED');
    const newer = await ingestDocument(app.store, { text }, { maxDocumentChars: 100_000, extractor: extractorWith('1.1.0', 'new') });
    expect(newer.status).toBe('REPLACED');
    expect(newer.document.extractorVersion).toBe('1.1.0');
    const ids = await app.store.read(`MATCH (n:Entity) WHERE n.id CONTAINS $tag RETURN n.id AS id, n.mentionCount AS mentions ORDER BY id`, {
      tag,
    });
    expect(ids).toEqual([
      { id: `agency:bureau-${tag}`, mentions: 1 },
      { id: `tactic:new-trick-${tag}`, mentions: 1 },
    ]);
    expect(await countTagged(app, tag)).toEqual({ nodes: 2, relationships: 1 });
  });

  it('refuses bad input with a typed error and writes nothing', async () => {
    const small = await createTestApp({ MAX_DOCUMENT_CHARS: '1000' });
    const tag = uniqueTag('x');
    const text = `The Bureau ${tag} warns students ${tag}.`;
    const good = annotate(
      text,
      [
        { type: 'Agency', name: `Bureau ${tag}`, mentions: [`Bureau ${tag}`] },
        { type: 'TargetGroup', name: `Students ${tag}`, mentions: [`students ${tag}`] },
      ],
      [{ type: 'WARNS', source: `agency:bureau-${tag}`, target: `target-group:students-${tag}` }],
    );
    const entity0 = good.entities[0]!;
    const cases: [string, Record<string, unknown>][] = [
      ['empty text', { text: '  \n ' }],
      ['text over the limit', { text: `${tag} ${'x'.repeat(1001)}` }],
      ['malformed date', { text, publishedAt: '2024-02-30' }],
      [
        'relation to a missing entity',
        { text, annotations: { ...good, relations: [{ ...good.relations[0], target: `target-group:nobody-${tag}` }] } },
      ],
      [
        'relation against the ontology',
        { text, annotations: { ...good, relations: [{ ...good.relations[0], type: 'ENFORCES' }] } },
      ],
      [
        'mention outside the text',
        { text, annotations: { ...good, entities: [{ ...entity0, mentions: [{ start: 5, end: 500, text: 'x' }] }, good.entities[1]] } },
      ],
      [
        'mention text that does not match',
        { text, annotations: { ...good, entities: [{ ...entity0, mentions: [{ start: 0, end: 3, text: 'Les' }] }, good.entities[1]] } },
      ],
      ['bad entity date', { text, annotations: { ...good, entities: [{ ...entity0, date: 'yesterday' }, good.entities[1]] } }],
    ];
    // Types outside the ontology are not values of the EntityType and RelationType enums: GraphQL
    // refuses them while reading the variables, before any resolver runs.
    const outsideEnums: [string, Record<string, unknown>, string][] = [
      ['unknown entity type', { text, annotations: { ...good, entities: [{ ...entity0, type: 'Person' }, good.entities[1]] } }, 'EntityType'],
      ['unknown relation type', { text, annotations: { ...good, relations: [{ ...good.relations[0], type: 'LIKES' }] } }, 'RelationType'],
      // The domain spelling is not the GraphQL value (TARGET_GROUP), nor is an ISO code a Language (EN).
      ['domain spelling of a type', { text, annotations: { ...good, entities: [{ ...entity0, type: 'TargetGroup' }, good.entities[1]] } }, 'EntityType'],
      ['language as an ISO code', { text, language: 'en' }, 'Language'],
    ];
    try {
      for (const [name, input, enumName] of outsideEnums) {
        const result = await execute(small.yoga, Ingest, { input: { language: 'EN' as const, ...input } as never });
        expect(result.errors?.[0]?.message, name).toContain(`"${enumName}" enum`);
        expect(result.errors?.[0]?.extensions?.code, name).toBe('BAD_USER_INPUT');
        expect(result.status, name).toBe(400);
        expect(result.data, name).toBeUndefined();
      }
      for (const [name, input] of cases) {
        const result = await execute(small.yoga, Ingest, { input: { language: 'EN' as const, ...input } as never });
        expect(result.errors?.[0]?.extensions?.code, name).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0]?.message.length, name).toBeGreaterThan(5);
        expect(result.data, name).toBeNull();
      }
      const written = await small.store.read(`MATCH (d:Document) WHERE d.text CONTAINS $tag RETURN count(d) AS n`, { tag });
      expect(written[0]!.n).toBe(0);
      expect(await countTagged(small, tag)).toEqual({ nodes: 0, relationships: 0 });
    } finally {
      await small.close();
    }
  });

  it('loads several documents with one result or error each', async () => {
    const tag = uniqueTag('n');
    const result = await execute(app.yoga, IngestMany, {
      inputs: [story(tag, 'first'), { text: '' }, story(tag, 'second'), story(tag, 'first')],
    });
    expect(result.errors).toBeUndefined();
    const items = result.data!.ingestDocuments;
    expect(items.map((item) => item.index)).toEqual([0, 1, 2, 3]);
    expect([items[0]!.result?.status, items[3]!.result?.status].sort()).toEqual(['CREATED', 'UNCHANGED']);
    expect(items[1]).toMatchObject({ result: null, error: { code: 'BAD_USER_INPUT' } });
    expect(items[2]!.result?.status).toBe('CREATED');
    // The same text twice: whichever ran second found it loaded.
    expect(items[3]!.result?.document.id).toBe(items[0]!.result?.document.id);
    expect(await countTagged(app, tag)).toEqual({ nodes: 2, relationships: 1 });

    const tooMany = await execute(app.yoga, IngestMany, { inputs: Array.from({ length: 101 }, () => story(tag, 'many')) });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0]?.message).toMatch(/at most 100 documents/);
  });

  it('requires the API key for writes when one is configured; reads stay open', async () => {
    const secured = await createTestApp({ API_KEY: 'secret-key-123' });
    const tag = uniqueTag('k');
    try {
      const denied = await execute(secured.yoga, Ingest, { input: story(tag, 'denied') });
      expect(denied.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const wrong = await execute(secured.yoga, Ingest, { input: story(tag, 'denied') }, { authorization: 'Bearer nope' });
      expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(await countTagged(secured, tag)).toEqual({ nodes: 0, relationships: 0 });
      const allowed = await execute(
        secured.yoga,
        Ingest,
        { input: story(tag, 'allowed') },
        { authorization: 'Bearer secret-key-123' },
      );
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data!.ingestDocument.status).toBe('CREATED');
      const read = await execute(secured.yoga, 'query { documents(first: 1) { totalCount } }');
      expect(read.errors).toBeUndefined();
    } finally {
      await secured.close();
    }
  });
});
