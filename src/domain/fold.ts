/**
 * The one folding rule (ontology: "Identity"): case, accents, typographic apostrophes
 * (’ ‘ ʼ ` ´ all become '), quotes (« » “ ” „ ‟ all become ") and non-breaking spaces are
 * folded. `foldChar` is the rule; every other function here is a named form derived from it:
 * - `foldText`, same length as its input, so offsets found in it point into the raw text
 *   (lexicon matching);
 * - `foldName`, the folded text of a name or query (search);
 * - `matchKey`, the key two names must share to be the same name across documents;
 * - `slugify`, the id part derived from a canonical key (ids.ts).
 */

const APOSTROPHES = /['’ʼ`´‘]/;
const ALL_APOSTROPHES = /['’ʼ`´‘]/g;
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

/** Every typographic apostrophe as `'`, nothing else changed. */
export function foldApostrophes(text: string): string {
  return text.replace(ALL_APOSTROPHES, "'");
}

/**
 * A name or query folded: composed first so that an accent typed as a combining mark folds
 * like a precomposed one, then `foldText`, then marks left over (on letters with no
 * precomposed form) dropped.
 */
export function foldName(text: string): string {
  return foldText(text.normalize('NFC')).replace(/\p{M}+/gu, '');
}

/**
 * The key two names must share to be the same name across documents: the folded name with
 * quotes dropped and runs of spaces collapsed. Stored on entities as `matchKeys` (one per name
 * and alias).
 */
export function matchKey(name: string): string {
  return foldName(name).replace(/"/g, '').replace(/\s+/g, ' ').trim();
}

/** The id part of a canonical key: the folded key, apostrophes dropped, every other run of non-alphanumerics a `-`. */
export function slugify(key: string): string {
  return foldName(key)
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
