import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import type { ExtractionResult } from '../../src/extraction/types.js';
import { combineExtractions, offsetMapper, validateAnnotations } from '../../src/ingestion/annotations.js';
import { relationFitsOntology } from '../../src/domain/relations.js';
import { fullTextQueryForKeys } from '../../src/store/search.js';
import { matchKey } from '../../src/domain/fold.js';
import { isNewerExtractorVersion } from '../../src/ingestion/versions.js';
import { preparedEntity, prepareGraph, redirectExtraction } from '../../src/ingestion/prepare-graph.js';
import type { DocumentProps } from '../../src/store/graph-writes.js';

const doc = (id: string, language: string | null): DocumentProps => ({
  id,
  text: 'x',
  title: null,
  sourceUrl: null,
  language,
  publishedAt: null,
  contentHash: id.slice(9),
  charCount: 1,
  extractorVersion: 'test',
});

function badInputOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BAD_USER_INPUT');
    return (error as AppError).message;
  }
  throw new Error('expected a BAD_USER_INPUT error');
}

describe('matchKey', () => {
  it('folds case, accents, apostrophes, quotes and odd spaces', () => {
    expect(matchKey("Ministère de la Sécurité d’État")).toBe(matchKey("ministere de la securite d'etat"));
    expect(matchKey('«\u00a0MSS\u00a0»')).toBe('mss');
    expect(matchKey('  Direction   générale ')).toBe('direction generale');
  });

  it('quotes each key as a phrase for the full-text index, with nothing that could break the query', () => {
    expect(fullTextQueryForKeys(['mss', 'ministry of state security', ''])).toBe('"mss" OR "ministry of state security"');
    expect(fullTextQueryForKeys(['a"b\\c'])).toBe('"a b c"');
  });
});

describe('offsetMapper', () => {
  it('maps offsets in the text as sent onto the normalised text', () => {
    const raw = '\r\n  Line one.\r\nLine two.';
    const normalized = 'Line one.\nLine two.';
    const map = offsetMapper(raw, normalized);
    const at = raw.indexOf('Line two');
    expect(normalized.slice(map(at), map(at + 'Line two'.length))).toBe('Line two');
    expect(map(raw.indexOf('Line one'))).toBe(0);
    expect(map(raw.length + 1)).toBe(-1);
  });

  it('is the identity when nothing changed', () => {
    expect(offsetMapper('abc', 'abc')(2)).toBe(2);
  });
});

