/**
 * Countries (lexicon/countries.json): their names, nationality adjectives and capitals per
 * language, and the document's country context, the country a story is set in, which a bare
 * "the police" or "le parquet" belongs to.
 */
import countries from './lexicon/countries.json' with { type: 'json' };
import type { AnalysedDocument } from './document.js';
import { GRAMMARS } from './grammar/index.js';
import { PatternSet } from './patterns.js';
import { foldText } from '../domain/fold.js';

interface CountryForms { names: string[]; adjectives: string[]; capitals: string[] }
export interface Country { name: string; forms: Record<string, CountryForms> }

export const COUNTRIES: readonly Country[] = (countries as ({ name: string } & Record<string, CountryForms | string>)[]).map((c) => {
  const forms: Record<string, CountryForms> = {};
  for (const [k, v] of Object.entries(c)) if (k !== 'name' && typeof v === 'object') forms[k] = v;
  return { name: c.name, forms };
});

/** "United Kingdom" -> "the United Kingdom": how a country reads after "Government of". */
export function countryPhrase(name: string): string {
  return /^(United|Netherlands|Philippines|Czech)/.test(name) ? `the ${name}` : name;
}

/** French adjectives in the four forms of gender and number: "estonien" -> estonienne, estoniens, estoniennes. */
export function frenchAdjectiveForms(adjective: string): string[] {
  const a = adjective;
  if (/(?:e|que)$/.test(a) && !/é$/.test(a)) return [a, `${a}s`];
  if (/(?:ien|en|on)$/.test(a)) return [a, `${a}ne`, `${a}s`, `${a}nes`];
  if (/[sx]$/.test(a)) return [a, `${a}e`, `${a}es`];
  if (/al$/.test(a)) return [a, `${a}e`, `${a.slice(0, -2)}aux`, `${a}es`];
  return [a, `${a}e`, `${a}s`, `${a}es`];
}

/** Every surface form of a country's adjective in a language. */
export function adjectiveForms(country: Country, language: string): string[] {
  const list = country.forms[language]?.adjectives ?? [];
  return language === 'fr' ? [...new Set(list.flatMap(frenchAdjectiveForms))] : list;
}

const ELISIONS = new Set(GRAMMARS.flatMap((g) => g.elisions));
const compiled = new Map<string, PatternSet<Country>>();

function countryPatterns(language: string): PatternSet<Country> {
  let set = compiled.get(language);
  if (set) return set;
  set = new PatternSet<Country>(ELISIONS);
  for (const c of COUNTRIES) {
    const f = c.forms[language];
    if (!f) continue;
    for (const n of [...f.names, ...f.capitals]) set.add(n, c, false, true);
    for (const a of adjectiveForms(c, language)) set.add(a, c, false, language !== 'fr');
  }
  compiled.set(language, set);
  return set;
}

// Several steps ask for it (lexicon choice, homonyms, descriptions, laws, identity): count once per document.
const contextCache = new WeakMap<AnalysedDocument, readonly Country[]>();

/** Countries named in the document, most mentioned first (names, capitals and adjectives). */
export function countryContext(doc: AnalysedDocument): readonly Country[] {
  let found = contextCache.get(doc);
  if (!found) {
    found = countCountries(doc);
    contextCache.set(doc, found);
  }
  return found;
}

function countCountries(doc: AnalysedDocument): Country[] {
  if (!doc.grammar) return [];
  const counts = new Map<Country, number>();
  const set = countryPatterns(doc.grammar.language);
  for (const s of doc.sentences) {
    for (const m of set.matchRange(doc.tokens, s.firstToken, s.endToken)) {
      // "in Germany", "en Estonie": where the story happens weighs more than who is in it.
      const prev = doc.tokens[m.firstToken - 1]?.norm ?? '';
      const weight = ['in', 'en', 'au', 'aux', 'a'].includes(prev) ? 2 : 1;
      counts.set(m.pattern.payload, (counts.get(m.pattern.payload) ?? 0) + weight);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].name.localeCompare(b[0].name)).map(([c]) => c);
}

const ABBREVIATIONS: Record<string, string> = { UK: 'United Kingdom', US: 'United States', 'U.S.': 'United States' };
const countryCache = new Map<string, Country | null>();

/**
 * The country a lexicon body belongs to, read from its canonical name: "(UK)", "(FSB, Russia)",
 * "Government of China", "US Department of State", "Australian Federal Police". Null for
 * international or unknown bodies.
 */
export function countryOfName(name: string): Country | null {
  let found = countryCache.get(name);
  if (found !== undefined) return found;
  found = null;
  const byName = (n: string) => COUNTRIES.find((c) => c.name === (ABBREVIATIONS[n] ?? n) || c.forms['en']?.names.includes(n)) ?? null;
  for (const part of /\(([^)]*)\)\s*$/.exec(name)?.[1]?.split(/,\s*/) ?? []) found ??= byName(part.trim());
  found ??= byName(/ of (?:the )?([A-Z][\w ]+)$/.exec(name)?.[1] ?? '');
  if (!found) {
    const first = /^(?:the )?(U\.S\.|US|UK|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b/.exec(name)?.[1] ?? '';
    found = byName(first) ?? COUNTRIES.find((c) => c.forms['en']?.adjectives.some((a) => first === a || first.startsWith(`${a} `) || name.startsWith(`${a} `))) ?? null;
  }
  countryCache.set(name, found);
  return found;
}

/** A country named by one token (name, adjective or capital) in a language. */
export function countryOfWord(word: string, language: string): { country: Country; capital: boolean } | null {
  const folded = foldText(word);
  for (const c of COUNTRIES) {
    const f = c.forms[language];
    if (!f) continue;
    if (f.capitals.some((x) => foldText(x) === folded)) return { country: c, capital: true };
    if (f.names.some((x) => foldText(x) === folded) || adjectiveForms(c, language).some((x) => foldText(x) === folded)) return { country: c, capital: false };
  }
  return null;
}
