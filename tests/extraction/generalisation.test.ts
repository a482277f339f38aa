/**
 * The generalising machinery on short texts written for these tests (paraphrases of each
 * phenomenon, never copies of evaluation articles).
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extraction/index.js';
import { byName, entity, expectWellFormed } from './helpers.js';

const types = (text: string, language: 'fr' | 'en', type: string) =>
  extractDocument({ text, language, publishedAt: '2025-03-14' }).entities.filter((e) => e.type === type);

describe('institutions named by their function', () => {
  it('gives a nationality-qualified police force its country, and the bare "la police" the same entity', () => {
    const text = 'La police finlandaise a interpellé un homme à Turku. Selon la police, il photographiait une base navale.';
    const result = extractDocument({ text, language: 'fr', publishedAt: '2025-03-14' });
    expectWellFormed(text, result);
    const police = entity(result, 'Police (Finland)');
    expect(police.mentions.map((m) => m.text)).toEqual(['La police finlandaise', 'la police']);
    expect(police.aliases).toEqual(['La police finlandaise']);
  });

  it('reads a bare "prosecutors" as those of the country the story is set in', () => {
    const text = 'In Latvia, prosecutors charged a Riga resident with spying. Latvian officials said the man had photographed a port.';
    expect(byName(extractDocument({ text, language: 'en' }), 'Prosecutors (Latvia)')).toBeDefined();
  });

  it('links "the ministry" to the single ministry the story names, and makes nothing of it otherwise', () => {
    const named = extractDocument({ text: 'The Japanese Ministry of Defense confirmed the breach. The ministry said no data was lost.', language: 'en' });
    expect(named.entities.filter((e) => e.type === 'Agency' && e.mentions.some((m) => m.text === 'The ministry'))).toHaveLength(1);
    const unnamed = extractDocument({ text: 'The ministry said no data was lost.', language: 'en' });
    expect(unnamed.entities.filter((e) => e.type === 'Agency')).toEqual([]);
  });

  it('names a court by its place', () => {
    const text = 'Le tribunal régional de Tartu a condamné jeudi un ancien douanier à six ans de prison.';
    expect(byName(extractDocument({ text, language: 'fr', publishedAt: '2025-03-14' }), 'Court (Tartu)')).toBeDefined();
  });
});

describe('gazetteer', () => {
  it('knows news agencies and outlets that report, and introduces unknown ones by what they are', () => {
    const text = "Selon l'agence de presse Zorbo, le service a été alerté. Zorbo précise que l'enquête continue, a rapporté EFE.";
    const result = extractDocument({ text, language: 'fr' });
    expect(byName(result, 'Zorbo')?.mentions.map((m) => m.text)).toEqual(["l'agence de presse Zorbo", 'Zorbo']);
    expect(byName(result, 'EFE')).toBeDefined();
  });

  it('never takes a lower-case common phrase for a newspaper of the same name', () => {
    const text = 'Les espions recrutent partout dans le monde, et le point commun de ces affaires est le temps long.';
    const agencies = types(text, 'fr', 'Agency').map((e) => e.name);
    expect(agencies).not.toContain('Le Monde');
    expect(agencies).not.toContain('Le Point');
    expect(agencies).not.toContain('Le Temps (Switzerland)');
  });

  it('lets an acronym the document defines override the lexicon reading of it', () => {
    const text = 'The National Counterintelligence and Security Center (NCSC) warned job seekers. The NCSC said fake firms were involved.';
    const result = extractDocument({ text, language: 'en' });
    expect(byName(result, 'National Cyber Security Centre (UK)')).toBeUndefined();
    expect(entity(result, 'National Counterintelligence and Security Center (US)').mentions.map((m) => m.text)).toContain('NCSC');
  });
});

describe('laws', () => {
  it('maps a generic law name to a known law only in that jurisdiction', () => {
    const korean = 'Seoul prosecutors said the men broke the National Security Act by meeting agents in Vietnam. South Korea has long enforced it.';
    expect(byName(extractDocument({ text: korean, language: 'en' }), 'National Security Act (South Korea)')).toBeDefined();
    expect(byName(extractDocument({ text: korean, language: 'en' }), 'National Security Act 2023 (UK)')).toBeUndefined();
  });

  it('finds a capitalised law name by its head word, with an extra adjective inside', () => {
    const text = 'The man was charged under the Protection of Critical Undersea Cables Act, officials in Norway said.';
    expect(types(text, 'en', 'Law').map((e) => e.name)).toContain('Protection of Critical Undersea Cables Act');
  });

  it('takes an offence in legal wording after a verdict, under the jurisdiction of the story', () => {
    const text = 'Au Canada, un ingénieur a été reconnu coupable de fraude informatique.';
    const laws = types(text, 'fr', 'Law');
    expect(laws.map((e) => e.mentions[0]!.text)).toEqual(['fraude informatique']);
    expect(laws[0]!.name).toBe('Canada law: fraude informatique');
  });
});

describe('event frames', () => {
  it.each([
    ['en', 'Police in Oslo detained a consular employee on Monday.', 'arrest'],
    ['en', 'Two engineers were detained by police in Oslo on Monday.', 'arrest'],
    ['fr', 'Deux ingénieurs ont été interpellés lundi à Lyon par la police.', 'arrest'],
    ['fr', 'La police a placé en garde à vue un technicien lundi.', 'arrest'],
    ['en', 'A court in Tartu sentenced a former officer to six years on Thursday.', 'conviction'],
    ['fr', 'Un tribunal estonien a condamné jeudi un ancien officier.', 'conviction'],
    ['en', 'Prosecutors in Munich indicted a translator on Tuesday.', 'charge'],
    ['en', 'The Foreign Office summoned the Russian ambassador on Friday.', 'summons'],
  ] as const)('%s: "%s" is an event of kind %s', (language, text, kind) => {
    const events = types(text, language, 'Event');
    expect(events.length).toBeGreaterThan(0);
    expect(events.map((e) => e.id).join(' ')).toContain(kind);
  });
});

describe('tactics and target groups as compositions', () => {
  it.each([
    ['en', 'The suspects used drones to film a naval base near the harbour.', 'Covert photography and surveillance of sensitive sites'],
    ['en', 'He was paid to photograph the air base at night.', 'Covert photography and surveillance of sensitive sites'],
    ['fr', 'Les agents ont tenté de pirater les serveurs du ministère.', 'Cyber intrusion'],
    ['en', 'The group hacked into several email accounts of officials.', 'Cyber intrusion'],
    ['fr', 'Il a volé des secrets industriels chez son employeur.', 'Theft of research and intellectual property'],
    ['en', 'Facilitators hosted company-issued laptops in their homes.', 'Laptop farms (hosting employer-issued laptops)'],
  ] as const)('%s: "%s" holds the tactic %s', (language, text, name) => {
    expect(types(text, language, 'Tactic').map((e) => e.name)).toContain(name);
  });

  it.each([
    ['en', 'The agency warned Uyghur activists living in Europe.', 'Diaspora communities and dissidents'],
    ['fr', 'Le service met en garde les opposants iraniens réfugiés en Europe.', 'Diaspora communities and dissidents'],
  ] as const)('%s: "%s" addresses the group %s', (language, text, name) => {
    expect(types(text, language, 'TargetGroup').map((e) => e.name)).toContain(name);
  });
});
