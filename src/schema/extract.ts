import type { ExtractedEntity, ExtractedRelation, ExtractionResult } from '../extraction/types.js';
import type { Mention, Span } from '../domain/entities.js';
import { requireWriteAccess } from './auth.js';
import { builder } from './builder.js';
import { DatePrecisionEnum, EntityTypeEnum } from './entity.js';
import { LanguageEnum } from './language.js';
import { RelationTypeEnum } from './relations.js';

/**
 * `extract`: what the extractor makes of a text, without writing anything. Bad input (empty,
 * too large, bad date or language) is an ExtractionInputError, which the server maps to
 * BAD_USER_INPUT.
 */

interface PreviewSpan extends Span {
  text: string;
}

const ExtractedSpan = builder.objectRef<PreviewSpan>('ExtractedSpan').implement({
  description: 'A range of the text given to `extract`, with the text there.',
  fields: (t) => ({
    start: t.exposeInt('start', { description: 'UTF-16 offset into the text as given.' }),
    end: t.exposeInt('end', { description: 'UTF-16 offset just after the last character.' }),
    text: t.exposeString('text', { description: 'The text between start and end.' }),
  }),
});

const ExtractedEntityType = builder.objectRef<ExtractedEntity>('ExtractedEntity').implement({
  description: 'An entity the extractor found in the text.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The id the entity gets (or has) in the graph.' }),
    type: t.field({ type: EntityTypeEnum, description: 'The entity type.', resolve: (entity) => entity.type }),
    name: t.exposeString('name', { description: 'Canonical name, English where the lexicon knows one.' }),
    aliases: t.exposeStringList('aliases', { description: 'Other names found for it in this text.' }),
    date: t.exposeString('date', {
      nullable: true,
      description: 'Events and laws: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; null when the text gives none.',
    }),
    datePrecision: t.field({
      type: DatePrecisionEnum,
      nullable: true,
      description: 'How much of `date` is known; null without a date.',
      resolve: (entity) => entity.datePrecision ?? null,
    }),
    generic: t.boolean({
      description: 'An unnamed actor ("foreign intelligence services"), never merged by name.',
      resolve: (entity) => entity.generic === true,
    }),
    mentions: t.field({
      type: [ExtractedSpan],
      description: 'Where the text names it.',
      resolve: (entity): Mention[] => entity.mentions,
    }),
  }),
});

interface RelationPreview extends ExtractedRelation {
  sourceText: string;
}

const ExtractedRelationType = builder.objectRef<RelationPreview>('ExtractedRelation').implement({
  description: 'A relation the extractor found between two of the entities of the preview.',
  fields: (t) => ({
    type: t.field({ type: RelationTypeEnum, description: 'The relation type.', resolve: (relation) => relation.type }),
    source: t.exposeID('source', { description: 'Id of the entity it starts from (one of `entities`).' }),
    target: t.exposeID('target', { description: 'Id of the entity it points to (one of `entities`).' }),
    evidence: t.field({
      type: [ExtractedSpan],
      description: 'Sentences that support the relation.',
      resolve: (relation) =>
        relation.evidence.map((span) => ({ ...span, text: relation.sourceText.slice(span.start, span.end) })),
    }),
  }),
});

interface PreviewShape {
  result: ExtractionResult;
  text: string;
}

const ExtractionPreview = builder.objectRef<PreviewShape>('ExtractionPreview').implement({
  description: 'What loading the text would add to the graph; nothing is written.',
  fields: (t) => ({
    language: t.string({
      description: 'The language the text was read as: the one asked for, or the detected one (ISO 639-1).',
      resolve: (preview) => preview.result.language,
    }),
    entities: t.field({
      type: [ExtractedEntityType],
      description: 'The entities found.',
      resolve: (preview) => preview.result.entities,
    }),
    relations: t.field({
      type: [ExtractedRelationType],
      description: 'The relations found, with their evidence sentences.',
      resolve: (preview) => preview.result.relations.map((relation) => ({ ...relation, sourceText: preview.text })),
    }),
    warnings: t.stringList({ description: 'Notes for a human about what was set aside; empty when none.', resolve: (preview) => preview.result.warnings ?? [] }),
  }),
});

builder.queryFields((t) => ({
  extract: t.field({
    type: ExtractionPreview,
    description:
      'Runs the extractor on a text and returns entities and relations with their evidence; writes nothing. ' +
      'Needs the API key when one is set (it costs as much CPU as a load).',
    args: {
      text: t.arg.string({ required: true, description: 'Plain text, at most MAX_DOCUMENT_CHARS (1,000,000 by default).' }),
      language: t.arg({ type: LanguageEnum, description: 'Forces the language instead of detecting it.' }),
      publishedAt: t.arg.string({ description: 'Publication date that relative dates resolve against.' }),
    },
    resolve: async (_root, args, context) => {
      requireWriteAccess(context);
      const result = await context.extractor.extract({
        text: args.text,
        ...(args.language ? { language: args.language } : {}),
        ...(args.publishedAt ? { publishedAt: args.publishedAt } : {}),
      });
      return { result, text: args.text };
    },
  }),
}));
