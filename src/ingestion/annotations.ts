import { badInput } from '../errors.js';
import { isCalendarDate, precisionOfDate } from '../domain/dates.js';
import { DATE_PRECISIONS, isEntityType, type DatePrecision, type Mention, type Span } from '../domain/entities.js';
import { slugify } from '../domain/fold.js';
import { entityId, entityTypeOfId } from '../domain/ids.js';
import { isRelationType, relationFitsOntology } from '../domain/relations.js';
import type { ExtractedEntity, ExtractedRelation, ExtractionResult } from '../extraction/types.js';

/**
 * Entities and relations a client supplies with a document (its own NLP or LLM): the shape of
 * the extraction output, with ids optional (derived from type and name when missing).
 * Offsets point into the text as the client sent it.
 */
export interface AnnotationsInput {
  entities?: readonly AnnotatedEntityInput[] | null;
  relations?: readonly AnnotatedRelationInput[] | null;
}

export interface AnnotatedEntityInput {
  id?: string | null;
  type: string;
  name: string;
  aliases?: readonly string[] | null;
  date?: string | null;
  datePrecision?: string | null;
  generic?: boolean | null;
  mentions?: readonly Mention[] | null;
}

export interface AnnotatedRelationInput {
  type: string;
  source: string;
  target: string;
  evidence?: readonly Span[] | null;
}

/**
 * Maps offsets into the text as sent to offsets into the stored (normalised) text: `\r\n` and
 * lone `\r` became `\n` and leading white space was trimmed. NFC changes are not mapped: a text
 * that NFC alters has its annotation offsets taken as offsets into the normalised text.
 */
export function offsetMapper(raw: string, normalized: string): (offset: number) => number {
  if (raw === normalized || raw.normalize('NFC') !== raw) return (offset) => offset;
  const map = new Int32Array(raw.length + 1);
  let j = 0;
  for (let i = 0; i < raw.length; i += 1) {
    map[i] = j;
    if (!(raw[i] === '\r' && raw[i + 1] === '\n')) j += 1;
  }
  map[raw.length] = j;
  const collapsed = raw.replace(/\r\n?/g, '\n');
  const lead = collapsed.length - collapsed.trimStart().length;
  return (offset) => {
    if (offset < 0 || offset > raw.length) return -1;
    return Math.min(Math.max(map[offset]! - lead, 0), normalized.length);
  };
}

/**
 * Checks annotations against the ontology and the text, and returns them in the extraction
 * shape with offsets into the stored text. Every problem is a BAD_USER_INPUT naming the field.
 */
