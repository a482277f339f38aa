/**
 * Language detection. Stop-word counts decide clear cases cheaply (and short texts, where
 * n-gram statistics are unreliable); franc-min restricted to the supported languages
 * decides the rest, and an unrestricted franc run reports other languages as such.
 */
import { franc } from 'franc-min';
import { GRAMMARS, type GrammarData } from '../grammar/index.js';

/** ISO 639-3 -> 639-1 for the languages franc-min most often reports. */
const ISO1: Record<string, string> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', cmn: 'zh', rus: 'ru', arb: 'ar',
  jpn: 'ja', kor: 'ko', pol: 'pl', swe: 'sv', tur: 'tr', ukr: 'uk', vie: 'vi', ind: 'id', hin: 'hi', ron: 'ro',
};

const STOPWORDS = GRAMMARS.map((g) => ({ grammar: g, words: new Set(g.stopwords) }));
const SAMPLE_CHARS = 4_000;

export interface DetectedLanguage {
  /** ISO 639-1 code, or `und`. */
  code: string;
  supported: boolean;
  grammar: GrammarData | null;
}

export function detectLanguage(text: string): DetectedLanguage {
  const sample = text.slice(0, SAMPLE_CHARS);
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  const counts = STOPWORDS.map(({ grammar, words: stop }) => ({ grammar, n: words.reduce((s, w) => s + (stop.has(w) ? 1 : 0), 0) }));
  counts.sort((a, b) => b.n - a.n);
  const best = counts[0];
  const second = counts[1];
  const ratio = best ? best.n / Math.max(1, words.length) : 0;
  // Clear stop-word evidence: at least 15% of the words, and twice the runner-up.
  if (best && best.n >= 3 && ratio >= 0.15 && best.n >= 2 * (second?.n ?? 0)) return found(best.grammar);
  const any = franc(sample, { minLength: 10 });
  if (any !== 'und' && !GRAMMARS.some((g) => g.franc === any) && words.length >= 8) {
    return { code: ISO1[any] ?? 'und', supported: false, grammar: null };
  }
  const restricted = franc(sample, { only: GRAMMARS.map((g) => g.franc), minLength: 3 });
  const grammar = GRAMMARS.find((g) => g.franc === restricted);
  if (grammar) return found(grammar);
  if (best && best.n > 0 && best.n > (second?.n ?? 0)) return found(best.grammar);
  return { code: 'und', supported: false, grammar: null };
}

function found(grammar: GrammarData): DetectedLanguage {
  return { code: grammar.language, supported: true, grammar };
}
