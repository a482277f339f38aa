import { describe, expect, it } from 'vitest';
import { entityTypeOfId } from '../../src/domain/ids.js';
import { expectedEntityCount, generateCorpus, generateDocument } from '../../bench/corpus/generate.js';
import { coinedWord } from '../../bench/corpus/vocabulary.js';

describe('synthetic corpus', () => {
  it('gives the same document for the same seed and index, whatever else is generated', () => {
    const alone = generateDocument({ seed: 7, documents: 500 }, 123);
    const inSequence = [...generateCorpus({ seed: 7, documents: 500 }, 120, 125)][3]!;
    expect(inSequence).toEqual(alone);
    expect(generateDocument({ seed: 8, documents: 500 }, 123).input.text).not.toBe(alone.input.text);
  });

  it('writes French and English documents', () => {
    const languages = new Set([...generateCorpus({ seed: 1, documents: 40 })].map((doc) => doc.input.language));
    expect(languages).toEqual(new Set(['fr', 'en']));
  });

  it('records every mention and evidence span at its exact offsets in the text', () => {
    for (const doc of generateCorpus({ seed: 3, documents: 60 })) {
      const text = doc.input.text;
      const ids = new Set(doc.truth.entities.map((entity) => entity.id));
      for (const entity of doc.truth.entities) {
        expect(entityTypeOfId(entity.id)).toBe(entity.type);
        for (const mention of entity.mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
      }
      for (const relation of doc.truth.relations) {
        expect(ids.has(relation.source) && ids.has(relation.target)).toBe(true);
        for (const span of relation.evidence) {
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.end).toBeLessThanOrEqual(text.length);
          // The evidence sentence names both ends of the relation.
          const sentence = { start: span.start, end: span.end };
          const inside = (id: string) =>
            doc.truth.entities
              .find((entity) => entity.id === id)!
              .mentions.some((m) => m.start >= sentence.start && m.end <= sentence.end);
          expect(inside(relation.source) && inside(relation.target)).toBe(true);
        }
      }
    }
  });

  it('grows to about ten distinct entities per document', () => {
    const documents = 300;
    const ids = new Set<string>();
    for (const doc of generateCorpus({ seed: 11, documents })) for (const entity of doc.truth.entities) ids.add(entity.id);
    expect(ids.size).toBeGreaterThan(expectedEntityCount(documents) * 0.98);
    expect(ids.size).toBeLessThanOrEqual(expectedEntityCount(documents));
    expect(expectedEntityCount(100_000)).toBeGreaterThan(1_000_000);
  });

  it('coins distinct words for distinct indices', () => {
    const words = new Set(Array.from({ length: 20_000 }, (_, i) => coinedWord(i)));
    expect(words.size).toBe(20_000);
    expect(() => coinedWord(512_000)).toThrow(RangeError);
  });
});