export function validateAnnotations(input: AnnotationsInput, rawText: string, text: string): ExtractionResult {
  const toStored = offsetMapper(rawText, text);
  const entities = new Map<string, ExtractedEntity>();

  const checkSpan = (span: Span, field: string): Span => {
    if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end <= span.start) {
      throw badInput(`${field}: [${span.start}, ${span.end}) is not a valid range`, { field });
    }
    if (span.end > rawText.length) {
      throw badInput(`${field}: [${span.start}, ${span.end}) lies outside the text (${rawText.length} characters)`, {
        field,
      });
    }
    return { start: toStored(span.start), end: toStored(span.end) };
  };

  (input.entities ?? []).forEach((entity, index) => {
    const field = `annotations.entities[${index}]`;
    if (!isEntityType(entity.type)) {
      throw badInput(`${field}.type: unknown entity type ${JSON.stringify(entity.type)}`, { field: `${field}.type` });
    }
    const name = entity.name.trim();
    if (name.length === 0) throw badInput(`${field}.name is empty`, { field: `${field}.name` });
    const id = entity.id?.trim() || entityId(entity.type, name);
    const slug = id.slice(id.indexOf(':') + 1);
    if (entityTypeOfId(id) !== entity.type || slug.length === 0 || slugify(slug) !== slug) {
      throw badInput(`${field}.id ${JSON.stringify(id)} is not a ${entity.type} id (${entityId(entity.type, 'name')})`, {
        field: `${field}.id`,
      });
    }
    if (entities.has(id)) throw badInput(`${field}.id ${JSON.stringify(id)} is given twice`, { field: `${field}.id` });
    const date = entity.date?.trim() || null;
    if (date !== null && !isCalendarDate(date)) {
      throw badInput(`${field}.date ${JSON.stringify(date)} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`, {
        field: `${field}.date`,
      });
    }
    const precision = entity.datePrecision ?? null;
    if (precision !== null && !(DATE_PRECISIONS as readonly string[]).includes(precision)) {
      throw badInput(`${field}.datePrecision must be one of ${DATE_PRECISIONS.join(', ')}`, {
        field: `${field}.datePrecision`,
      });
    }
    const mentions = (entity.mentions ?? []).map((mention, m) => {
      const mentionField = `${field}.mentions[${m}]`;
      const span = checkSpan(mention, mentionField);
      const expected = mention.text.normalize('NFC').replace(/\r\n?/g, '\n');
      if (text.slice(span.start, span.end) !== expected) {
        throw badInput(
          `${mentionField}: the text at [${mention.start}, ${mention.end}) is ${JSON.stringify(
            rawText.slice(mention.start, mention.end),
          )}, not ${JSON.stringify(mention.text)}`,
          { field: mentionField },
        );
      }
      return { ...span, text: expected };
    });
    entities.set(id, {
      id,
      type: entity.type,
      name,
      aliases: (entity.aliases ?? []).map((alias) => alias.trim()).filter((alias) => alias.length > 0),
      date,
      datePrecision: date === null ? null : ((precision as DatePrecision | null) ?? precisionOfDate(date)),
      generic: entity.generic ?? false,
      mentions,
    });
  });

  const relations: ExtractedRelation[] = (input.relations ?? []).map((relation, index) => {
    const field = `annotations.relations[${index}]`;
    if (!isRelationType(relation.type)) {
      throw badInput(`${field}.type: unknown relation type ${JSON.stringify(relation.type)}`, { field: `${field}.type` });
    }
    const source = entities.get(relation.source);
    const target = entities.get(relation.target);
    for (const [end, entity] of [
      ['source', source],
      ['target', target],
    ] as const) {
      if (!entity) {
        throw badInput(`${field}.${end} ${JSON.stringify(relation[end])} is not an entity of these annotations`, {
          field: `${field}.${end}`,
        });
      }
    }
    if (!relationFitsOntology(relation.type, source!.type, target!.type)) {
      throw badInput(`${field}: ${relation.type} cannot join ${source!.type} to ${target!.type}`, { field });
    }
    if (source!.id === target!.id) throw badInput(`${field}: an entity cannot be related to itself`, { field });
    const evidence = (relation.evidence ?? []).map((span, e) => checkSpan(span, `${field}.evidence[${e}]`));
    return { type: relation.type, source: source!.id, target: target!.id, evidence };
  });

  return { language: 'und', entities: [...entities.values()], relations };
}

function mergeSpans<T extends Span>(a: readonly T[], b: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const span of [...a, ...b]) seen.set(`${span.start}:${span.end}`, seen.get(`${span.start}:${span.end}`) ?? span);
  return [...seen.values()].sort((x, y) => x.start - y.start || x.end - y.end);
}

/**
 * Annotations on top of the built-in extraction: entities with the same id become one (the
 * client's name wins, aliases and mentions add up), relations likewise.
 */
export function combineExtractions(base: ExtractionResult, extra: ExtractionResult): ExtractionResult {
  const entities = new Map(base.entities.map((entity) => [entity.id, entity]));
  for (const entity of extra.entities) {
    const known = entities.get(entity.id);
    entities.set(
      entity.id,
      known
        ? {
            ...known,
            name: entity.name,
            aliases: [...new Set([...known.aliases, ...entity.aliases])],
            date: entity.date ?? known.date,
            datePrecision: entity.date ? entity.datePrecision : known.datePrecision,
            generic: entity.generic || known.generic,
            mentions: mergeSpans(known.mentions, entity.mentions),
          }
        : entity,
    );
  }
  const relations = new Map(base.relations.map((relation) => [relationKey(relation), relation]));
  for (const relation of extra.relations) {
    const key = relationKey(relation);
    const known = relations.get(key);
    relations.set(key, known ? { ...known, evidence: mergeSpans(known.evidence, relation.evidence) } : relation);
  }
  return {
    language: base.language,
    entities: [...entities.values()],
    relations: [...relations.values()],
    warnings: [...(base.warnings ?? []), ...(extra.warnings ?? [])],
  };
}

export function relationKey(relation: { type: string; source: string; target: string }): string {
  return `${relation.source}|${relation.type}|${relation.target}`;
}
