/**
 * Matching folds case, accents, typographic apostrophes, quotes and non-breaking spaces
 * (ontology: "Identity"). Folding here works code unit by code unit so that a folded
 * string has exactly the length of the raw one: offsets found in it point into the raw text.
 */

const APOSTROPHES = /['’ʼ`´‘]/;
const QUOTES = /[«»“”„‟"]/;
const SPACES = /[\u00a0\u2000-\u200b\u202f\u205f\u3000]/;

const cache = new Map<string, string>();

/** Folds one UTF-16 code unit to exactly one code unit. */
export function foldChar(ch: string): string {
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  let out: string;
  if (APOSTROPHES.test(ch)) out = "'";
  else if (QUOTES.test(ch)) out = '"';
  else if (SPACES.test(ch)) out = ' ';
  else if (ch === 'œ' || ch === 'Œ') out = 'œ';
  else {
    const plain = ch.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
    out = plain.length === 1 ? plain : ch.length === 1 ? ch.toLowerCase().slice(0, 1) || ch : ch;
    if (out.length !== 1) out = ch;
  }
  if (cache.size < 4096) cache.set(ch, out);
  return out;
}

/** Same-length folded copy of `text` (lower case, no accents, one apostrophe, one quote). */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]!);
  return out;
}

/** Folds accents and apostrophes but keeps case: used for case-sensitive acronyms. */
export function foldKeepCase(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const folded = foldChar(ch);
    out += ch !== ch.toLowerCase() ? folded.toUpperCase() : folded;
  }
  return out;
}

/** Light plural folding so lexicon words match singular and plural forms (agency/agencies, service/services). */
export function stemKey(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && (word.endsWith('s') || word.endsWith('x')) && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