describe('validateAnnotations', () => {
  const text = 'The MSS warned Chinese students abroad.';
  const agency = { type: 'Agency', name: 'Ministry of State Security', aliases: ['MSS'], mentions: [{ start: 4, end: 7, text: 'MSS' }] };
  const group = { type: 'TargetGroup', name: 'Chinese students abroad', mentions: [{ start: 15, end: 38, text: 'Chinese students abroad' }] };

  it('derives ids from type and name and returns the extraction shape', () => {
    const result = validateAnnotations(
      {
        entities: [agency, group],
        relations: [{ type: 'WARNS', source: 'agency:ministry-of-state-security', target: 'target-group:chinese-students-abroad', evidence: [{ start: 0, end: 39 }] }],
      },
      text,
      text,
    );
    expect(result.entities.map((e) => e.id)).toEqual(['agency:ministry-of-state-security', 'target-group:chinese-students-abroad']);
    expect(result.entities[0]).toMatchObject({ aliases: ['MSS'], date: null, generic: false });
    expect(result.relations).toEqual([
      { type: 'WARNS', source: 'agency:ministry-of-state-security', target: 'target-group:chinese-students-abroad', evidence: [{ start: 0, end: 39 }] },
    ]);
  });

  it('fills the date precision from the date', () => {
    const event = { type: 'Event', name: 'MSS warning', date: '2024-05' };
    expect(validateAnnotations({ entities: [event] }, text, text).entities[0]).toMatchObject({ date: '2024-05', datePrecision: 'MONTH' });
  });

  it('refuses what the ontology or the text does not allow, naming the field', () => {
    expect(badInputOf(() => validateAnnotations({ entities: [{ ...agency, type: 'Person' }] }, text, text))).toMatch(
      /entities\[0\]\.type: unknown entity type "Person"/,
    );
    expect(
      badInputOf(() =>
        validateAnnotations({ entities: [agency, group], relations: [{ type: 'HATES', source: 'a', target: 'b' }] }, text, text),
      ),
    ).toMatch(/relations\[0\]\.type: unknown relation type/);
    expect(
      badInputOf(() =>
        validateAnnotations(
          { entities: [agency], relations: [{ type: 'WARNS', source: 'agency:ministry-of-state-security', target: 'target-group:x' }] },
          text,
          text,
        ),
      ),
    ).toMatch(/relations\[0\]\.target "target-group:x" is not an entity/);
    expect(
      badInputOf(() =>
        validateAnnotations(
          {
            entities: [agency, group],
            relations: [{ type: 'USES', source: 'agency:ministry-of-state-security', target: 'target-group:chinese-students-abroad' }],
          },
          text,
          text,
        ),
      ),
    ).toMatch(/USES cannot join Agency to TargetGroup/);
    expect(badInputOf(() => validateAnnotations({ entities: [{ ...agency, mentions: [{ start: 30, end: 99, text: 'x' }] }] }, text, text))).toMatch(
      /outside the text/,
    );
    expect(badInputOf(() => validateAnnotations({ entities: [{ ...agency, mentions: [{ start: 4, end: 7, text: 'MI5' }] }] }, text, text))).toMatch(
      /is "MSS", not "MI5"/,
    );
    expect(badInputOf(() => validateAnnotations({ entities: [{ ...agency, mentions: [{ start: 7, end: 4, text: '' }] }] }, text, text))).toMatch(
      /not a valid range/,
    );
    expect(badInputOf(() => validateAnnotations({ entities: [{ ...agency, id: 'law:mss' }] }, text, text))).toMatch(/is not a Agency id/);
    expect(badInputOf(() => validateAnnotations({ entities: [{ ...agency, id: 'agency:Not A Slug' }] }, text, text))).toMatch(/is not a Agency id/);
    expect(badInputOf(() => validateAnnotations({ entities: [agency, agency] }, text, text))).toMatch(/given twice/);
    expect(badInputOf(() => validateAnnotations({ entities: [{ ...agency, date: '10/05/2024' }] }, text, text))).toMatch(/date/);
    expect(badInputOf(() => validateAnnotations({ entities: [{ ...agency, name: ' ' }] }, text, text))).toMatch(/name is empty/);
  });

  it('knows which entity types each relation joins', () => {
    expect(relationFitsOntology('TARGETS', 'Tactic', 'TargetGroup')).toBe(true);
    expect(relationFitsOntology('TARGETS', 'Agency', 'Agency')).toBe(true);
    expect(relationFitsOntology('INVOLVES', 'Event', 'Law')).toBe(true);
    expect(relationFitsOntology('PART_OF', 'Agency', 'Event')).toBe(false);
    expect(relationFitsOntology('REPORTED_BY', 'Event', 'Agency')).toBe(true);
  });
});

describe('combineExtractions', () => {
  it('adds annotations on top of the extraction: same ids become one entity, the client name wins', () => {
    const base: ExtractionResult = {
      language: 'fr',
      entities: [{ id: 'agency:mss', type: 'Agency', name: 'MSS', aliases: ['MSS'], date: null, mentions: [{ start: 0, end: 3, text: 'MSS' }] }],
      relations: [],
    };
    const extra: ExtractionResult = {
      language: 'und',
      entities: [
        { id: 'agency:mss', type: 'Agency', name: 'Ministry of State Security', aliases: ['ministère'], date: null, mentions: [{ start: 0, end: 3, text: 'MSS' }, { start: 5, end: 14, text: 'ministère' }] },
      ],
      relations: [],
    };
    const combined = combineExtractions(base, extra);
    expect(combined.language).toBe('fr');
    expect(combined.entities).toHaveLength(1);
    expect(combined.entities[0]).toMatchObject({ name: 'Ministry of State Security', aliases: ['MSS', 'ministère'] });
    expect(combined.entities[0]!.mentions).toHaveLength(2);
  });
});

