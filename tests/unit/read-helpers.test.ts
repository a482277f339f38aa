import { describe, expect, it } from 'vitest';
import { parseSpan, sentenceAround, toEntityRecord } from '../../src/store/entities.js';
import { edgeId } from '../../src/store/graph-views.js';
import { dateBounds, escapeLucene, toLuceneQuery } from '../../src/store/search.js';

describe('full-text query building', () => {
  it('requires every word and lets the last one match as a folded prefix', () => {
    expect(toLuceneQuery("Sécurité d'État")).toBe("+sécurité +(d'état OR d'etat*)");
    expect(toLuceneQuery('mss')).toBe('+(mss OR mss*)');
    // A one- or two-letter last word is not a prefix: it would match half the index.
    expect(toLuceneQuery('ministry of')).toBe('+ministry +of');
  });

  it('keeps operators and syntax as plain words', () => {
    expect(toLuceneQuery('spies AND NOT (x)')).toBe('+spies +and +not +x');
    expect(toLuceneQuery('a:b "c" [d TO e] f~2 g^3 h* i?')).toBe('+a +b +c +d +to +e +f +2 +g +3 +h +i');
    expect(toLuceneQuery('’MSS’')).toBe('+(mss OR mss*)');
    expect(toLuceneQuery('  !!! ')).toBeNull();
    expect(escapeLucene('a+b-c&&d||e!(f){g}[h]^i"j~k*l?m:n\\o/p')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!\\(f\\)\\{g\\}\\[h\\]\\^i\\"j\\~k\\*l\\?m\\:n\\\\o\\/p',
    );
  });

  it('gives a partial date its first and last day', () => {
    expect(dateBounds('2024')).toEqual({ first: '2024-01-01', last: '2024-12-31' });
    expect(dateBounds('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-31' });
    expect(dateBounds('2024-02-10')).toEqual({ first: '2024-02-10', last: '2024-02-10' });
  });
});

describe('mentions and evidence', () => {
  const text = 'First sentence here. The MSS warned students! Third one?\nNew line without end';

  it('finds the sentence around a span, in UTF-16 offsets', () => {
    const start = text.indexOf('MSS');
    expect(sentenceAround(text, start, start + 3)).toEqual({ start: text.indexOf('The MSS'), text: 'The MSS warned students!' });
    expect(sentenceAround(text, 0, 5)).toEqual({ start: 0, text: 'First sentence here.' });
    const last = text.indexOf('without');
    expect(sentenceAround(text, last, last + 7).text).toBe('New line without end');
    const emoji = '😀 Le MSS. Fin.';
    const at = emoji.indexOf('MSS');
    expect(sentenceAround(emoji, at, at + 3)).toEqual({ start: 0, text: '😀 Le MSS.' });
  });

  it('parses stored spans and refuses malformed ones', () => {
    expect(parseSpan('3:10')).toEqual({ start: 3, end: 10 });
    expect(parseSpan('10:3')).toBeNull();
    expect(parseSpan('x:1')).toBeNull();
  });

  it('builds records from stored properties, pairing aliases with their languages', () => {
    expect(
      toEntityRecord({ id: 'agency:mss', name: 'MSS', aliases: ['a', 'b'], aliasLanguages: ['fr', null], generic: null }),
    ).toEqual({
      id: 'agency:mss',
      type: 'Agency',
      name: 'MSS',
      aliases: [
        { name: 'a', language: 'fr' },
        { name: 'b', language: null },
      ],
      generic: false,
      date: null,
      datePrecision: null,
    });
  });

  it('makes stable edge ids', () => {
    expect(edgeId('agency:a', 'USES', 'tactic:b')).toBe('agency:a|USES|tactic:b');
  });
});
