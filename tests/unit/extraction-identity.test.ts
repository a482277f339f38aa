/**
 * Cross-document identity (src/extraction/identity.ts) on short texts written for these tests:
 * the same entity gets one id in every document, and one id never stands for two entities.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extraction/index.js';
import { isFunctionName } from '../../src/extraction/identity.js';

beforeAll(() => {
  for (const language of ['fr', 'en'] as const) extractDocument({ text: 'Warm-up.', language });
}, 60_000);

const ids = (text: string, language: 'fr' | 'en', type: string, publishedAt = '2025-03-14') =>
  extractDocument({ text, language, publishedAt }).entities.filter((e) => e.type === type).map((e) => e.id);

describe('bodies every country has', () => {
  it('gives two countries\' police two ids, and the same country\'s police one in both languages', () => {
    const german = ids('German police searched a flat in Hamburg. The police said the suspect had sent photographs of a port.', 'en', 'Agency');
    const dutch = ids('Dutch police searched a flat in Rotterdam. The police said the suspect had sent photographs of a port.', 'en', 'Agency');
    const germanFr = ids('La police allemande a perquisitionné un appartement à Hambourg.', 'fr', 'Agency');
    expect(german).toHaveLength(1);
    expect(dutch).toHaveLength(1);
    expect(german[0]).not.toBe(dutch[0]);
    expect(germanFr).toEqual(german);
  });

  it('gives an unnamed police force the country whose prosecutors act, not the country the story is about', () => {
    const text =
      'A Russian engineer was accused of passing plans to Russia\'s military intelligence, and Russia denied it. ' +
      'German federal prosecutors charged him on Friday after the police searched his flat. ' +
      'Moscow called the case a provocation by enemies of Russia.';
    const agencies = extractDocument({ text, language: 'en', publishedAt: '2025-03-14' }).entities.filter((e) => e.type === 'Agency');
    const police = agencies.find((e) => e.mentions.some((m) => m.text.toLowerCase() === 'the police'));
    expect(police?.id).toBe('agency:police-germany');
  });

  it('puts the country in the name of a body a general rule names only by its function', () => {
    const a = ids('Vietnam\'s Directorate of Military Intelligence denied the report on Monday.', 'en', 'Agency');
    const b = ids('The Directorate of Military Intelligence of Ukraine said on Monday it had evidence.', 'en', 'Agency');
    const c = ids('Officials at the Directorate of Military Intelligence in Kyiv said Ukraine had been targeted.', 'en', 'Agency');
    expect(a).toEqual(['agency:directorate-of-military-intelligence-vietnam']);
    expect(b[0]).not.toBe(a[0]);
    expect(c).toEqual(['agency:directorate-of-military-intelligence-ukraine']);
  });

  it('tells a function name from a proper one', () => {
    expect(isFunctionName('Ministry of Foreign Affairs')).toBe(true);
    expect(isFunctionName('Direction générale de la sécurité intérieure')).toBe(true);
    expect(isFunctionName('Busan Metropolitan Police')).toBe(false);
    expect(isFunctionName('Xyz Consulting Company')).toBe(false);
  });
});

describe('target groups', () => {
  it('keeps companies of two countries apart and the general group without a country', () => {
    const us = ids('The hackers stole trade secrets from US businesses.', 'en', 'TargetGroup');
    const be = ids('Les pirates ont volé des secrets à des entreprises belges.', 'fr', 'TargetGroup');
    const any = ids('The hackers stole trade secrets from targeted companies.', 'en', 'TargetGroup');
    expect(us).toEqual(['target-group:companies-and-businesses-united-states']);
    expect(be).toEqual(['target-group:companies-and-businesses-belgium']);
    expect(any).toEqual(['target-group:companies-and-businesses']);
  });

  it('tells universities from students, and reads bare "students" only after a students group', () => {
    expect(ids('The service warned that universities were being infiltrated.', 'en', 'TargetGroup')).toEqual(['target-group:academic-and-research-community']);
    expect(ids('Le service a mis en garde les universités contre les espions.', 'fr', 'TargetGroup')).toEqual(['target-group:academic-and-research-community']);
    expect(ids('Selon le ministère, les étudiants étaient nombreux à la conférence.', 'fr', 'TargetGroup')).toEqual([]);
    const named = ids('Le ministère met en garde les étudiants chinois contre les espions. Les étudiants doivent rester prudents.', 'fr', 'TargetGroup');
    expect(named).toHaveLength(1);
  });
});

describe('activists at home and communities abroad', () => {
  it('keeps pro-democracy activists apart from the diaspora a state pursues abroad', () => {
    const home = ids('Les militants pro-démocratie ont dénoncé la nouvelle loi, comme les voix dissidentes.', 'fr', 'TargetGroup');
    const abroad = ids('Les services surveillent la diaspora ouïghoure en Europe.', 'fr', 'TargetGroup');
    expect(home).toEqual(['target-group:pro-democracy-activists-and-dissidents']);
    expect(abroad).toHaveLength(1);
    expect(abroad[0]).not.toBe(home[0]);
  });
});

describe('event ids', () => {
  it('gives one id to the same arrest reported in two documents and two languages', () => {
    const en = ids('In April, an aide to a German MEP, Wei L., was arrested in Dresden on suspicion of spying for China.', 'en', 'Event', '2024-09-30');
    const fr = ids("L'assistant d'un eurodéputé allemand a été arrêté mardi 23 avril. L'homme, Wei Lin, est soupçonné d'espionnage.", 'fr', 'Event', '2024-04-23');
    expect(en).toHaveLength(1);
    expect(fr).toEqual(en);
  });

  it('keeps apart two arrests of the same month about different people', () => {
    const a = ids('Police arrested Anna K. in Munich in March on suspicion of spying for Russia.', 'en', 'Event', '2025-03-20');
    const b = ids('Police arrested Boris M. in Munich in March on suspicion of spying for Russia.', 'en', 'Event', '2025-03-20');
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(a[0]).not.toBe(b[0]);
  });

  it('keeps two undated arrests of one month in two documents apart', () => {
    const a = ids('A technician was arrested in Lyon earlier this month for passing secrets to a foreign power.', 'en', 'Event', '2025-03-20');
    const b = ids('An engineer was arrested in Lille earlier this month for passing secrets to a foreign power.', 'en', 'Event', '2025-03-20');
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(a[0]).not.toBe(b[0]);
  });

  it('does not key an arrest on the person who speaks of it, nor on a day without the acting body\'s country', () => {
    const a = ids('A spokesman, John Smith, said an engineer was arrested on 4 March 2025.', 'en', 'Event', '2025-03-05');
    const b = ids('John Smith said a technician was arrested on 4 March 2025.', 'en', 'Event', '2025-03-05');
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(a[0]).not.toBe(b[0]);
    expect(a[0]).not.toMatch(/john/);
  });

  it('keys a warning on its issuer and day: the same day meets, the same month does not', () => {
    const first = ids('On 3 March 2025, MI5 warned universities about foreign spies.', 'en', 'Event', '2025-03-04');
    const again = ids('MI5 issued a warning to universities on 3 March 2025 about foreign spies.', 'en', 'Event', '2025-03-05');
    const later = ids('MI5 warned in March 2025 that foreign spies target universities.', 'en', 'Event', '2025-03-28');
    expect(first).toHaveLength(1);
    expect(again).toEqual(first);
    expect(later).toHaveLength(1);
    expect(later[0]).not.toBe(first[0]);
  });
});
