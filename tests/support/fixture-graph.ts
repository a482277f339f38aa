import type { EntityType } from '../../src/domain/entities.js';
import type { RelationType } from '../../src/domain/relations.js';
import { preparedEntity } from '../../src/ingestion/prepare-graph.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import {
  mergeDocuments,
  refreshDegrees,
  upsertEntities,
  upsertRelations,
  writeMentions,
  writeRedirects,
} from '../../src/store/graph-writes.js';
import { ENTITY_LABEL } from '../../src/store/model.js';

/**
 * Writes small graphs through the store's own upserts (src/store/graph-writes.ts), so read tests
 * do not depend on extraction or ingestion yet find the layout a load leaves, match keys
 * included: a later load matches a fixture's entity by name as it would a loaded one. Aliases
 * are stored as listed (the name is not added to them, unlike a load). Every id a test uses
 * carries its own tag, and `removeFixture` deletes exactly what the fixture wrote.
 */

export interface FixtureEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases?: [name: string, language: string | null][];
  generic?: boolean;
  date?: string | null;
  datePrecision?: 'DAY' | 'MONTH' | 'YEAR' | null;
}

export interface FixtureRelation {
  type: RelationType;
  source: string;
  target: string;
  /** Supporting documents; weight is their number. */
  docIds?: string[];
  /** `docId:start:end`. */
  evidence?: string[];
}

export interface FixtureDocument {
  id: string;
  text: string;
  title?: string;
  language?: string;
  publishedAt?: string;
  /** Entity id -> spans `[start, end]` in `text`. */
  mentions?: Record<string, [number, number][]>;
}

export interface Fixture {
  entities: FixtureEntity[];
  relations?: FixtureRelation[];
  documents?: FixtureDocument[];
  /** Merged ids: (:Redirect {id, target}). */
  redirects?: { id: string; target: string }[];
}

export async function writeFixture(store: GraphStore, fixture: Fixture): Promise<void> {
  const documents = fixture.documents ?? [];
  const entities = fixture.entities.map((entity) =>
    preparedEntity(
      entity,
      (entity.aliases ?? []).map(([text, language]) => ({ text, language: language ?? 'und' })),
      documents.reduce((total, doc) => total + (doc.mentions?.[entity.id]?.length ?? 0), 0),
    ),
  );
  await store.write(async (tx) => {
    await upsertEntities(tx, entities);
    await mergeDocuments(
      tx,
      documents.map((doc) => ({
        id: doc.id,
        text: doc.text,
        title: doc.title ?? null,
        sourceUrl: null,
        language: doc.language ?? null,
        publishedAt: doc.publishedAt ?? null,
        contentHash: doc.id.replace(/^document:/, ''),
        charCount: doc.text.length,
        extractorVersion: 'fixture',
      })),
    );
    await writeMentions(
      tx,
      documents.flatMap((doc) =>
        Object.entries(doc.mentions ?? {}).map(([entityId, spans]) => ({
          docId: doc.id,
          entityId,
          spans: spans.map(([start, end]) => `${start}:${end}`),
        })),
      ),
    );
    await upsertRelations(
      tx,
      (fixture.relations ?? []).map((relation) => ({
        type: relation.type,
        source: relation.source,
        target: relation.target,
        docIds: relation.docIds ?? ['document:fixture'],
        evidence: relation.evidence ?? [],
      })),
    );
    await writeRedirects(
      tx,
      (fixture.redirects ?? []).map((redirect) => ({ from: redirect.id, into: redirect.target })),
    );
  });
}

/** Deletes every entity, document and redirect whose id contains `tag`. */
export async function removeFixture(store: GraphStore, tag: string): Promise<void> {
  await store.write(async (tx) => {
    // Entities outside the fixture that it was linked to lose relations: their degree is counted again.
    const rows = await tx.run(
      `MATCH (n:${ENTITY_LABEL}) WHERE n.id CONTAINS $tag
       OPTIONAL MATCH (n)--(other:${ENTITY_LABEL}) WHERE NOT other.id CONTAINS $tag
       WITH collect(DISTINCT n) AS fixture, collect(DISTINCT other.id) AS neighbours
       FOREACH (n IN fixture | DETACH DELETE n)
       RETURN neighbours`,
      { tag },
    );
    await refreshDegrees(tx, (rows[0]?.neighbours as string[] | undefined) ?? []);
    await tx.run(`MATCH (d:Document) WHERE d.id CONTAINS $tag DETACH DELETE d`, { tag });
    await tx.run(`MATCH (r:Redirect) WHERE r.id CONTAINS $tag DELETE r`, { tag });
  });
}
