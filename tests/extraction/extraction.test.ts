import { describe, expect, it } from 'vitest';
import { extractDocument, ruleBasedExtractor, EXTRACTOR_VERSION } from '../../src/extraction/index.js';
import { entityId } from '../../src/domain/ids.js';
import { entity, expectWellFormed, hasRelation } from './helpers.js';

const FR_WARNING = [
  "Le ministère chinois de la Sécurité d'État a publié mardi un avertissement destiné aux étudiants chinois à l'étranger.",
  "Selon le ministère, des services de renseignement étrangers créent des rencontres fortuites et utilisent de faux profils sur les réseaux sociaux pour approcher les étudiants chinois à l'étranger.",
  "Certains sont contraints de livrer des informations sensibles après un chantage.",
  'Temps mondial',
].join('\n');

const EN_CASE = [
  'A former defense contractor employee was arrested in Denver on Thursday, the Justice Department said.',
  'Prosecutors said he had been recruited through fake job offers and honey traps by Chinese intelligence officers.',
  'The Federal Bureau of Investigation (FBI) said the case shows how foreign spies target defense contractors.',
].join('\n');

describe('the Extractor interface', () => {
  it('exposes a name, a version and an async extract', async () => {
    expect(ruleBasedExtractor.name).toBe('rule-based');
    expect(ruleBasedExtractor.version).toBe(EXTRACTOR_VERSION);
    const result = await ruleBasedExtractor.extract({ text: FR_WARNING, publishedAt: '2024-05-15' });
    expect(result.language).toBe('fr');
  });

  it('rejects bad input through the promise', async () => {
    await expect(ruleBasedExtractor.extract({ text: '   ' })).rejects.toMatchObject({ code: 'EMPTY_TEXT' });
  });

  it('is deterministic', () => {
    const a = extractDocument({ text: EN_CASE, publishedAt: '2023-06-10' });
    const b = extractDocument({ text: EN_CASE, publishedAt: '2023-06-10' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('a French warning', () => {
  const result = extractDocument({ text: FR_WARNING, publishedAt: '2024-05-15' });
  const mss = entityId('Agency', 'Ministry of State Security (China)');
  const foreign = entityId('Agency', 'Foreign intelligence agencies (unspecified)');

  it('is well formed', () => expectWellFormed(FR_WARNING, result));

  it('finds the five entity types', () => {
    expect(new Set(result.entities.map((e) => e.type))).toEqual(new Set(['Agency', 'Tactic', 'TargetGroup', 'Event']));
    expect(entity(result, 'Staged chance encounters').type).toBe('Tactic');
    expect(entity(result, 'Fake profiles on professional networking sites').type).toBe('Tactic');
    expect(entity(result, 'Blackmail (kompromat)').type).toBe('Tactic');
    expect(entity(result, 'Chinese students abroad').type).toBe('TargetGroup');
    expect(entity(result, 'Global Times').type).toBe('Agency');
  });

  it('dates the warning from the weekday and publication date', () => {
    const warning = result.entities.find((e) => e.type === 'Event')!;
    expect(warning.date).toBe('2024-05-14');
    expect(warning.datePrecision).toBe('DAY');
    expect(warning.mentions[0]!.text).toBe('a publié mardi un avertissement');
  });

  it('links issuer, warning, actor, tactics and targets', () => {
    const warning = result.entities.find((e) => e.type === 'Event')!;
    const students = entityId('TargetGroup', 'Chinese students abroad');
    const encounters = entityId('Tactic', 'Staged chance encounters');
    expect(hasRelation(result, 'ISSUED', mss, warning.id)).toBe(true);
    expect(hasRelation(result, 'WARNS', mss, students)).toBe(true);
    expect(hasRelation(result, 'USES', foreign, encounters)).toBe(true);
    expect(hasRelation(result, 'TARGETS', encounters, students)).toBe(true);
    expect(hasRelation(result, 'REPORTED_BY', warning.id, entityId('Agency', 'Global Times'))).toBe(true);
  });

  it('gives every relation its sentence as evidence', () => {
    for (const r of result.relations) expect(r.evidence.length).toBeGreaterThan(0);
  });
});

describe('an English arrest', () => {
  const result = extractDocument({ text: EN_CASE, publishedAt: '2023-06-10' });

  it('is well formed and English', () => {
    expectWellFormed(EN_CASE, result);
    expect(result.language).toBe('en');
  });

  it('dates the arrest to the Thursday before publication', () => {
    const arrest = result.entities.find((e) => e.type === 'Event' && e.name.startsWith('Arrest'))!;
    expect(arrest.date).toBe('2023-06-08');
    expect(arrest.mentions[0]!.text).toBe('was arrested in Denver on Thursday');
  });

  it('finds the agencies, with the FBI under its canonical name', () => {
    expect(entity(result, 'US Department of Justice').type).toBe('Agency');
    expect(entity(result, 'Federal Bureau of Investigation (FBI)').mentions.map((m) => m.text)).toEqual(['Federal Bureau of Investigation', 'FBI']);
    expect(entity(result, 'Chinese intelligence services (unspecified)').generic).toBe(true);
  });

  it('attributes the tactics to the Chinese services and aims them at defense contractors', () => {
    const chinese = entityId('Agency', 'Chinese intelligence services (unspecified)');
    const honey = entityId('Tactic', 'Honey trap (romantic seduction)');
    expect(hasRelation(result, 'USES', chinese, honey)).toBe(true);
    expect(hasRelation(result, 'TARGETS', honey, entityId('TargetGroup', 'Defense contractors'))).toBe(true);
  });
});

describe('laws', () => {
  const text = [
    "Les législateurs chinois ont adopté mardi la loi révisée contre l'espionnage.",
    'Le texte entrera en vigueur le 1er juillet 2023, et les organes de sécurité nationale seront chargés de son application.',
    "Cette loi élargit la définition de l'espionnage.",
  ].join(' ');
  const result = extractDocument({ text, language: 'fr', publishedAt: '2023-04-27' });
  const law = entityId('Law', 'Counter-Espionage Law of the PRC (2023 revision)');
  const npcsc = entityId('Agency', "Standing Committee of the National People's Congress");

  it('dates the law by its entry into force', () => {
    expectWellFormed(text, result);
    const l = result.entities.find((e) => e.id === law)!;
    expect(l.date).toBe('2023-07-01');
    expect(l.mentions.map((m) => m.text)).toContain('Cette loi');
  });

  it('has the legislature enact it and the security authorities enforce it', () => {
    expect(hasRelation(result, 'ENACTED', npcsc, law)).toBe(true);
    expect(hasRelation(result, 'ENFORCES', entityId('Agency', 'State security authorities (China)'), law)).toBe(true);
  });

  it('finds the adoption and entry-into-force events, which involve the law', () => {
    const events = result.entities.filter((e) => e.type === 'Event');
    const adoption = events.find((e) => e.name.includes('adoption'))!;
    const inForce = events.find((e) => e.name.includes('enters into force'))!;
    expect(adoption.date).toBe('2023-04-25');
    expect(inForce.date).toBe('2023-07-01');
    expect(hasRelation(result, 'INVOLVES', adoption.id, law)).toBe(true);
    expect(hasRelation(result, 'INVOLVES', inForce.id, law)).toBe(true);
  });
});

describe('unsupported languages', () => {
  it('reports the language, warns, and still applies language-neutral rules', () => {
    const text = 'Der Verfassungsschutz BfV warnt vor Spionage durch den MSS und vor gefälschten Profilen in sozialen Netzwerken.';
    const result = extractDocument({ text });
    expect(result.language).toBe('de');
    expect(result.warnings?.[0]).toMatch(/not supported/);
    const names = result.entities.map((e) => e.name);
    expect(names).toContain('Ministry of State Security (China)');
    expect(names).toContain('Federal Office for the Protection of the Constitution (BfV)');
  });
});

describe('genre rules', () => {
  it('credits joint authors of an advisory and keeps singular persons out of target groups', () => {
    const text = 'The Cybersecurity and Infrastructure Security Agency, the NSA and the FBI issued a joint advisory on Tuesday. A Chinese student was questioned; Chinese students abroad were warned.';
    const result = extractDocument({ text, language: 'en', publishedAt: '2024-02-08' });
    expectWellFormed(text, result);
    const advisory = result.entities.find((e) => e.type === 'Event')!;
    for (const name of ['Cybersecurity and Infrastructure Security Agency (CISA)', 'National Security Agency (NSA)', 'Federal Bureau of Investigation (FBI)']) {
      expect(hasRelation(result, 'ISSUED', entity(result, name).id, advisory.id)).toBe(true);
    }
    const students = entity(result, 'Chinese students abroad');
    expect(students.mentions.map((m) => m.text)).toEqual(['Chinese students abroad']);
    expect(result.entities.some((e) => e.mentions.some((m) => m.text === 'Chinese student'))).toBe(false);
  });

  it('does not read a dateline as the government', () => {
    const text = 'WASHINGTON (Reuters) - The FBI warned universities on Monday. Washington has protested to Beijing.';
    const result = extractDocument({ text, language: 'en', publishedAt: '2024-02-08' });
    const us = entity(result, 'Government of the United States');
    expect(us.mentions.map((m) => m.text)).toEqual(['Washington']);
  });

  it('attributes methods to the hostile service, not to the service that warns', () => {
    const text = "La DGSI met en garde les chercheurs : les services secrets chinois utilisent de faux profils et des offres d'emploi fictives.";
    const result = extractDocument({ text, language: 'fr' });
    const fake = entityId('Tactic', 'Fake profiles on professional networking sites');
    expect(hasRelation(result, 'USES', entityId('Agency', 'Chinese intelligence services (unspecified)'), fake)).toBe(true);
    expect(hasRelation(result, 'USES', entityId('Agency', 'General Directorate for Internal Security (DGSI)'), fake)).toBe(false);
    expect(hasRelation(result, 'WARNS', entityId('Agency', 'General Directorate for Internal Security (DGSI)'), entityId('TargetGroup', 'Researchers and scientists'))).toBe(true);
  });

  it('has prosecutors report an arrest that the police made', () => {
    const text = 'Two men were arrested by officers of the Federal Criminal Police Office on Monday, the federal prosecutor said in Karlsruhe. Germany is investigating.';
    const result = extractDocument({ text, language: 'en', publishedAt: '2024-04-23' });
    const arrest = result.entities.find((e) => e.type === 'Event')!;
    expect(arrest.date).toBe('2024-04-22');
    expect(hasRelation(result, 'REPORTED_BY', arrest.id, entityId('Agency', 'Federal Public Prosecutor General (Germany)'))).toBe(true);
    expect(hasRelation(result, 'INVOLVES', arrest.id, entityId('Agency', 'Federal Criminal Police Office (BKA)'))).toBe(true);
  });
});
