/**
 * Institutions named by their function (lexicon/institutions.json): "the police", "South
 * Korean prosecutors", "un tribunal estonien", "a Moscow court", "le ministère".
 *
 * - Qualified by a nationality ("la police allemande") or a place ("Busan police"), the
 *   description names that country's or place's institution: "Police (Germany)".
 * - Bare ("the prosecution", "le service"), it refers back to the document's single agency of
 *   that kind when there is exactly one; failing that, police, prosecutors, courts and the
 *   government are those of the document's country context; otherwise nothing is made of it.
 * Bare descriptions are mentions, never aliases.
 */
import institutions from './lexicon/institutions.json' with { type: 'json' };
import { adjectiveForms, COUNTRIES, countryContext, countryOfName, countryPhrase, type Country } from './countries.js';
import type { AnalysedDocument } from './document.js';
import { GRAMMARS } from './grammar/index.js';
import { LEXICON, LEXICON_BY_NAME } from './lexicon/index.js';
import { sharedRef, type EntityRef, type FoundMention } from './mentions.js';
import { desugar, expandAlternatives, PatternSet } from './patterns.js';
import { foldText } from '../domain/fold.js';
import { tokenize } from './text/tokenize.js';

interface KindForms { bare: string[]; national: string[]; local: string[] }
interface InstitutionKind { kind: string; label: string; links: string[]; creates: boolean; adjectiveName?: boolean; [language: string]: unknown }

interface Payload {
  kind: InstitutionKind;
  country: Country | null;
  /** Token offset of the place name inside the match, for local forms. */
  placeAt: number | null;
  /** The country is the one a word of the match names (patterns shared by all countries). */
  countrySlot?: boolean;
}

