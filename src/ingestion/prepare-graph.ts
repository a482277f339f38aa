import type { DatePrecision, EntityType } from '../domain/entities.js';
import type { ExtractionResult } from '../extraction/types.js';
import { validateDocumentInput, type DocumentInput } from '../domain/document.js';
import { matchKey } from '../domain/fold.js';
import type { DocumentProps, PreparedEntity, PreparedGraph, PreparedMention, PreparedRelation } from '../store/graph-writes.js';

/**
 * The pure preparation of a document's graph before it is written (store/graph-writes.ts): no
 * database, so it is unit-tested on its own.
 */

/** One document and the entities and relations it supports (ids already resolved). */
export interface GraphItem {
  document: DocumentProps;
  extraction: ExtractionResult;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export interface EntityFields {
  id: string;
  type: EntityType;
  name: string;
  generic?: boolean;
  date?: string | null;
  datePrecision?: DatePrecision | null;
}

export interface NamedAlias {
  text: string;
  language: string;
}

/** Adds names to a row's aliases, each with its match key, skipping one whose key it holds. */
function addAliases(row: PreparedEntity, names: readonly NamedAlias[]): void {
  for (const { text, language } of names) {
    const key = matchKey(text);
    if (key.length > 0 && !row.aliases.some((alias) => alias.key === key)) {
      row.aliases.push({ text: text.trim(), language, key });
    }
  }
}

/**
 * One entity's row for upsertEntities, its aliases as listed (each in its language). The
 * name's match key is written with the alias keys whether or not the name is listed, so the
 * entity matches by name as a loaded one does (fixtures, the synthetic graph generator).
 */
export function preparedEntity(entity: EntityFields, aliases: readonly NamedAlias[], mentionCount = 0): PreparedEntity {
  const row: PreparedEntity = {
    id: entity.id,
    type: entity.type,
    name: entity.name,
    nameKey: matchKey(entity.name),
    generic: entity.generic ?? false,
    date: entity.date ?? null,
    datePrecision: entity.date ? (entity.datePrecision ?? null) : null,
    aliases: [],
    mentionCount,
  };
  addAliases(row, aliases);
  return row;
}

/**
 * Folds a batch into one row per entity, per (document, entity) and per (type, source,
 * target), sorted by id so concurrent transactions lock nodes in the same order. Aliases carry
 * the document's language; the canonical name counts as an English alias.
 */
export function prepareGraph(items: readonly GraphItem[]): PreparedGraph {
  const entities = new Map<string, PreparedEntity>();
  const mentions: PreparedMention[] = [];
  const relations = new Map<string, PreparedRelation>();
  for (const { document, extraction } of items) {
    const language = document.language ?? 'und';
    const entityIds = new Set<string>();
    for (const entity of extraction.entities) {
      entityIds.add(entity.id);
      let row = entities.get(entity.id);
      if (!row) {
        row = preparedEntity(entity, []);
        entities.set(entity.id, row);
      } else if (row.date === null && entity.date) {
        row.date = entity.date;
        row.datePrecision = entity.datePrecision ?? null;
      }
      addAliases(row, [...entity.aliases.map((text) => ({ text, language })), { text: entity.name, language: 'en' }]);
      const spans = [...new Set(entity.mentions.map((m) => `${m.start}:${m.end}`))];
      row.mentionCount += spans.length;
      // Every entity a document supports gets a MENTIONS edge, even without spans: deleting the
      // document then finds everything it supported from its own MENTIONS.
      mentions.push({ docId: document.id, entityId: entity.id, spans });
    }
    for (const relation of extraction.relations) {
      if (!entityIds.has(relation.source) || !entityIds.has(relation.target) || relation.source === relation.target) {
        continue;
      }
      const key = `${relation.source}|${relation.type}|${relation.target}`;
      let row = relations.get(key);
      if (!row) {
        row = { type: relation.type, source: relation.source, target: relation.target, docIds: [], evidence: [] };
        relations.set(key, row);
      }
      if (!row.docIds.includes(document.id)) row.docIds.push(document.id);
      for (const span of relation.evidence) {
        const evidence = `${document.id}:${span.start}:${span.end}`;
        if (!row.evidence.includes(evidence)) row.evidence.push(evidence);
      }
    }
  }
  return {
    entities: [...entities.values()].sort(byId),
    mentions,
    relations: [...relations.values()].sort((a, b) =>
      a.type !== b.type ? (a.type < b.type ? -1 : 1) : a.source !== b.source ? (a.source < b.source ? -1 : 1) : a.target < b.target ? -1 : 1,
    ),
  };
}

/**
 * Rewrites an extraction onto resolved ids: entities that land on the same node become one
 * (aliases and mentions add up), relations follow, self-loops drop out.
 */
export function redirectExtraction(extraction: ExtractionResult, targets: ReadonlyMap<string, string>): ExtractionResult {
  const target = (id: string) => targets.get(id) ?? id;
  const entities = new Map<string, ExtractionResult['entities'][number]>();
  for (const entity of extraction.entities) {
    const id = target(entity.id);
    const known = entities.get(id);
    if (!known) {
      entities.set(id, { ...entity, id });
    } else {
      const spans = new Set(known.mentions.map((m) => `${m.start}:${m.end}`));
      entities.set(id, {
        ...known,
        aliases: [...new Set([...known.aliases, entity.name, ...entity.aliases])],
        date: known.date ?? entity.date,
        datePrecision: known.date ? known.datePrecision : entity.datePrecision,
        mentions: [...known.mentions, ...entity.mentions.filter((m) => !spans.has(`${m.start}:${m.end}`))],
      });
    }
  }
  const relations = new Map<string, ExtractionResult['relations'][number]>();
  for (const relation of extraction.relations) {
    const source = target(relation.source);
    const targetId = target(relation.target);
    if (source === targetId) continue;
    const key = `${source}|${relation.type}|${targetId}`;
    const known = relations.get(key);
    relations.set(
      key,
      known
        ? { ...known, evidence: [...known.evidence, ...relation.evidence] }
        : { ...relation, source, target: targetId },
    );
  }
  return { ...extraction, entities: [...entities.values()], relations: [...relations.values()] };
}

export function documentProps(input: DocumentInput, extractorVersion: string, maxChars = Number.MAX_SAFE_INTEGER): DocumentProps {
  const doc = validateDocumentInput(input, maxChars);
  return {
    ...doc,
    contentHash: doc.id.slice('document:'.length),
    charCount: doc.text.length,
    extractorVersion,
  };
}
