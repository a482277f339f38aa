import type { ExtractedEntity, ExtractedRelation, ExtractionResult } from '../extraction/types.js';
import type { Mention, Span } from '../domain/entities.js';
import { requireWriteAccess } from './auth.js';
import { builder } from './builder.js';
import { DatePrecisionEnum, EntityTypeEnum } from './entity.js';
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
  fields: (t) => ({
    start: t.exposeInt('start', { description: 'UTF-16 offset into the text as given.' }),
    end: t.exposeInt('end', { description: 'Exclusive.' }),
    text: t.exposeString('text'),
  }),
});

const ExtractedEntityType = builder.objectRef<ExtractedEntity>('ExtractedEntity').implement({
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The id the entity gets (or has) in the graph.' }),
    type: t.field({ type: EntityTypeEnum, resolve: (entity) => entity.type }),
    name: t.exposeString('name'),
    aliases: t.exposeStringList('aliases'),
    date: t.exposeString('date', { nullable: true }),
    datePrecision: t.field({ type: DatePrecisionEnum, nullable: true, resolve: (entity) => entity.datePrecision ?? null }),
    generic: t.boolean({ resolve: (entity) => entity.generic === true }),
    mentions: t.field({ type: [ExtractedSpan], resolve: (entity): Mention[] => entity.mentions }),
  }),
});

interface RelationPreview extends ExtractedRelation {
  sourceText: string;
}

const ExtractedRelationType = builder.objectRef<RelationPreview>('ExtractedRelation').implement({
  fields: (t) => ({
    type: t.field({ type: RelationTypeEnum, resolve: (relation) => relation.type }),
    source: t.exposeID('source'),
    target: t.exposeID('target'),
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
    language: t.string({ resolve: (preview) => preview.result.language }),
    entities: t.field({ type: [ExtractedEntityType], resolve: (preview) => preview.result.entities }),
    relations: t.field({
      type: [ExtractedRelationType],
      resolve: (preview) => preview.result.relations.map((relation) => ({ ...relation, sourceText: preview.text })),
    }),
    warnings: t.stringList({ resolve: (preview) => preview.result.warnings ?? [] }),
  }),
});

builder.queryFields((t) => ({
  extract: t.field({
    type: ExtractionPreview,
    description:
      'Runs the extractor on a text and returns entities and relations with their evidence; writes nothing. ' +
      'Needs the API key when one is set (it costs as much CPU as a load).',
    args: {
      text: t.arg.string({ required: true }),
      language: t.arg.string({ description: 'Forces the language (`fr`, `en`) instead of detecting it.' }),
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
