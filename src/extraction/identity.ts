/**
 * Cross-document identity: what makes an id name one real-world entity in every document
 * (ontology "Identity: one id per node, everywhere").
 *
 * - Bodies a general rule names by their function alone ("Ministry of Foreign Affairs", "Federal
 *   Police", "Direction générale de la sécurité intérieure" without its acronym) exist in every
 *   country: their name carries the country they belong to, read from the words around the name
 *   ("China's", "allemand") or else from the story's country context, so that two countries'
 *   bodies never share an id.
 * - Target groups that every country has ("companies") carry the country a mention gives them
 *   ("US businesses", "entreprises belges"); without one they stay the general group.
 * - Events are keyed so that two reports of one happening meet and two happenings never do:
 *   a bulletin by its issuer and day; a case step (arrest, charge, trial, ...) by its kind, the
 *   country whose bodies act, the person it concerns and the year, else by kind, country and
 *   day; anything less precise stays the document's own. Two events of one document never share
 *   an id.
 */
import type { AnalysedDocument } from './document.js';
import type { DocEntity } from './assemble.js';
import type { EntityRef, FoundMention } from './mentions.js';
import type { DatePrecision } from '../domain/entities.js';
import { COUNTRIES, countryContext, countryOfName, countryOfWord, countryPhrase, type Country } from './countries.js';
import { GRAMMARS } from './grammar/index.js';
import { PLACES } from './lexicon/index.js';
import { foldText } from '../domain/fold.js';

const folded = (words: readonly string[]) => new Set(words.map((w) => foldText(w)));

/** Words a body's name may hold and still say only what it does, not whose it is. */
const FUNCTION_WORDS = folded([
  ...Object.values(PLACES.orgHeads).flat(),
  ...Object.values(PLACES.connectors).flat(),
  // English
  'foreign', 'affairs', 'interior', 'home', 'internal', 'external', 'justice', 'defence', 'defense', 'national', 'federal', 'state', 'public',
  'security', 'intelligence', 'counterintelligence', 'counter-intelligence', 'general', 'central', 'supreme', 'high', 'district', 'regional',
  'criminal', 'investigation', 'investigations', 'investigative', 'prosecution', 'prosecutors', "prosecutor's", 'attorney', 'attorneys', 'police',
  'military', 'cyber', 'cybersecurity', 'information', 'communications', 'immigration', 'customs', 'border', 'economic', 'economy', 'finance',
  'trade', 'commerce', 'education', 'industry', 'technology', 'science', 'health', 'protection', 'constitution', 'counterterrorism',
  'counter-terrorism', 'terrorism', 'anti-terrorism', 'headquarters', 'special', 'branch', 'unit', 'division', 'operations', 'affair', 'appeal',
  'appeals', 'constitutional', 'cassation', 'emergency', 'management', 'cabinet', 'presidential', 'prime', 'minister', 'ministers',
  // French
  'affaires', 'etrangeres', 'interieur', 'interieure', 'exterieure', 'defense', 'nationale', 'federale', 'federal', 'securite', 'renseignement',
  'generale', 'general', 'centrale', 'publique', 'public', 'judiciaire', 'penal', 'penale', 'criminelle', 'militaire', 'armees', 'enquete',
  'enquetes', 'lutte', 'contre', 'terrorisme', 'antiterroriste', 'cybersecurite', 'informatique', 'systemes', 'information', 'economie',
  'finances', 'commerce', 'education', 'enseignement', 'superieur', 'recherche', 'industrie', 'sante', 'douanes', 'frontieres', 'immigration',
  'protection', 'constitution', 'surete', 'etat', "d'etat", 'appel', 'instance', 'grande', 'republique', 'ministre', 'premier', 'presidence',
]);

/** Kinds of body every country has, so a name that only says the function needs its country. */
const NATIONAL_KINDS = new Set(['police', 'prosecutor', 'court', 'ministry', 'legislature', 'security', 'intelligence', 'government', 'authority', 'military', null]);

const NOT_A_COUNTRY_WORD = folded(GRAMMARS.flatMap((g) => g.stopwords));

