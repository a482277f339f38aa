/**
 * PART_OF along a state's hierarchy, on short texts written for these tests: a named service is
 * part of its country's intelligence services as a whole, and its ministries are part of its
 * government; bodies of different countries are never linked.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extraction/index.js';

const partOf = (text: string, language: 'fr' | 'en') => {
  const result = extractDocument({ text, language, publishedAt: '2025-03-14' });
  const byId = new Map(result.entities.map((e) => [e.id, e]));
  return result.relations.filter((r) => r.type === 'PART_OF').map((r) => `${byId.get(r.source)?.name} -> ${byId.get(r.target)?.name}`);
};

beforeAll(() => {
  extractDocument({ text: 'Warm-up.', language: 'en' });
}, 60_000);

describe('PART_OF along the state hierarchy', () => {
  it('links a named service to its nation\'s intelligence services', () => {
    const rels = partOf(
      'A lorry driver worked for Turkish secret services for two years. Prosecutors say the National Intelligence Organization paid him. The Turkish government denied it.',
      'en',
    );
    expect(rels.some((r) => /Intelligence Organi[sz]ation.* -> Turkish intelligence services/.test(r))).toBe(true);
    expect(rels.some((r) => r.startsWith('National Intelligence Organization') && r.endsWith('-> Government of Turkey'))).toBe(false);
  });

  it('puts a ministry in its own government, not in another country\'s', () => {
    const rels = partOf('The Foreign Office summoned the envoy of China. The British government and the Chinese government exchanged notes.', 'en');
    expect(rels.filter((r) => r.startsWith('Foreign, Commonwealth and Development Office (UK)'))).toEqual([
      'Foreign, Commonwealth and Development Office (UK) -> Government of the United Kingdom',
    ]);
  });

  it('does not link a named service straight to its government', () => {
    const rels = partOf('Le ministère chinois de la Sécurité d\'État recrute des étudiants. Le gouvernement chinois dément.', 'fr');
    expect(rels.some((r) => r.endsWith('-> Government of China'))).toBe(false);
  });
});