const KINDS = (institutions as { kinds: InstitutionKind[] }).kinds;
const ELISIONS = new Set(GRAMMARS.flatMap((g) => g.elisions));
const DESCRIPTION_PRIORITY = -2;
/** Words after which an institution word is a modifier, not the institution: "government employees". */
const MODIFIED_NOUNS = new Set(
  ['employee', 'employees', 'official', 'officials', 'worker', 'workers', 'network', 'networks', 'agencies', 'departments', 'staff', 'personnel', 'contractor', 'contractors', 'system', 'systems', 'server', 'servers', 'website', 'websites', 'building', 'buildings', 'institutions', 'bodies', 'background', 'backgrounds', 'job', 'jobs', 'secrets', 'data', 'documents', 'service', 'services', 'sources', 'source', 'station', 'stations', 'custody', 'record', 'records', 'policy', 'policies', 'program', 'programme', 'funding', 'officer', 'officers', 'car', 'cars', 'chief', 'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'ministers', 'report', 'reports', 'clearance', 'clearances', 'affairs', 'sector', 'entities', 'organs', 'organizations', 'organisations', 'critics', 'critic', 'device', 'devices', 'computer', 'computers', 'email', 'emails', 'account', 'accounts']
    .map((w) => foldText(w)),
);
const NOT_PLACE = new Set([
  ...GRAMMARS.flatMap((g) => [...g.stopwords, ...Object.keys(g.months), ...Object.keys(g.weekdays)]),
  'the', 'a', 'an', 'this', 'that', 'le', 'la', 'les', 'un', 'une', 'federal', 'national', 'state', 'supreme', 'high', 'district', 'regional', 'military', 'new', 'de', 'du',
].map((w) => foldText(w)));

/** Lexicon bodies by the name a description of their function gives them: "Ministry of Defence (France)". */
const DESCRIBED = new Map(LEXICON.flatMap((e) => (e.describes ?? []).map((d) => [d, e] as const)));

const compiled = new Map<string, PatternSet<Payload>>();

function addForm(set: PatternSet<Payload>, source: string, kind: InstitutionKind, country: Country | null, countrySlot = false): void {
  // Only forms with a place slot need expanding here, to know where the place sits.
  if (!source.includes('_')) {
    set.add(source, { kind, country, placeAt: null, countrySlot });
    return;
  }
  for (const form of expandAlternatives(desugar(source))) {
    const at = form.indexOf('_');
    const placeAt = at < 0 ? null : tokenize(form.slice(0, at), { elisions: ELISIONS }).length;
    set.add(form, { kind, country, placeAt });
  }
}

/** Country words of one language that are one plain word ("allemand", "Germany"): they share one pattern slot. */
interface CountryWords { byKey: Map<string, Country>; single: string[]; multi: Map<Country, string[]> }

function countryWords(language: string, of: (c: Country) => string[]): CountryWords {
  const byKey = new Map<string, Country>();
  const single: string[] = [];
  const multi = new Map<Country, string[]>();
  for (const c of COUNTRIES) {
    for (const w of of(c)) {
      const tokens = tokenize(w, { elisions: ELISIONS });
      const plain = tokens.length === 1 && tokens[0]!.kind === 'word' && /^[\p{L}]+$/u.test(w) && !ACRONYM_LIKE.test(w);
      // Plural and feminine forms that fold to a word already in the slot are matched by it.
      if (plain && byKey.get(tokens[0]!.key) === c) continue;
      if (plain && !byKey.has(tokens[0]!.key)) {
        byKey.set(tokens[0]!.key, c);
        single.push(w);
      } else multi.set(c, [...(multi.get(c) ?? []), w]);
    }
  }
  return { byKey, single, multi };
}
const ACRONYM_LIKE = /^\p{L}[\p{L}\p{N}]*\p{Lu}/u;

const wordsByLanguage = new Map<string, { adjectives: CountryWords; names: CountryWords }>();
function countryWordsOf(language: string) {
  let w = wordsByLanguage.get(language);
  if (!w) {
    w = { adjectives: countryWords(language, (c) => adjectiveForms(c, language)), names: countryWords(language, (c) => c.forms[language]?.names ?? []) };
    wordsByLanguage.set(language, w);
  }
  return w;
}

export function institutionPatterns(language: string): PatternSet<Payload> {
  let set = compiled.get(language);
  if (set) return set;
  set = new PatternSet<Payload>(ELISIONS);
  const { adjectives, names } = countryWordsOf(language);
  for (const kind of KINDS) {
    const forms = kind[language] as KindForms | undefined;
    if (!forms) continue;
    for (const p of forms.bare) addForm(set, p, kind, null);
    for (const p of forms.local) addForm(set, p.replace(/\{PLACE\}/g, '_'), kind, null);
    for (const p of forms.national) {
      // One pattern for all one-word country words (the country is read from the matched word),
      // one per country for the others ("South Korean", "U.S.", "Royaume-Uni").
      const slot = p.includes('{COUNTRY}') ? '{COUNTRY}' : '{ADJ}';
      const words = slot === '{COUNTRY}' ? names : adjectives;
      if (words.single.length) addForm(set, p.replace(slot, `(${words.single.join('|')})`), kind, null, true);
      for (const [c, list] of words.multi) addForm(set, p.replace(slot, `(${list.join('|')})`), kind, c);
    }
  }
  compiled.set(language, set);
  return set;
}

/** The country named by one of the tokens of a match, for patterns that share a country slot. */
function countryInMatch(doc: AnalysedDocument, first: number, end: number): Country | null {
  const { adjectives, names } = countryWordsOf(doc.grammar!.language);
  for (let k = first; k < end; k++) {
    const key = doc.tokens[k]!.key;
    const c = adjectives.byKey.get(key) ?? names.byKey.get(key);
    if (c) return c;
  }
  return null;
}

/** The institution of a country or place, as a lexicon entry when the lexicon knows it ("Government of China"). */
function institutionRef(kind: InstitutionKind, where: string, isCountry: boolean): EntityRef {
  const country = isCountry ? COUNTRIES.find((c) => c.name === where) : undefined;
  const adjective = country?.forms['en']?.adjectives[0];
  const name =
    kind.kind === 'government' && isCountry ? `Government of ${countryPhrase(where)}`
    : kind.adjectiveName && adjective ? `${adjective} ${kind.label}`
    : `${kind.label} (${where})`;
  const entry = LEXICON_BY_NAME.get(name) ?? DESCRIBED.get(name);
  if (entry) return sharedRef(entry);
  return { type: 'Agency', name, kind: kind.kind, generic: false, partOf: [], entry: null, adversary: kind.kind === 'government' ? 'fallback' : false };
}

const INTELLIGENCE = KINDS.find((k) => k.kind === 'intelligence')!;
/** "Agents of the Iranian regime", "pour le compte du régime": who works for a regime in secret is its services, not its government. */
const SERVING = new Set(['agents', 'agent', 'spies', 'spy', 'behalf', 'working', 'worked', 'work', 'compte', 'service', 'espions', 'espion', 'operatives', 'proxies']);
function servesRegime(doc: AnalysedDocument, first: number, end: number, sentenceStart: number): boolean {
  const words = doc.tokens.slice(first, end).map((t) => t.norm);
  if (!words.includes('regime')) return false;
  for (let k = first - 1; k >= Math.max(sentenceStart, first - 3); k--) if (SERVING.has(doc.tokens[k]!.norm)) return true;
  return false;
}

export interface DescriptionMention extends FoundMention {
  description: { kind: InstitutionKind; bare: boolean; local: boolean };
}

/** Candidate description mentions; their entity is settled by `linkDescriptions` once names are resolved. */
export function findInstitutionDescriptions(doc: AnalysedDocument): DescriptionMention[] {
  if (!doc.grammar) return [];
  const set = institutionPatterns(doc.grammar.language);
  const out: DescriptionMention[] = [];
  const { tokens } = doc;
  for (const s of doc.sentences) {
    for (const m of set.matchRange(tokens, s.firstToken, s.endToken)) {
      const { kind, placeAt, countrySlot } = m.pattern.payload;
      const country = countrySlot ? countryInMatch(doc, m.firstToken, m.endToken) : m.pattern.payload.country;
      if (countrySlot && !country) continue;
      const next = tokens[m.endToken];
      if (next && m.endToken < s.endToken && MODIFIED_NOUNS.has(next.norm)) continue;
      let ref: EntityRef | null = null;
      if (placeAt !== null) {
        const place = tokens[m.firstToken + placeAt]!;
        if (!place.capitalized || place.kind !== 'word' || NOT_PLACE.has(place.norm) || m.firstToken + placeAt === s.firstToken) continue;
        const asCountry = COUNTRIES.find((c) => Object.values(c.forms).some((f) => f.names.some((n) => foldText(n) === place.norm)));
        ref = asCountry ? institutionRef(kind, asCountry.name, true) : institutionRef(kind, doc.text.slice(place.start, place.end), false);
      } else if (country) ref = institutionRef(servesRegime(doc, m.firstToken, m.endToken, s.firstToken) ? INTELLIGENCE : kind, country.name, true);
      const bare = ref === null;
      out.push({
        ref: ref ?? { type: 'Agency', name: `${kind.label} (unresolved)`, kind: kind.kind, generic: false, partOf: [], entry: null },
        start: m.start,
        end: m.end,
        firstToken: m.firstToken,
        endToken: m.endToken,
        sentence: s.index,
        anaphor: false,
        priority: DESCRIPTION_PRIORITY,
        description: { kind, bare, local: placeAt !== null },
      });
    }
  }
  return out;
}

const isDescription = (m: FoundMention): m is DescriptionMention => 'description' in m;

const ENFORCING = new Set(['police', 'prosecutor', 'court']);
/** The country whose police, prosecutors and courts act in the story: where it happens, whoever it is about. */
function homeCountry(mentions: readonly FoundMention[]): Country | null {
  const counts = new Map<Country, number>();
  for (const m of mentions) {
    if (m.ref.type !== 'Agency' || !ENFORCING.has(m.ref.kind ?? '')) continue;
    const c = countryOfName(m.ref.name);
    if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].name.localeCompare(b[0].name))[0]?.[0] ?? null;
}

