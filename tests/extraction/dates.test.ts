import { describe, expect, it } from 'vitest';
import { findDates, parsePublicationDate } from '../../src/extraction/dates.js';
import { tokenize } from '../../src/extraction/text/tokenize.js';
import { GRAMMARS } from '../../src/extraction/grammar/index.js';

const elisions = new Set(GRAMMARS.flatMap((g) => g.elisions));

function dates(text: string, published = '2024-05-10') {
  const tokens = tokenize(text, { elisions });
  return findDates(tokens, 0, tokens.length, parsePublicationDate(published)).map((d) => ({ text: text.slice(d.start, d.end), value: d.value, precision: d.precision }));
}

describe('date expressions (publication Friday 2024-05-10)', () => {
  const cases: [string, string, string | null, string | null][] = [
    ['Le ministère a publié vendredi un article.', 'vendredi', '2024-05-10', 'DAY'],
    ['Il a parlé mercredi.', 'mercredi', '2024-05-08', 'DAY'],
    ['La loi est entrée en vigueur le 1er juillet 2023.', '1er juillet 2023', '2023-07-01', 'DAY'],
    ['En avril, le ministère a dévoilé un film.', 'avril', '2024-04', 'MONTH'],
    ['En décembre, il a été arrêté.', 'décembre', '2023-12', 'MONTH'],
    ['Adoptée en novembre 2014, la loi actuelle.', 'novembre 2014', '2014-11', 'MONTH'],
    ['The agency said on Friday.', 'Friday', '2024-05-10', 'DAY'],
    ['He was arrested on Tuesday.', 'Tuesday', '2024-05-07', 'DAY'],
    ['It started in March 2024.', 'March 2024', '2024-03', 'MONTH'],
    ['It sounded the alarm on Wednesday (Feb 7).', 'Feb 7', '2024-02-07', 'DAY'],
    ['The law takes effect on July 1, 2025.', 'July 1, 2025', '2025-07-01', 'DAY'],
    ['Police arrested two men last week.', 'last week', '2024-05', 'MONTH'],
    ['The report came out last month.', 'last month', '2024-04', 'MONTH'],
    ['Le rapport est sorti le mois dernier.', 'le mois dernier', '2024-04', 'MONTH'],
    ['Il a été arrêté hier.', 'hier', '2024-05-09', 'DAY'],
    ['He enlisted in 2016.', '2016', '2016', 'YEAR'],
    ['Published 2023-11-02 by the agency.', '2023-11-02', '2023-11-02', 'DAY'],
  ];
  for (const [text, span, value, precision] of cases) {
    it(`${text} -> ${value}`, () => {
      const found = dates(text).find((d) => d.text === span);
      expect(found, JSON.stringify(dates(text))).toBeDefined();
      expect(found!.value).toBe(value);
      expect(found!.precision).toBe(precision);
    });
  }

  it('reads "may" as a verb and "May 3" as a date', () => {
    expect(dates('Students may be targeted.')).toEqual([]);
    expect(dates('It happened on May 3.')[0]?.value).toBe('2024-05-03');
  });

  it('resolves a weekday to the month when the publication date has no day', () => {
    expect(dates('un communiqué diffusé mercredi', '2024-09')[0]?.value).toBe('2024-09');
  });

  it('leaves relative dates unresolved without a publication date', () => {
    const tokens = tokenize('Il a parlé vendredi.', { elisions });
    expect(findDates(tokens, 0, tokens.length, null)[0]?.value).toBeNull();
  });

  it('looks forward for a future weekday', () => {
    expect(dates('He will appear in court on Monday.')[0]?.value).toBe('2024-05-13');
  });
});

describe('publication dates', () => {
  it('accepts days and months and rejects the rest', () => {
    expect(parsePublicationDate('2024-05-10')).toEqual({ year: 2024, month: 5, day: 10 });
    expect(parsePublicationDate('2024-05')).toEqual({ year: 2024, month: 5, day: null });
    expect(parsePublicationDate('2024-02-30')).toBeNull();
    expect(parsePublicationDate('10/05/2024')).toBeNull();
  });
});

describe('more date forms', () => {
  it('reads dd/mm/yyyy, mid-month and "this week"', () => {
    expect(dates('Publié le 03/04/2024 à Paris.')[0]).toMatchObject({ text: '03/04/2024', value: '2024-04-03', precision: 'DAY' });
    expect(dates('Arrêté à la mi-mars, il a été relâché.')[0]).toMatchObject({ value: '2024-03', precision: 'MONTH' });
    expect(dates('The ministry warned earlier this week.')[0]).toMatchObject({ value: '2024-05', precision: 'MONTH' });
  });
});
