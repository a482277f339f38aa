import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { entityId } from '../../src/domain/ids.js';
import { annotate } from '../support/annotate.js';
import { createTestApp, execute, uniqueTag, type TestApp } from '../support/services.js';

const Load = graphql(`
  mutation CurationLoad($input: IngestDocumentInput!) {
    ingestDocument(input: $input) {
      status
      document {
        id
      }
      entities {
        id
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

const DeleteDocument = graphql(`
  mutation CurationDeleteDocument($id: ID!) {
    deleteDocument(id: $id) {
      documentId
      deletedEntityIds
      updatedRelations
      deletedRelations
    }
  }
`);

const MergeEntities = graphql(`
  mutation CurationMerge($into: ID!, $from: ID!) {
    mergeEntities(into: $into, from: $from) {
      mergedId
      movedMentions
      movedRelations
      survivor {
        id
        name
        aliases
        aliasLanguages
      }
    }
  }
`);

const UpdateEntity = graphql(`
  mutation CurationUpdate($id: ID!, $input: UpdateEntityInput!) {
    updateEntity(id: $id, input: $input) {
      id
      name
      aliases
      nameCurated
      aliasesCurated
    }
  }
`);

/**
 * Two overlapping documents: both name the agency and the students and support WARNS; only the
 * first names the tactic (USES), only the second names the law (ENFORCES).
 */
function overlapping(tag: string) {
  const agency = `agency:service-${tag}`;
  const students = `target-group:students-${tag}`;
  const first = `The Service ${tag} warns students ${tag}. The Service ${tag} uses honey traps ${tag}.`;
  const second = `The Service ${tag} again warns students ${tag}. It enforces the Act ${tag}.`;
  return {
    ids: { agency, students, tactic: `tactic:honey-traps-${tag}`, law: `law:act-${tag}` },
    first: {
      text: first,
      language: 'EN' as const,
      useExtractor: false,
      annotations: annotate(
        first,
        [
          { type: 'Agency', name: `Service ${tag}`, mentions: [`Service ${tag}`] },
          { type: 'TargetGroup', name: `Students ${tag}`, mentions: [`students ${tag}`] },
          { type: 'Tactic', name: `Honey traps ${tag}`, mentions: [`honey traps ${tag}`] },
        ],
        [
          { type: 'WARNS', source: agency, target: students, evidence: `The Service ${tag} warns students ${tag}.` },
          { type: 'USES', source: agency, target: `tactic:honey-traps-${tag}` },
        ],
      ),
    },
    second: {
      text: second,
      language: 'EN' as const,
      useExtractor: false,
      annotations: annotate(
        second,
        [
          { type: 'Agency', name: `Service ${tag}`, mentions: [`Service ${tag}`] },
          { type: 'TargetGroup', name: `Students ${tag}`, mentions: [`students ${tag}`] },
          { type: 'Law', name: `Act ${tag}`, mentions: [`Act ${tag}`] },
        ],
        [
          { type: 'WARNS', source: agency, target: students, evidence: `The Service ${tag} again warns students ${tag}.` },
          { type: 'ENFORCES', source: agency, target: `law:act-${tag}` },
        ],
      ),
    },
  };
}

describe('curation', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  const entityIds = async (tag: string) =>
    (await app.store.read(`MATCH (n:Entity) WHERE n.id CONTAINS $tag RETURN n.id AS id ORDER BY id`, { tag })).map(
      (row) => row.id as string,
    );

  it('deletes one of two overlapping documents: shared entities and edges survive with less support', async () => {
    const tag = uniqueTag('del');
    const docs = overlapping(tag);
    const first = (await execute(app.yoga, Load, { input: docs.first })).data!.ingestDocument.document.id;
    const second = (await execute(app.yoga, Load, { input: docs.second })).data!.ingestDocument.document.id;
    expect(await entityIds(tag)).toEqual([docs.ids.agency, docs.ids.law, docs.ids.tactic, docs.ids.students].sort());

    const deleted = await execute(app.yoga, DeleteDocument, { id: first });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deleteDocument).toEqual({
      documentId: first,
      deletedEntityIds: [docs.ids.tactic],
      updatedRelations: 2,
      deletedRelations: 1,
    });
    expect(await entityIds(tag)).toEqual([docs.ids.agency, docs.ids.law, docs.ids.students].sort());
    const edges = await app.store.read(
      `MATCH (a:Entity {id: $agency})-[r]->(b:Entity)
       RETURN type(r) AS type, b.id AS target, r.docIds AS docIds, r.weight AS weight, r.evidence AS evidence ORDER BY type`,
      { agency: docs.ids.agency },
    );
    expect(edges.map((edge) => [edge.type, edge.docIds, edge.weight])).toEqual([
      ['ENFORCES', [second], 1],
      ['WARNS', [second], 1],
    ]);
    const warns = edges.find((edge) => edge.type === 'WARNS')!;
    expect((warns.evidence as string[]).every((evidence) => evidence.startsWith(`${second}:`))).toBe(true);
    expect(warns.evidence).toHaveLength(1);
    const mentions = await app.store.read(
      `MATCH (d:Document)-[m:MENTIONS]->(n:Entity {id: $agency}) RETURN d.id AS doc, n.mentionCount AS count`,
      { agency: docs.ids.agency },
    );
    expect(mentions).toEqual([{ doc: second, count: 1 }]);
    expect(await app.store.read(`MATCH (d:Document {id: $first}) RETURN d`, { first })).toHaveLength(0);

    const again = await execute(app.yoga, DeleteDocument, { id: first });
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // Deleting the other one leaves nothing of the story.
    await execute(app.yoga, DeleteDocument, { id: second });
    expect(await entityIds(tag)).toEqual([]);
  });

  it('merges a duplicate: aliases, mentions and edges move, and the old id redirects later loads', async () => {
    const tag = uniqueTag('mrg');
    const docs = overlapping(tag);
    await execute(app.yoga, Load, { input: docs.first });
    // A French document whose agency the extractor gave another id.
    const text = `Le Bureau-${tag} met en garde les étudiants ${tag}.`;
    const duplicate = `agency:bureau-${tag}`;
    await execute(app.yoga, Load, {
      input: {
        text,
        language: 'FR' as const,
        useExtractor: false,
        annotations: annotate(
          text,
          [
            { type: 'Agency', id: duplicate, name: `Bureau-${tag}`, mentions: [`Bureau-${tag}`] },
            { type: 'TargetGroup', name: `Students ${tag}`, aliases: [`étudiants ${tag}`], mentions: [`étudiants ${tag}`] },
          ],
          [{ type: 'WARNS', source: duplicate, target: docs.ids.students, evidence: text }],
        ),
      },
    });
    expect(await entityIds(tag)).toContain(duplicate);

    const merged = await execute(app.yoga, MergeEntities, { into: docs.ids.agency, from: duplicate });
    expect(merged.errors).toBeUndefined();
    expect(merged.data!.mergeEntities).toMatchObject({ mergedId: duplicate, movedMentions: 1, movedRelations: 1 });
    expect(merged.data!.mergeEntities.survivor.aliases).toEqual([`Service ${tag}`, `Bureau-${tag}`]);
    expect(merged.data!.mergeEntities.survivor.aliasLanguages).toEqual(['en', 'en']);
    expect(await entityIds(tag)).not.toContain(duplicate);

    const [warns] = await app.store.read(
      `MATCH (:Entity {id: $agency})-[r:WARNS]->(:Entity {id: $students}) RETURN r.weight AS weight, size(r.evidence) AS evidence`,
      { agency: docs.ids.agency, students: docs.ids.students },
    );
    expect(warns).toEqual({ weight: 2, evidence: 2 });
    const [redirect] = await app.store.read(`MATCH (r:Redirect {id: $id}) RETURN r.target AS target`, { id: duplicate });
    expect(redirect).toEqual({ target: docs.ids.agency });

    // A later document that still says `agency:bureau-…` lands on the survivor.
    const later = `Bureau-${tag} warns students ${tag} once more.`;
    const result = await execute(app.yoga, Load, {
      input: {
        text: later,
        language: 'EN' as const,
        useExtractor: false,
        annotations: annotate(
          later,
          [
            { type: 'Agency', id: duplicate, name: `Bureau-${tag}`, mentions: [`Bureau-${tag}`] },
            { type: 'TargetGroup', name: `Students ${tag}`, mentions: [`students ${tag}`] },
          ],
          [{ type: 'WARNS', source: duplicate, target: docs.ids.students }],
        ),
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.ingestDocument.entities).toContainEqual({
      id: docs.ids.agency,
      status: 'MATCHED',
      resolvedFrom: [duplicate],
    });
    expect(result.data!.ingestDocument.relations).toEqual([
      { type: 'WARNS', source: docs.ids.agency, target: docs.ids.students, status: 'MATCHED' },
    ]);
    expect(await entityIds(tag)).not.toContain(duplicate);

    const wrongType = await execute(app.yoga, MergeEntities, { into: docs.ids.agency, from: docs.ids.students });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await execute(app.yoga, MergeEntities, { into: docs.ids.agency, from: `agency:nobody-${tag}` });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps a curated name and aliases when later documents load', async () => {
    const tag = uniqueTag('cur');
    const docs = overlapping(tag);
    await execute(app.yoga, Load, { input: docs.first });
    const updated = await execute(app.yoga, UpdateEntity, {
      id: docs.ids.agency,
      input: { name: `The Service of ${tag}`, aliases: [`Service ${tag}`, `SVC${tag}`] },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateEntity).toEqual({
      id: docs.ids.agency,
      name: `The Service of ${tag}`,
      aliases: [`Service ${tag}`, `SVC${tag}`],
      nameCurated: true,
      aliasesCurated: true,
    });

    const text = `The Service ${tag}, known as Agence ${tag}, warns students ${tag}.`;
    await execute(app.yoga, Load, {
      input: {
        text,
        language: 'FR' as const,
        useExtractor: false,
        annotations: annotate(text, [
          { type: 'Agency', name: `Service ${tag}`, aliases: [`Agence ${tag}`], mentions: [`Service ${tag}`, `Agence ${tag}`] },
        ]),
      },
    });
    const [agency] = await app.store.read(
      `MATCH (n:Entity {id: $id}) RETURN n.name AS name, n.aliases AS aliases, n.searchText AS searchText`,
      { id: docs.ids.agency },
    );
    expect(agency).toMatchObject({ name: `The Service of ${tag}`, aliases: [`Service ${tag}`, `SVC${tag}`] });
    expect(agency!.searchText).toContain(`SVC${tag}`);

    const empty = await execute(app.yoga, UpdateEntity, { id: docs.ids.agency, input: { name: '  ' } });
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await execute(app.yoga, UpdateEntity, { id: `agency:nobody-${tag}`, input: { name: 'x' } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses to give an entity a name another entity of its type holds, and changes nothing', async () => {
    const tag = uniqueTag('claim');
    const docs = overlapping(tag);
    await execute(app.yoga, Load, { input: docs.first });
    await execute(app.yoga, Load, { input: docs.second });
    const before = await app.store.read(`MATCH (n:Entity {id: $id}) RETURN n.name AS name, n.matchKeys AS keys`, { id: docs.ids.law });

    // A second agency may not take the first one's name "Service <tag>", in any case or as an alias.
    const otherText = `The Bureau ${tag} warns students ${tag}.`;
    await execute(app.yoga, Load, {
      input: {
        text: otherText,
        language: 'EN' as const,
        useExtractor: false,
        annotations: annotate(otherText, [{ type: 'Agency', name: `Bureau ${tag}`, mentions: [`Bureau ${tag}`] }]),
      },
    });
    const bureau = entityId('Agency', `Bureau ${tag}`);
    for (const input of [{ name: `service ${tag}` }, { aliases: [`Bureau ${tag}`, `SERVICE ${tag}`] }]) {
      const refused = await execute(app.yoga, UpdateEntity, { id: bureau, input });
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.message).toContain(docs.ids.agency);
    }
    const [kept] = await app.store.read(`MATCH (n:Entity {id: $id}) RETURN n.name AS name, n.aliases AS aliases`, { id: bureau });
    expect(kept).toEqual({ name: `Bureau ${tag}`, aliases: [`Bureau ${tag}`] });

    // Another type's name is no clash (names match within a type), and a fresh name is taken.
    const crossType = await execute(app.yoga, UpdateEntity, { id: bureau, input: { aliases: [`Bureau ${tag}`, `Act ${tag}`] } });
    expect(crossType.errors).toBeUndefined();
    expect(await app.store.read(`MATCH (n:Entity {id: $id}) RETURN n.name AS name, n.matchKeys AS keys`, { id: docs.ids.law })).toEqual(before);
    const renamed = await execute(app.yoga, UpdateEntity, { id: bureau, input: { name: `Bureau of ${tag}` } });
    expect(renamed.data?.updateEntity.name).toBe(`Bureau of ${tag}`);
  });

  it('requires the API key for curation when one is configured', async () => {
    const secured = await createTestApp({ API_KEY: 'curation-key-42' });
    const tag = uniqueTag('key');
    try {
      const docs = overlapping(tag);
      const loaded = await execute(secured.yoga, Load, { input: docs.first }, { authorization: 'Bearer curation-key-42' });
      const docId = loaded.data!.ingestDocument.document.id;
      for (const [operation, variables] of [
        [DeleteDocument, { id: docId }],
        [MergeEntities, { into: docs.ids.agency, from: docs.ids.tactic }],
        [UpdateEntity, { id: docs.ids.agency, input: { name: 'x' } }],
      ] as const) {
        const denied = await execute(secured.yoga, operation as never, variables as never);
        expect((denied.errors as { extensions?: { code?: string } }[])[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
      expect(await entityIds(tag)).toHaveLength(3);
      const allowed = await execute(secured.yoga, DeleteDocument, { id: docId }, { authorization: 'Bearer curation-key-42' });
      expect(allowed.data!.deleteDocument.documentId).toBe(docId);
      expect(await entityIds(tag)).toEqual([]);
    } finally {
      await secured.close();
    }
  });
});
