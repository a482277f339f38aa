import type { EntityType } from '../../src/domain/entities.js';
import type { RelationType } from '../../src/domain/relations.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { ENTITY_LABEL } from '../../src/store/model.js';

/**
 * Writes small graphs straight to Neo4j in the stored layout of src/store/model.ts, so read
 * tests do not depend on extraction or ingestion. Every id a test uses carries its own tag, and
 * `removeFixture` deletes exactly what the fixture wrote.
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
  const byType = new Map<EntityType, FixtureEntity[]>();
  for (const entity of fixture.entities) byType.set(entity.type, [...(byType.get(entity.type) ?? []), entity]);
  await store.write(async (tx) => {
    for (const [type, entities] of byType) {
      // `type` comes from the fixture's typed constants, never from outside input.
      await tx.run(
        `UNWIND $entities AS e
         CREATE (n:${ENTITY_LABEL}:${type} {id: e.id, type: e.type, name: e.name, nameCurated: false,
           aliases: e.aliases, aliasLanguages: e.aliasLanguages, aliasesCurated: false,
           searchText: e.searchText, generic: e.generic, date: e.date, datePrecision: e.datePrecision,
           mentionCount: e.mentionCount})`,
        {
          entities: entities.map((entity) => {
            const aliases = entity.aliases ?? [];
            const mentionCount = (fixture.documents ?? []).reduce(
              (total, doc) => total + (doc.mentions?.[entity.id]?.length ?? 0),
              0,
            );
            return {
              id: entity.id,
              type,
              name: entity.name,
              aliases: aliases.map(([name]) => name),
              aliasLanguages: aliases.map(([, language]) => language),
              searchText: [entity.name, ...aliases.map(([name]) => name)].join(' | '),
              generic: entity.generic ?? false,
              date: entity.date ?? null,
              datePrecision: entity.datePrecision ?? null,
              mentionCount,
            };
          }),
        },
      );
    }
    for (const doc of fixture.documents ?? []) {
      await tx.run(
        `CREATE (d:Document {id: $id, title: $title, sourceUrl: null, language: $language, publishedAt: $publishedAt,
           contentHash: $contentHash, text: $text, extractorVersion: 'fixture', ingestedAt: datetime(),
           charCount: size($text)})
         WITH d
         UNWIND $mentions AS m
         MATCH (n:${ENTITY_LABEL} {id: m.entityId})
         CREATE (d)-[:MENTIONS {spans: m.spans}]->(n)`,
        {
          id: doc.id,
          title: doc.title ?? null,
          language: doc.language ?? null,
          publishedAt: doc.publishedAt ?? null,
          contentHash: doc.id.replace(/^document:/, ''),
          text: doc.text,
          mentions: Object.entries(doc.mentions ?? {}).map(([entityId, spans]) => ({
            entityId,
            spans: spans.map(([start, end]) => `${start}:${end}`),
          })),
        },
      );
    }
    const relations = fixture.relations ?? [];
    for (const type of new Set(relations.map((relation) => relation.type))) {
      await tx.run(
        `UNWIND $relations AS rel
         MATCH (s:${ENTITY_LABEL} {id: rel.source}), (t:${ENTITY_LABEL} {id: rel.target})
         CREATE (s)-[:${type} {docIds: rel.docIds, evidence: rel.evidence, weight: size(rel.docIds)}]->(t)`,
        {
          relations: relations
            .filter((relation) => relation.type === type)
            .map((relation) => ({
              source: relation.source,
              target: relation.target,
              docIds: relation.docIds ?? ['document:fixture'],
              evidence: relation.evidence ?? [],
            })),
        },
      );
    }
    if (fixture.redirects?.length) {
      await tx.run(`UNWIND $redirects AS r CREATE (:Redirect {id: r.id, target: r.target})`, {
        redirects: fixture.redirects,
      });
    }
  });
}

/** Deletes every entity, document and redirect whose id contains `tag`. */
export async function removeFixture(store: GraphStore, tag: string): Promise<void> {
  await store.write(async (tx) => {
    await tx.run(`MATCH (n:${ENTITY_LABEL}) WHERE n.id CONTAINS $tag DETACH DELETE n`, { tag });
    await tx.run(`MATCH (d:Document) WHERE d.id CONTAINS $tag DETACH DELETE d`, { tag });
    await tx.run(`MATCH (r:Redirect) WHERE r.id CONTAINS $tag DELETE r`, { tag });
  });
}
