import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extraction/index.js';
import { entityId } from '../../src/domain/ids.js';
import { byName, entity, expectWellFormed } from './helpers.js';

const MSS = entityId('Agency', 'Ministry of State Security (China)');

describe('canonical ids across languages and spellings', () => {
  const forms: [string, string][] = [
    ['fr', "Hier, le ministère chinois de la Sécurité d'État a diffusé une note."],
    ['fr', 'Hier, le ministere chinois de la securite d’Etat a diffusé une note.'],
    ['en', "On Monday China's Ministry of State Security posted a notice."],
    ['en', 'The MSS posted a notice on Monday.'],
    ['fr', 'Le MSS a diffusé une note lundi.'],
  ];
  for (const [language, text] of forms) {
    it(`"${text}" names the MSS`, () => {
      const result = extractDocument({ text, language });
      expectWellFormed(text, result);
      expect(result.entities.some((e) => e.id === MSS)).toBe(true);
    });
  }

  it('keeps the Ministry of Public Security apart from the Ministry of State Security', () => {
    const text = 'The Ministry of State Security and the Ministry of Public Security issued separate statements.';
    const result = extractDocument({ text, language: 'en' });
    const ids = result.entities.filter((e) => e.type === 'Agency').map((e) => e.id);
    expect(ids).toContain(MSS);
    expect(ids).toContain(entityId('Agency', 'Ministry of Public Security (China)'));
  });

  it('does not read MI5 into a law whose name holds "Security Services", and ties "the service" to the named one', () => {
    const text =
      'The Dutch General Intelligence and Security Service (AIVD) said on Monday that foreign officers court engineers. ' +
      'According to the service, a suspect was charged under the Intelligence and Security Services Act.';
    const result = extractDocument({ text, language: 'en', publishedAt: '2025-03-14' });
    expectWellFormed(text, result);
    expect(byName(result, 'MI5 (Security Service, UK)')).toBeUndefined();
    const aivd = entity(result, 'General Intelligence and Security Service (AIVD)');
    expect(aivd.mentions.map((m) => m.text)).toContain('the service');
  });

  it('keeps Chinese and French diplomatic missions apart', () => {
    const text = 'Il faut prévenir les missions diplomatiques chinoises, pas les missions diplomatiques françaises.';
    const result = extractDocument({ text, language: 'fr' });
    const chinese = entity(result, 'Chinese diplomatic missions abroad');
    const french = entity(result, 'French diplomatic missions abroad');
    expect(chinese.id).not.toBe(french.id);
  });

  it('records surface forms as aliases but never anaphora', () => {
    const text = "Le ministère chinois de la Sécurité d'État a publié lundi un article. Le ministère rappelle que la vigilance s'impose.";
    const result = extractDocument({ text, language: 'fr', publishedAt: '2024-03-06' });
    const mss = entity(result, 'Ministry of State Security (China)');
    expect(mss.aliases).toEqual(["ministère chinois de la Sécurité d'État"]);
    expect(mss.mentions.map((m) => m.text)).toContain('Le ministère');
  });

  it('drops an anaphor whose entity is never named', () => {
    const result = extractDocument({ text: 'Le ministère a publié un communiqué sur la météo.', language: 'fr' });
    expect(result.entities.filter((e) => e.type === 'Agency')).toEqual([]);
  });

  it('resolves a generic description followed by an acronym to the named service', () => {
    const text = 'Selon le parquet fédéral allemand, il travaillait pour les services secrets chinois (MSS). Les services secrets chinois démentent.';
    const result = extractDocument({ text, language: 'fr' });
    const mss = result.entities.find((e) => e.id === MSS);
    expect(mss?.mentions.map((m) => m.text)).toEqual(['services secrets chinois (MSS)', 'services secrets chinois']);
    expect(byName(result, 'Chinese intelligence services (unspecified)')).toBeUndefined();
  });

  it('marks the unnamed foreign services as generic', () => {
    const text = 'Foreign spies are targeting students, the agency said.';
    const result = extractDocument({ text, language: 'en' });
    expect(entity(result, 'Foreign intelligence agencies (unspecified)').generic).toBe(true);
  });

  it('names an agency defined by an acronym that is not in the lexicon, and its later uses', () => {
    const text = 'Officers of the Regional Counter Intelligence Office (RCIO) searched the flat. The RCIO declined to comment.';
    const result = extractDocument({ text, language: 'en' });
    const rcio = entity(result, 'Regional Counter Intelligence Office (RCIO)');
    expect(rcio.mentions.map((m) => m.text)).toEqual(['Regional Counter Intelligence Office', 'RCIO', 'RCIO']);
  });

  it('makes a place in front of a known agency one of its units', () => {
    const text = 'He met an officer of the Zhejiang Province Ministry of State Security, prosecutors said. The Ministry of State Security did not answer.';
    const result = extractDocument({ text, language: 'en' });
    const unit = entity(result, 'Zhejiang Province Ministry of State Security');
    expect(result.relations.some((r) => r.type === 'PART_OF' && r.source === unit.id && r.target === MSS)).toBe(true);
  });
});