/** Whether a name only says what a body does: every word of it is a function word or a connector. */
export function isFunctionName(name: string): boolean {
  // "National Police Agency (NPA)": an acronym the document defines says no more than the words it stands for.
  const words = name.replace(/\s*\([\p{Lu}\p{N}]{2,8}\)$/u, '').replace(/[(),]/g, ' ').split(/\s+|(?<=['’])/).map((w) => foldText(w)).filter((w) => w.length > 0);
  if (words.length === 0) return false;
  return words.every((w) => FUNCTION_WORDS.has(w) || FUNCTION_WORDS.has(w.replace(/['’]$/, "'")));
}

/** A country named right before a mention ("China's", "the Chinese", "German") or right after it ("of China", "chinois", "de la Chine"). */
function countryAround(doc: AnalysedDocument, m: FoundMention): Country | null {
  const language = doc.grammar?.language ?? doc.language;
  const { tokens } = doc;
  const sentence = m.sentence;
  const same = (k: number) => k >= 0 && k < tokens.length && doc.sentenceOfToken[k] === sentence;
  const word = (k: number) => (same(k) && tokens[k]!.kind === 'word' && !NOT_A_COUNTRY_WORD.has(tokens[k]!.norm) ? countryOfWord(tokens[k]!.cased, language) : null);
  // Before: "China's Ministry ...", "the German Federal Police", "US".
  let k = m.firstToken - 1;
  if (same(k) && tokens[k]!.norm === "'s") k--;
  const before = word(k);
  if (before && !before.capital) return before.country;
  // After: "ministère chinois de ...", "Ministry of ... of China" is inside the name already; "de la Chine", "du Japon".
  k = m.endToken;
  const after = word(k);
  if (after && !after.capital) return after.country;
  while (same(k) && ['de', 'du', 'of', 'la', "l'", 'the', "d'"].includes(tokens[k]!.norm) && k < m.endToken + 3) k++;
  if (k > m.endToken) {
    const of = word(k);
    if (of && !of.capital) return of.country;
  }
  return null;
}

/**
 * General-rule bodies named only by their function get their country in the name: "Ministry
 * of Foreign Affairs (China)". Lexicon bodies and names that already say whose they are keep theirs.
 * Companies and other per-country target groups take the country their mention gives.
 */
export function qualifyByCountry(doc: AnalysedDocument, mentions: FoundMention[]): FoundMention[] {
  let context: readonly Country[] | null = null;
  const renamed = new Map<string, EntityRef>();
  const qualified = (ref: EntityRef, country: Country) => {
    const acronym = /^(.*) \(([\p{Lu}\p{N}]{2,8})\)$/u.exec(ref.name);
    const name = acronym ? `${acronym[1]} (${acronym[2]}, ${country.name})` : `${ref.name} (${country.name})`;
    let out = renamed.get(name);
    if (!out) renamed.set(name, (out = { ...ref, name }));
    return out;
  };
  // One country per function name in a document: the first mention that says it decides, else the context.
  const byName = new Map<string, Country | null>();
  const around = new Map<FoundMention, Country>();
  for (const m of mentions) {
    if (m.ref.type !== 'Agency' || m.ref.entry || m.anaphor || !NATIONAL_KINDS.has(m.ref.kind) || countryOfName(m.ref.name) || !isFunctionName(m.ref.name)) continue;
    const c = countryAround(doc, m);
    if (c) around.set(m, c);
    if (!byName.get(m.ref.name)) byName.set(m.ref.name, c);
  }
  // Mentions are changed in place: event triggers hold some of them.
  for (const m of mentions) {
    if (m.ref.type === 'Agency' && !m.ref.entry && byName.has(m.ref.name)) {
      let country = around.get(m) ?? byName.get(m.ref.name) ?? null;
      if (!country) {
        context ??= countryContext(doc);
        country = context[0] ?? null;
      }
      if (country) m.ref = qualified(m.ref, country);
    }
  }
  // A per-country group is one group in a document: the country its mentions name most (first on a
  // tie), for every mention of it, those that name none and anaphora included ("US businesses ... the companies").
  const groupCountries = new Map<EntityRef, Map<Country, number>>();
  for (const m of mentions) {
    if (m.ref.type !== 'TargetGroup' || !m.ref.entry?.perCountry || m.anaphor) continue;
    const country = countryInSpan(doc, m);
    if (!country) continue;
    const counts = groupCountries.get(m.ref) ?? new Map<Country, number>();
    counts.set(country, (counts.get(country) ?? 0) + 1);
    groupCountries.set(m.ref, counts);
  }
  for (const [ref, counts] of groupCountries) {
    let best: Country | null = null;
    for (const [c, n] of counts) if (!best || n > counts.get(best)!) best = c;
    const to = qualified(ref, best!);
    for (const m of mentions) if (m.ref === ref) m.ref = to;
  }
  return mentions;
}

/** A country word inside a mention: "US businesses", "entreprises belges". */
function countryInSpan(doc: AnalysedDocument, m: FoundMention): Country | null {
  const language = doc.grammar?.language ?? doc.language;
  for (let k = m.firstToken; k < m.endToken; k++) {
    const t = doc.tokens[k]!;
    if (t.kind !== 'word' || NOT_A_COUNTRY_WORD.has(t.norm)) continue;
    const c = t.cased === 'US' || t.cased === 'U' ? countryOfName('United States') : countryOfWord(t.cased, language)?.country ?? null;
    if (c) return c;
  }
  return null;
}

/** What an event's key is made of. */
export interface EventKeyInput {
  kind: string;
  role: 'issuer' | 'actor' | 'law';
  /** The name the event is shown with (kind, actor, date). */
  name: string;
  actor: DocEntity | null;
  date: string | null;
  precision: DatePrecision | null;
  /** The date only comes from the publication date. */
  fallback: boolean;
  /** Sentences its mentions are in, first first. */
  sentences: number[];
  /** Token where its first mention starts and ends. */
  firstToken: number;
  endToken: number;
}

function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** The key of a document-local event: nothing ties it to another document's. */
function localKey(doc: AnalysedDocument, e: EventKeyInput): string {
  const s = doc.sentences[e.sentences[0] ?? 0];
  return `${e.name} ${shortHash(doc.text)}${s ? shortHash(doc.text.slice(s.start, s.end)) : ''}`;
}

/** What the whole document tells every event key: the tokens entity names cover (not persons). */
export interface EventKeyContext {
  covered: Uint8Array;
}

/** Canonical key of an event (see the module comment). */
export function eventKey(doc: AnalysedDocument, e: EventKeyInput, context: EventKeyContext): string {
  const day = e.precision === 'DAY' && e.date && !e.fallback ? e.date : null;
  if (e.role === 'law') return e.actor ? e.name : localKey(doc, e);
  if (e.role === 'issuer') {
    // A bulletin: its issuer and its day. A month says too little: one service warns many times a month.
    if (e.actor && e.precision === 'DAY' && e.date) return `${e.kind} ${e.actor.ref.name} ${e.date}`;
    return localKey(doc, e);
  }
  // The country of the body that acts: the story's country context is often the spying state's.
  const where = e.actor ? countryOfName(e.actor.ref.name) : null;
  const person = personOf(doc, e, context.covered);
  const year = e.date?.slice(0, 4) ?? (doc.publication ? String(doc.publication.year) : null);
  // The person and the year say which case it is; the country would only add a guess (the story's
  // country context is often the spying state's, not the arresting one's).
  if (person && year) return `${e.kind} ${person} ${year}`;
  // A day and a country: one arrest that day there, as far as two reports can tell; a day alone says too little.
  if (day && where) return `${e.kind} ${countryPhrase(where.name)} ${day}`;
  return localKey(doc, e);
}

const TITLES = folded(['mr', 'mrs', 'ms', 'dr', 'm', 'mme', 'mlle', 'me', 'sir', 'madame', 'monsieur']);
const NOT_NAME = folded([
  ...GRAMMARS.flatMap((g) => [...g.stopwords, ...Object.keys(g.months), ...Object.keys(g.weekdays)]),
  ...Object.values(PLACES.orgHeads).flat(),
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'he', 'she', 'they', 'it', 'we', 'in', 'on', 'at', 'after', 'before',
  'l', 'le', 'la', 'les', 'un', 'une', 'ce', 'cette', 'ces', 'lui', 'elle', 'il', 'ils', 'selon', 'apres', 'avant', 'lors',
  'new', 'san', 'los', 'las', 'saint', 'sainte', 'st', 'north', 'south', 'east', 'west', 'nord', 'sud', 'former', 'ancien', 'ancienne', 'chinese', 'state', 'federal', 'national', 'european', 'european-', 'prosecutors', 'police',
]);

/** A person named in the event's sentence, or at the start of the next one ("The man, X Y, ..."): first name and initial of the surname. */
function personOf(doc: AnalysedDocument, e: EventKeyInput, covered: Uint8Array): string | null {
  const first = e.sentences[0];
  if (first === undefined) return null;
  const s = doc.sentences[first]!;
  const inSentence = personIn(doc, s.firstToken, s.endToken, covered);
  if (inSentence) return inSentence;
  // "He was arrested ...": the person the previous sentence named.
  const prev = doc.sentences[first - 1];
  if (prev && PRONOUNS.has(doc.tokens[s.firstToken]!.norm)) return personIn(doc, prev.firstToken, prev.endToken, covered);
  // "A man was arrested ... The man, X Y, ...": the person the next sentence names at its start.
  const next = doc.sentences[first + 1];
  return next ? personIn(doc, next.firstToken, Math.min(next.endToken, next.firstToken + 8), covered) : null;
}

const PRONOUNS = folded(['he', 'she', 'il', 'elle']);

/** Places of two words ("Hong Kong", "New York") are not persons. */
const PLACE_PAIRS = folded(COUNTRIES.flatMap((c) => Object.values(c.forms).flatMap((f) => [...f.names, ...f.capitals])).filter((n) => n.includes(' ')));

const isNameWord = (doc: AnalysedDocument, k: number) => {
  const t = doc.tokens[k];
  return !!t && t.kind === 'word' && t.capitalized && /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u.test(doc.text.slice(t.start, t.end)) && !NOT_NAME.has(t.norm);
};
const isInitial = (doc: AnalysedDocument, k: number) => {
  const t = doc.tokens[k];
  return !!t && t.kind === 'word' && /^\p{Lu}$/u.test(doc.text.slice(t.start, t.end)) && doc.tokens[k + 1]?.norm === '.';
};

/** Words that make a name the source of a statement: "X said", "selon X", "X, a spokesman,". */
const SPEECH = folded(['said', 'says', 'told', 'added', 'according', 'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'dit', 'declare', 'indique', 'selon', 'ajoute', 'precise', 'affirme', 'porte-parole', 'ministre', 'explique', 'estime']);
function speaks(doc: AnalysedDocument, first: number, end: number): boolean {
  for (let k = Math.max(0, first - 2); k < first; k++) if (SPEECH.has(doc.tokens[k]!.norm)) return true;
  for (let k = end; k < Math.min(doc.tokens.length, end + 4); k++) if (SPEECH.has(doc.tokens[k]!.norm)) return true;
  return false;
}

function personIn(doc: AnalysedDocument, from: number, to: number, covered: Uint8Array): string | null {
  const language = doc.grammar?.language ?? doc.language;
  for (let k = from; k < to - 1; k++) {
    if (!isNameWord(doc, k) || covered[k] || covered[k + 1] || countryOfWord(doc.tokens[k]!.cased, language)) continue;
    if (PLACE_PAIRS.has(`${doc.tokens[k]!.norm} ${doc.tokens[k + 1]!.norm}`)) continue;
    // A capitalised word that opens the sentence is a person only after a title.
    const prev = doc.tokens[k - 1];
    if (k === from && !(prev && TITLES.has(prev.norm)) && !isInitial(doc, k + 1)) continue;
    if (prev && k > from && prev.capitalized && prev.kind === 'word' && !TITLES.has(prev.norm)) continue;
    const next = k + 1;
    if (!(isNameWord(doc, next) || isInitial(doc, next)) || countryOfWord(doc.tokens[next]!.cased, language)) continue;
    // A run of three or more capitalised words is a name of something else ("Alternative for Germany" aside, "Federal Public Prosecutor").
    if (isNameWord(doc, next + 1) && !isInitial(doc, next)) continue;
    // "Maximilian Krah's aide": the possessor is not whom the event concerns; nor is who speaks of it.
    if (doc.tokens[next + 1]?.norm === "'s" || speaks(doc, k, next + 1)) continue;
    return `${doc.tokens[k]!.norm} ${doc.tokens[next]!.norm.slice(0, 1)}`;
  }
  return null;
}
