/**
 * Sentence segmentation over tokens. Intl.Segmenter splits after "M.", "Mr." and "Dr.", so
 * we segment ourselves: a sentence ends at . ! ? … followed by a capital, digit or quote,
 * unless the word before the full stop is a known abbreviation (grammar data) or a single
 * letter (initials, U.S.); a line break always ends a sentence (titles, paragraphs).
 */
import type { Token } from './tokenize.js';
import type { Span } from '../../domain/entities.js';

export interface Sentence extends Span {
  index: number;
  /** Index of the first token and one past the last token. */
  firstToken: number;
  endToken: number;
}

const TERMINATORS = new Set(['.', '!', '?', '…']);
/**
 * Sentences longer than this are cut (at a comma or semicolon when one is near): every later
 * step pairs things within a sentence, so this window is what keeps the cost linear on
 * pathological input (one huge sentence without punctuation).
 */
export const MAX_SENTENCE_TOKENS = 150;
const SOFT_BREAKS = new Set([',', ';', ':']);
const CLOSERS = new Set(['"', ')', ']', "'"]);

/** Closing quotes that may stand after a space (French typography: « ... »). */
const SPACED_CLOSERS = new Set(['»', '”']);

export function segmentSentences(tokens: readonly Token[], abbreviations: ReadonlySet<string>, text?: string): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  const close = (endToken: number) => {
    while (endToken - first > MAX_SENTENCE_TOKENS) {
      let cut = first + MAX_SENTENCE_TOKENS;
      for (let k = cut - 1; k > first + MAX_SENTENCE_TOKENS / 2; k--) if (SOFT_BREAKS.has(tokens[k]!.norm)) { cut = k + 1; break; }
      closeOne(cut);
    }
    closeOne(endToken);
  };
  const closeOne = (endToken: number) => {
    if (endToken <= first) return;
    const a = tokens[first]!;
    const b = tokens[endToken - 1]!;
    sentences.push({ index: sentences.length, start: a.start, end: b.end, firstToken: first, endToken });
    first = endToken;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i > first && t.afterNewline) {
      close(i);
    }
    if (t.kind !== 'punct' || !TERMINATORS.has(t.norm)) continue;
    // Swallow closing quotes/brackets and repeated terminators.
    let end = i + 1;
    while (
      end < tokens.length &&
      !tokens[end]!.afterNewline &&
      ((!tokens[end]!.afterSpace && (CLOSERS.has(tokens[end]!.norm) || TERMINATORS.has(tokens[end]!.norm))) ||
        (text !== undefined && SPACED_CLOSERS.has(text[tokens[end]!.start]!)))
    )
      end++;
    const next = tokens[end];
    if (!next) continue;
    if (next.afterNewline) continue; // the newline rule closes it
    if (!next.afterSpace) continue; // "4.000", "U.S." inner dots, "example.com"
    const startsSentence = next.capitalized || next.kind === 'number' || next.norm === '"' || next.norm === '«' || next.norm === '(';
    if (!startsSentence) continue;
    if (t.norm === '.') {
      const prev = tokens[i - 1];
      if (prev && prev.end === t.start && prev.kind === 'word') {
        if (abbreviations.has(prev.norm)) continue;
        if (prev.norm.length === 1 && prev.capitalized) continue; // initials: "Herwig F.", "U.S."
      }
    }
    close(end);
    i = end - 1;
  }
  close(tokens.length);
  return sentences;
}
