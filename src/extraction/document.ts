/**
 * The analysed document every extraction step reads: raw text, tokens, sentences, language,
 * publication date and the folded words that establish context.
 */
import type { GrammarData } from './grammar/index.js';
import { GRAMMARS } from './grammar/index.js';
import { detectLanguage } from './text/language.js';
import { segmentSentences, type Sentence } from './text/segment.js';
import { tokenize, type Token } from './text/tokenize.js';
import { findDates, type DateMention, type PublicationDate } from './dates.js';

export interface AnalysedDocument {
  text: string;
  language: string;
  /** The grammar of the detected language, or null for an unsupported one. */
  grammar: GrammarData | null;
  tokens: Token[];
  sentences: Sentence[];
  /** Sentence index of each token. */
  sentenceOfToken: Int32Array;
  publication: PublicationDate | null;
  /** Folded word forms present in the document (for lexicon context conditions). */
  words: Set<string>;
  /** Date expressions per sentence. */
  datesBySentence: DateMention[][];
}

const ALL_ELISIONS = new Set(GRAMMARS.flatMap((g) => g.elisions));
const ALL_ABBREVIATIONS = new Set(GRAMMARS.flatMap((g) => g.abbreviations));

export function analyseDocument(text: string, forcedLanguage: string | undefined, publication: PublicationDate | null): AnalysedDocument {
  const detected = forcedLanguage ? null : detectLanguage(text);
  const language = forcedLanguage ?? detected!.code;
  const grammar = GRAMMARS.find((g) => g.language === language) ?? null;
  // Elisions and abbreviations of every supported language: harmless elsewhere, and mixed texts exist.
  const tokens = tokenize(text, { elisions: ALL_ELISIONS });
  const sentences = segmentSentences(tokens, ALL_ABBREVIATIONS, text);
  const sentenceOfToken = new Int32Array(tokens.length);
  for (const s of sentences) sentenceOfToken.fill(s.index, s.firstToken, s.endToken);
  const words = new Set<string>();
  for (const t of tokens) if (t.kind === 'word') words.add(t.norm);
  const datesBySentence = sentences.map((s) => findDates(tokens, s.firstToken, s.endToken, publication));
  return { text, language, grammar, tokens, sentences, sentenceOfToken, publication, words, datesBySentence };
}