/** Gives bare descriptions their entity (or drops them); qualified ones keep theirs. */
export function linkDescriptions(doc: AnalysedDocument, mentions: FoundMention[]): FoundMention[] {
  const named = mentions.filter((m) => m.ref.type === 'Agency' && !isDescription(m));
  let context: Country | null | undefined;
  let enforcing: Country | null | undefined;
  const homeOf = () => (enforcing === undefined ? (enforcing = homeCountry(mentions)) : enforcing);
  const out: FoundMention[] = [];
  // A story that names one court, police force or prosecutor's office ("un tribunal de Tallinn")
  // means it by "un tribunal estonien" and "la cour" as well.
  const specificOf = (kind: InstitutionKind): EntityRef | null => {
    const refs = new Map<string, EntityRef>();
    for (const n of named) if (kind.links.includes(n.ref.kind ?? '') && !n.ref.generic) refs.set(n.ref.name, n.ref);
    for (const n of mentions) if (isDescription(n) && n.description.local && n.description.kind === kind) refs.set(n.ref.name, n.ref);
    return refs.size === 1 ? [...refs.values()][0]! : null;
  };
  for (const m of mentions) {
    if (!isDescription(m)) { out.push(m); continue; }
    const { kind, bare } = m.description;
    if (!bare) {
      const specific = m.description.local || kind.kind === 'government' ? null : specificOf(kind);
      out.push(specific ? { ...m, ref: specific } : m);
      continue;
    }
    const refs = new Set<EntityRef>();
    const described = (r: EntityRef) => r.entry?.describes?.some((d) => d.startsWith(`${kind.label} (`)) ?? false;
    for (const n of named) if ((kind.links.includes(n.ref.kind ?? '') || described(n.ref)) && !n.ref.generic) refs.add(n.ref);
    // Qualified descriptions of the same kind count as named entities too ("la police allemande" ... "la police"),
    // and those of the kinds it covers ("the ministry" after "Poland's foreign ministry").
    for (const n of mentions) if (isDescription(n) && !n.description.bare && (n.description.kind === kind || kind.links.includes(n.description.kind.kind))) refs.add(n.ref);
    // "The national intelligence agency" is the home country's, whatever foreign services the story names.
    if (kind.kind === 'national-intelligence') {
      if (context === undefined) context = countryContext(doc)[0] ?? null;
      const home = homeOf() ?? context;
      for (const r of [...refs]) if (!home || countryOfName(r.name) !== home) refs.delete(r);
    }
    const byName = new Map([...refs].map((r) => [r.name, r]));
    let ref: EntityRef | null = null;
    if (byName.size === 1) ref = [...byName.values()][0]!;
    else if (byName.size === 0 && kind.creates) {
      if (context === undefined) context = countryContext(doc)[0] ?? null;
      // "Federal investigators" in a story about a foreign agent are the police of the country
      // whose prosecutors and courts act, not of the country the story is most about.
      const country = ENFORCING.has(kind.kind) ? (homeOf() ?? context) : context;
      if (country) ref = institutionRef(kind, country.name, true);
    }
    if (!ref && kind.kind === 'national-intelligence' && byName.size === 0) {
      if (context === undefined) context = countryContext(doc)[0] ?? null;
      const home = homeOf() ?? context;
      if (home) ref = institutionRef(kind, home.name, true);
    }
    if (!ref) continue;
    out.push({ ...m, ref, anaphor: true });
  }
  return out;
}

