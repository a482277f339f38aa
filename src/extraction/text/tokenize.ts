/**
 * Tokenisation that keeps offsets into the raw text. Words are runs of letters, digits and
 * inner hyphens; French elisions (l'espionnage, d'État, qu'il) split after the apostrophe so
 * "d'" and "État" are separate tokens; an English possessive "'s" is its own token; every
 * other non-space character is a one-character punctuation token.
 */
import { foldChar, foldText, foldKeepCase, stemKey } from '../../domain/fold.js';

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  start: number;
  end: number;
  kind: TokenKind;
  /** Folded form: lower case, accents removed, one apostrophe and one quote character. */
  norm: string;
  /** `norm` with light plural folding: the key lexicon patterns are indexed by. */
  key: string;
  /** Accents folded but case kept, for acronyms that must match in capitals. */
  cased: string;
  /** First letter is upper case (raw text). */
  capitalized: boolean;
  /** A newline lies between this token and the previous one. */
  afterNewline: boolean;
  /** Whitespace lies between this token and the previous one. */
  afterSpace: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const UPPER = /\p{Lu}/u;

export interface TokenizerOptions {
  /** Folded elided forms that end with an apostrophe, e.g. "l'", "d'", "qu'". */
  elisions: ReadonlySet<string>;
}

function makeToken(text: string, folded: string, start: number, end: number, kind: TokenKind, afterSpace: boolean, afterNewline: boolean): Token {
  const norm = folded.slice(start, end);
  const first = text[start]!;
  return {
    start,
    end,
    kind,
    norm,
    key: kind === 'word' ? stemKey(norm) : norm,
    cased: foldKeepCase(text.slice(start, end)),
    capitalized: UPPER.test(first),
    afterNewline,
    afterSpace,
  };
}

/** Tokenises `text`; `folded` may be passed when the caller already has `foldText(text)`. */
export function tokenize(text: string, options: TokenizerOptions, folded = foldText(text)): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let sawSpace = true;
  let sawNewline = true;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      sawSpace = true;
      if (ch === '\n' || ch === '\r') sawNewline = true;
      i++;
      continue;
    }
    if (!WORD_CHAR.test(ch)) {
      tokens.push(makeToken(text, folded, i, i + 1, 'punct', sawSpace, sawNewline));
      sawSpace = sawNewline = false;
      i++;
      continue;
    }
    // A word: letters/digits, with inner hyphens, dots between digits (4.000) and apostrophes.
    let j = i + 1;
    while (j < n) {
      const c = text[j]!;
      if (WORD_CHAR.test(c)) { j++; continue; }
      const next = text[j + 1];
      if ((c === '-' || c === '‑') && next !== undefined && WORD_CHAR.test(next)) { j += 2; continue; }
      if ((c === '.' || c === ',') && /\d/.test(text[j - 1]!) && next !== undefined && /\d/.test(next)) { j += 2; continue; }
      if (foldChar(c) === "'" && next !== undefined && WORD_CHAR.test(next)) {
        const head = folded.slice(i, j + 1);
        if (options.elisions.has(head)) break; // split after the apostrophe below
        const rest = /^[\p{L}]+/u.exec(text.slice(j + 1, j + 4))?.[0] ?? '';
        if (rest.toLowerCase() === 's' && !WORD_CHAR.test(text[j + 2] ?? ' ')) break; // possessive
        j += 2;
        continue;
      }
      break;
    }
    // Elision: "l'" / "d'" ends at the apostrophe.
    if (j < n && foldChar(text[j]!) === "'" && options.elisions.has(folded.slice(i, j + 1)) && WORD_CHAR.test(text[j + 1] ?? ' ')) {
      tokens.push(makeToken(text, folded, i, j + 1, 'word', sawSpace, sawNewline));
      sawSpace = sawNewline = false;
      i = j + 1;
      continue;
    }
    const kind: TokenKind = /^[\d.,]+$/.test(text.slice(i, j)) ? 'number' : 'word';
    tokens.push(makeToken(text, folded, i, j, kind, sawSpace, sawNewline));
    sawSpace = sawNewline = false;
    // Possessive 's as its own token.
    if (j < n && foldChar(text[j]!) === "'" && /[sS]/.test(text[j + 1] ?? '') && !WORD_CHAR.test(text[j + 2] ?? ' ')) {
      tokens.push(makeToken(text, folded, j, j + 2, 'word', false, false));
      j += 2;
    }
    i = j;
  }
  return tokens;
}
