import { extractDocument } from '../../src/extraction/index.js';
import { generateCorpus, type CorpusOptions } from '../corpus/generate.js';
import { summarize, type Summary } from '../stats.js';

export interface ExtractionFigures {
  documents: number;
  words: number;
  runs: number;
  /** Words per second on one core, over the runs. */
  wordsPerSecond: Summary;
  /** Milliseconds per document, over every document of every run. */
  msPerDocument: Summary;
  /** How much of the generator's truth the extractor found: entities and relations (by id). */
  recall: { entities: number; relations: number };
}

/**
 * Extraction alone (no I/O) on generated documents, in this process: one core. A warm-up pass
 * first (JIT, lexicon build), then `runs` timed passes over the same documents.
 */
export function runExtractionScenario(corpus: CorpusOptions, options: { documents: number; runs: number }): ExtractionFigures {
  const docs = [...generateCorpus(corpus, 0, Math.min(options.documents, corpus.documents))];
  const words = docs.reduce((total, doc) => total + doc.words, 0);
  const inputs = docs.map((doc) => ({ text: doc.input.text, publishedAt: doc.input.publishedAt }));

  let foundEntities = 0;
  let foundRelations = 0;
  let trueEntities = 0;
  let trueRelations = 0;
  for (const [i, input] of inputs.entries()) {
    const result = extractDocument(input);
    const truth = docs[i]!.truth;
    const ids = new Set(result.entities.map((entity) => entity.id));
    const relations = new Set(result.relations.map((r) => `${r.type}|${r.source}|${r.target}`));
    trueEntities += truth.entities.length;
    trueRelations += truth.relations.length;
    foundEntities += truth.entities.filter((entity) => ids.has(entity.id)).length;
    foundRelations += truth.relations.filter((r) => relations.has(`${r.type}|${r.source}|${r.target}`)).length;
  }

  const rates: number[] = [];
  const perDocument: number[] = [];
  for (let run = 0; run < options.runs; run += 1) {
    const started = performance.now();
    for (const input of inputs) {
      const t = performance.now();
      extractDocument(input);
      perDocument.push(performance.now() - t);
    }
    rates.push(words / ((performance.now() - started) / 1000));
  }
  return {
    documents: docs.length,
    words,
    runs: options.runs,
    wordsPerSecond: summarize(rates),
    msPerDocument: summarize(perDocument),
    recall: {
      entities: trueEntities ? foundEntities / trueEntities : 0,
      relations: trueRelations ? foundRelations / trueRelations : 0,
    },
  };
}