/** Singular ranks and posts: "a New York police sergeant" is a person, not the force acting. */
const PERSON_RANKS = new Set(['sergeant', 'officer', 'detective', 'constable', 'lieutenant', 'captain', 'inspector', 'commissioner', 'patrolman', 'policeman', 'brigadier', 'commissaire', 'agent', 'gardien', 'chef']);
const FORMER = new Set(['former', 'ex', 'ancien', 'ancienne', 'retired']);
const AS_WORDS = new Set(['as', 'comme']);
const ARTICLES = new Set(['a', 'an', 'un', 'une']);
/**
 * Candidate agency mentions that name a person's role rather than the body acting:
 *  - a police force followed by a singular rank ("a New York police sergeant") or after
 *    "former" / "ancien chef de" ("ancien chef de police");
 *  - a single unnamed agent or spy after "as" / "comme": "acting as a foreign agent" is the
 *    offence's wording, not foreign services acting.
 */
export function namesPersonRole(doc: AnalysedDocument, m: FoundMention): boolean {
  if (m.ref.type !== 'Agency' || m.anaphor) return false;
  const { tokens } = doc;
  const next = tokens[m.endToken];
  const sameSentence = (k: number) => k >= 0 && k < tokens.length && doc.sentenceOfToken[k] === m.sentence;
  const last = tokens[m.endToken - 1]!;
  if (m.ref.kind === 'police' && last.norm === 'police') {
    if (next && sameSentence(m.endToken) && PERSON_RANKS.has(next.norm)) return true;
    let k = m.firstToken - 1;
    if (sameSentence(k) && ['de', 'of'].includes(tokens[k]!.norm) && sameSentence(k - 1) && ['chef', 'chief', 'head'].includes(tokens[k - 1]!.norm)) k -= 2;
    for (let j = k; j >= Math.max(0, k - 1); j--) if (sameSentence(j) && FORMER.has(tokens[j]!.norm)) return true;
    if (FORMER.has(tokens[m.firstToken]!.norm)) return true;
  }
  if (m.ref.generic || m.ref.entry === null) {
    const single = tokens.slice(m.firstToken, m.endToken).some((w) => ['agent', 'agente', 'spy', 'espion', 'espionne'].includes(w.cased.toLowerCase()));
    if (single) {
      // Back over an article and an adjective or two: "as an illegal Chinese agent".
      for (let k = m.firstToken - 1; k >= m.firstToken - 3 && sameSentence(k); k--) {
        const w = tokens[k]!;
        if (AS_WORDS.has(w.norm) || (w.norm === 'que' && tokens[k - 1]?.norm === 'tant')) return true;
        if (w.kind !== 'word' || w.capitalized || !(ARTICLES.has(w.norm) || /^\p{Ll}+$/u.test(w.cased))) break;
      }
    }
  }
  return false;
}