describe('prepareGraph', () => {
  const extraction = (overrides: Partial<ExtractionResult> = {}): ExtractionResult => ({
    language: 'fr',
    entities: [
      { id: 'agency:mss', type: 'Agency', name: 'Ministry of State Security', aliases: ['ministère de la Sécurité d’État', 'MSS'], date: null, mentions: [{ start: 0, end: 3, text: 'MSS' }, { start: 0, end: 3, text: 'MSS' }] },
      { id: 'target-group:students', type: 'TargetGroup', name: 'Students', aliases: [], date: null, mentions: [] },
    ],
    relations: [
      { type: 'WARNS', source: 'agency:mss', target: 'target-group:students', evidence: [{ start: 0, end: 10 }] },
      { type: 'WARNS', source: 'agency:mss', target: 'target-group:missing', evidence: [] },
    ],
    ...overrides,
  });

  it('gives aliases the language of their document, the canonical name English, once each', () => {
    const graph = prepareGraph([
      { document: doc('document:aaaa', 'fr'), extraction: extraction() },
      { document: doc('document:bbbb', 'en'), extraction: extraction() },
    ]);
    const mss = graph.entities.find((e) => e.id === 'agency:mss')!;
    expect(mss.aliases.map((a) => [a.text, a.language])).toEqual([
      ['ministère de la Sécurité d’État', 'fr'],
      ['MSS', 'fr'],
      ['Ministry of State Security', 'en'],
    ]);
    // Spans deduplicated per document, added over documents.
    expect(mss.mentionCount).toBe(2);
  });

  it('gives every entity a MENTIONS row, even without spans, and one relation row per (type, source, target)', () => {
    const graph = prepareGraph([
      { document: doc('document:aaaa', 'fr'), extraction: extraction() },
      { document: doc('document:bbbb', 'en'), extraction: extraction() },
    ]);
    expect(graph.mentions).toContainEqual({ docId: 'document:aaaa', entityId: 'target-group:students', spans: [] });
    expect(graph.mentions).toHaveLength(4);
    expect(graph.relations).toEqual([
      {
        type: 'WARNS',
        source: 'agency:mss',
        target: 'target-group:students',
        docIds: ['document:aaaa', 'document:bbbb'],
        evidence: ['document:aaaa:0:10', 'document:bbbb:0:10'],
      },
    ]);
    expect(graph.entities.map((e) => e.id)).toEqual(['agency:mss', 'target-group:students']);
  });
});

describe('preparedEntity', () => {
  it('lists the aliases given, once per match key, and keys the name even when it is not listed', () => {
    const row = preparedEntity({ id: 'agency:dgsi', type: 'Agency', name: 'Direction générale' }, [
      { text: ' DGSI ', language: 'fr' },
      { text: 'dgsi', language: 'en' },
      { text: '', language: 'en' },
    ]);
    expect(row.aliases).toEqual([{ text: 'DGSI', language: 'fr', key: matchKey('DGSI') }]);
    expect(row.nameKey).toBe(matchKey('DIRECTION GENERALE'));
    expect(row).toMatchObject({ generic: false, date: null, datePrecision: null, mentionCount: 0 });
  });
});

describe('redirectExtraction', () => {
  it('moves entities onto their targets, merging them, and drops relations that become loops', () => {
    const result = redirectExtraction(
      {
        language: 'en',
        entities: [
          { id: 'agency:a', type: 'Agency', name: 'A', aliases: [], date: null, mentions: [{ start: 0, end: 1, text: 'A' }] },
          { id: 'agency:b', type: 'Agency', name: 'B', aliases: ['Bee'], date: null, mentions: [{ start: 2, end: 3, text: 'B' }] },
          { id: 'event:e', type: 'Event', name: 'E', aliases: [], date: null, mentions: [] },
        ],
        relations: [
          { type: 'PART_OF', source: 'agency:a', target: 'agency:b', evidence: [] },
          { type: 'ISSUED', source: 'agency:b', target: 'event:e', evidence: [{ start: 0, end: 3 }] },
        ],
      },
      new Map([['agency:b', 'agency:a']]),
    );
    expect(result.entities.map((e) => e.id)).toEqual(['agency:a', 'event:e']);
    expect(result.entities[0]).toMatchObject({ aliases: ['B', 'Bee'] });
    expect(result.entities[0]!.mentions).toHaveLength(2);
    expect(result.relations).toEqual([{ type: 'ISSUED', source: 'agency:a', target: 'event:e', evidence: [{ start: 0, end: 3 }] }]);
  });
});

describe('isNewerExtractorVersion', () => {
  it('replaces only on a higher version number, or when none was recorded', () => {
    expect(isNewerExtractorVersion('rules-1.1.0', 'rules-1.0.0')).toBe(true);
    expect(isNewerExtractorVersion('rules-1.10.0', 'rules-1.9.0')).toBe(true);
    expect(isNewerExtractorVersion('rules-1.0.0', 'rules-1.0.0')).toBe(false);
    expect(isNewerExtractorVersion('rules-0.9.0', 'rules-1.0.0')).toBe(false);
    expect(isNewerExtractorVersion('rules-1.0.0', null)).toBe(true);
    expect(isNewerExtractorVersion('rules-2.0.0', 'annotations')).toBe(false);
    expect(isNewerExtractorVersion('rules-1.0.0', 'rules-1.0.0+annotations')).toBe(false);
  });
});
