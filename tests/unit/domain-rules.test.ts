import { describe, expect, it } from 'vitest';
import { isCalendarDate, parseCalendarDate } from '../../src/domain/dates.js';
import { isValidPublishedAt, validateDocumentInput } from '../../src/domain/document.js';
import { ENTITY_TYPES, ENTITY_TYPE_INFO, type EntityType, type EntityTypeInfo } from '../../src/domain/entities.js';
import { foldName, foldText, matchKey, slugify } from '../../src/domain/fold.js';
import { entityId, entityTypeOfId, ID_PREFIX } from '../../src/domain/ids.js';
import { AppError } from '../../src/errors.js';
import { parsePublicationDate } from '../../src/extraction/dates.js';
import { validateAnnotations } from '../../src/ingestion/annotations.js';
import { toLuceneQuery } from '../../src/store/search.js';

describe('one folding rule', () => {
  it('folds the left single quote (U+2018) like the right one (U+2019) in ids, match keys, lexicon text and search', () => {
    expect(entityId('Agency', 'l‘Agence')).toBe(entityId('Agency', 'l’Agence'));
    expect(entityId('Agency', 'l‘Agence')).toBe('agency:lagence');
    expect(matchKey('l‘Agence')).toBe(matchKey('l’Agence'));
    expect(foldText('l‘Agence')).toBe(foldText('l’Agence'));
    expect(toLuceneQuery('l‘agence')).toBe(toLuceneQuery('l’agence'));
  });

  it('gives the same folded form to a name however it is typed', () => {
    const forms = ["Sécurité d'État", 'SECURITE D’ETAT', 'Se\u0301curite\u0301 d‘E\u0301tat', 'sécurité\u00a0d´état'];
    expect(new Set(forms.map(matchKey))).toEqual(new Set(["securite d'etat"]));
    expect(new Set(forms.map(slugify))).toEqual(new Set(['securite-detat']));
    expect(foldName('Œuvre « commune »')).toBe('œuvre " commune "');
    expect(matchKey('Œuvre « commune »')).toBe('œuvre commune');
  });

  it('keeps lexicon folding the length of the text, so offsets still point into it', () => {
    const text = 'L‘Agence « nationale » de sécurité';
    expect(foldText(text)).toHaveLength(text.length);
  });
});

describe('one date rule', () => {
  it('refuses February 31st everywhere', () => {
    expect(parseCalendarDate('2024-02-31')).toBeNull();
    expect(isValidPublishedAt('2024-02-31')).toBe(false);
    expect(parsePublicationDate('2024-02-31')).toBeNull();
    expect(() => validateDocumentInput({ text: 'x', publishedAt: '2024-02-31' }, 100)).toThrow(AppError);
    const text = 'The ministry announced the arrest.';
    const event = { type: 'Event', name: 'arrest', date: '2024-02-31', mentions: [] };
    expect(() => validateAnnotations({ entities: [event] }, text, text)).toThrow(/is not a date/);
  });

  it('accepts real dates at every precision', () => {
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-13')).toBe(false);
    expect(parseCalendarDate('2024-12')).toEqual({ year: 2024, month: 12, day: null });
    expect(parseCalendarDate('2024')).toEqual({ year: 2024, month: null, day: null });
    expect(isValidPublishedAt('2024-04-30')).toBe(true);
    expect(parsePublicationDate('2024-04')).toEqual({ year: 2024, month: 4, day: null });
    // A year alone anchors no relative date in extraction.
    expect(parsePublicationDate('2024')).toBeNull();
  });
});

describe('entity types', () => {
  it('have one id prefix each, which names the type back', () => {
    for (const type of ENTITY_TYPES) expect(entityTypeOfId(`${ID_PREFIX[type]}:x`)).toBe(type);
    expect(new Set(Object.values(ID_PREFIX)).size).toBe(ENTITY_TYPES.length);
    expect(entityTypeOfId('document:0123456789abcdef')).toBeNull();
  });

  it('are all handled by the maps over them, and a new type would not compile until handled', () => {
    expect(Object.keys(ENTITY_TYPE_INFO).sort()).toEqual([...ENTITY_TYPES].sort());
    // The maps over entity types are `Record<EntityType, …>`. Given one more type, the same map
    // fails to compile: the directive below is itself an error (checked by `npm run typecheck`)
    // the day the map stops being exhaustive.
    type WithPerson = EntityType | 'Person';
    // @ts-expect-error Property 'Person' is missing: a map that does not handle a new type does not compile.
    const extended: Record<WithPerson, EntityTypeInfo> = ENTITY_TYPE_INFO;
    expect(extended).toBe(ENTITY_TYPE_INFO);
    // @ts-expect-error Likewise for the id prefixes.
    const prefixes: Record<WithPerson, string> = ID_PREFIX;
    expect(prefixes).toBe(ID_PREFIX);
  });
});
