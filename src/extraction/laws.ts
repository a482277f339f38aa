/**
 * Laws the lexicon does not know, by head-word grammar:
 *  - a capitalised name ending in a law head word, with an optional year: "Protection of
 *    Military Bases and Installations Act", "Foreign Agents Ordinance 2021";
 *  - offences in their legal wording after a charge or verdict: "charged with conspiracy to
 *    commit wire fraud and aggravated identity theft", "reconnu coupable de tentative de vol de
 *    secrets commerciaux". Each offence is a Law named "<country> law: <offence>", the country
 *    being the document's (the jurisdiction is never guessed across countries).
 */
import { countryContext, countryOfName, countryOfWord, type Country } from './countries.js';
import type { AnalysedDocument } from './document.js';
import { GRAMMARS } from './grammar/index.js';
import type { EntityRef, FoundMention } from './mentions.js';
import { PatternSet } from './patterns.js';
import { foldText } from '../domain/fold.js';

const LAW_HEADS = new Set(['act', 'law', 'ordinance', 'code', 'bill', 'statute', 'decree', 'regulation', 'directive']);
const NAME_CONNECTORS = new Set(['of', 'and', 'on', 'the', 'for', 'against', 'to', '(', ')']);
const GENERAL_PRIORITY = -1;

/** Where an offence list starts: after these words, in each language. */
const OFFENCE_LEADS: Record<string, string[]> = {
  en: [
    '(charged|indicted|convicted|accused|suspected|arrested|detained|sentenced|jailed) (with|of|for|on charges of|on suspicion of)',
    '(pleaded|pled|pleads|found) guilty (to|of)',
    'counts? of',
    'charges? (of|including)',
    'on suspicion of',
    '(the |)following (charges|counts|offences|offenses)',
    '(years|months) (in prison|in jail|of imprisonment|behind bars) for',
  ],
  // French leads stop before the preposition ("de", "d'", "pour"), which the code skips.
  fr: [
    "(chefs?|chef) d'accusation( suivants| retenus|)",
    '(inculpés?|inculpées?|mis en examen|poursuivis?|poursuivies?|condamnés?|condamnées?|accusés?|accusées?|soupçonnés?|soupçonnées?|arrêtés?|interpellés?|jugés?|jugées?)',
    '(reconnus?|reconnues?|déclarés?|déclarées?) coupables?',
    'plaidé coupable',
    '(ans|mois) de (prison|réclusion|détention)',
    '(pour|de) (tentative|complot|association)',
  ],
};
const QUOTES = new Set(['"', '«', '»', '“', '”']);
/** Words an offence phrase does not end on. */
const TRAILING = new Set(['pour', 'for', 'de', "d'", 'du', 'des', 'of', 'to', 'a', 'au', 'aux', 'with', 'avec', 'par', 'by']);
/** Prepositions between a French lead and its offence ("coupable de", "condamné pour"). */
const LEAD_LINKS = new Set(['de', "d'", 'du', 'des', 'pour']);
/** Words that end an offence phrase. */
const STOPS = new Set(['and', 'et', 'or', 'ou', 'in', 'after', 'before', 'while', 'when', 'which', 'who', 'that', 'qui', 'que', 'dans', 'après', 'avant', 'lors', 'alors', 'mais', 'but', 'for', 'selon', 'according', 'on', 'le', 'les', 'a', 'ont', 'avait', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'since', 'depuis', 'en', 'durant', 'during', 'between', 'entre']);
/** Offence phrases are about these: a phrase without one is not legal wording. */
const OFFENCE_WORDS = /(espionage|espionnage|fraud|fraude|theft|vol|trahison|treason|secret|conspir|complot|identit|abus|breach|trust|confiance|bribery|corruption|smuggling|contrebande|interference|ingérence|sabotage|export|terroris|blanchiment|laundering|ordinat|computer)/;
/** Words an offence phrase never starts with. */
const NOT_FIRST = new Set(['de', "d'", 'des', 'du', 'la', 'le', 'les', "l'", 'the', 'a', 'an', 'un', 'une', 'deux', 'trois', 'quatre', 'two', 'three', 'four', 'five', 'several', 'plusieurs', 'ses', 'leurs', 'his', 'her', 'their', 'meeting', 'being', 'avoir', 'etre', 'having', 'been', 'leur', 'son', 'sa']);

const ELISIONS = new Set(GRAMMARS.flatMap((g) => g.elisions));
const compiled = new Map<string, PatternSet<true>>();
function leads(language: string): PatternSet<true> {
  let set = compiled.get(language);
  if (!set) {
    set = new PatternSet<true>(ELISIONS);
    for (const p of OFFENCE_LEADS[language] ?? []) set.add(p, true);
    compiled.set(language, set);
  }
  return set;
}

const ENFORCING_KINDS = new Set(['prosecutor', 'court', 'police']);
/**
 * Whose law an offence is: the country of the prosecutors, courts and police the document names
 * (a US prosecutor charging a Chinese agent applies US law), else the story's leading country.
 */
function jurisdictionOf(doc: AnalysedDocument, known: readonly FoundMention[]): string | null {
  const counts = new Map<string, number>();
  for (const m of known) {
    if (m.ref.type !== 'Agency' || !ENFORCING_KINDS.has(m.ref.kind ?? '')) continue;
    const c = countryOfName(m.ref.name)?.name;
    if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  return best ?? countryContext(doc)[0]?.name ?? null;
}

/** An attempt is charged under the offence itself: "tentative d'espionnage" and "espionnage" are one law. */
const ATTEMPT = /^(tentative (de |d')|attempted |attempt to |attempting to )/;
function offenceKey(text: string): string {
  return foldText(text).replace(ATTEMPT, '');
}

function lawRef(name: string): EntityRef {
  return { type: 'Law', name, kind: null, generic: false, partOf: [], entry: null };
}

/**
 * Laws named in lower case by what they regulate, with their country: "la loi suisse sur le
 * renseignement", "Germany's new espionage law", "the intelligence law". The country is the
 * adjective's or the possessor's, else the story's leading one; the lexicon's laws of the same
 * words apply only in their own jurisdiction (lexicon-match.ts), so another country's law of
 * that name is never taken for them.
 */
const TOPIC_LAWS: Record<string, string[]> = {
  fr: [
    "(loi|législation) ~1 (sur|relative à|relative au|relative aux|contre|de) (le |la |les |l'|)(renseignement|espionnage|contre-espionnage|sécurité nationale|sécurité de l'État|ingérences? étrangères?|influence étrangère|agents étrangers|secrets? d'État|trahison|cybersécurité|sécurité des données|contrôle des exportations)( extérieur| intérieur| militaire| national|)",
  ],
  en: [
    "(intelligence|espionage|counter-espionage|counterespionage|anti-espionage|national security|state security|foreign interference|foreign agents?|foreign influence|state secrets?|treason|cybersecurity|data security|export control) (law|act|bill|legislation)",
  ],
};
const topicSets = new Map<string, PatternSet<true>>();
function topicLaws(language: string): PatternSet<true> {
  let set = topicSets.get(language);
  if (!set) {
    set = new PatternSet<true>(ELISIONS);
    for (const p of TOPIC_LAWS[language] ?? []) set.add(p, true);
    topicSets.set(language, set);
  }
  return set;
}
/** Words in front of an English topic law that make it a description, not a name. */
const NEW_LAW = new Set(['new', 'revised', 'amended', 'draft', 'proposed', 'controversial', 'sweeping', 'tough', 'tougher']);
const VAGUE_BEFORE = new Set(['any', 'some', 'such', 'under', 'other', 'existing', 'its', 'their', 'our']);

function findTopicLaws(doc: AnalysedDocument, known: readonly FoundMention[], mention: (ref: EntityRef, first: number, end: number) => FoundMention): FoundMention[] {
  // Only a known law blocks the phrase: an agency's words inside it ("renseignement extérieur") are
  // the law's topic, and resolution gives the longer law the span.
  const covered = new Uint8Array(doc.tokens.length);
  for (const m of known) if (m.ref.type === 'Law') covered.fill(1, m.firstToken, m.endToken);
  const language = doc.grammar!.language;
  const { tokens } = doc;
  const out: FoundMention[] = [];
  let leading: Country | null | undefined;
  for (const s of doc.sentences) {
    for (const m of topicLaws(language).matchRange(tokens, s.firstToken, s.endToken)) {
      if (covered.subarray(m.firstToken, m.endToken).some((x) => x)) continue;
      let first = m.firstToken;
      let country: Country | null = null;
      if (language === 'fr') {
        // The one word the pattern allows between "loi" and its preposition must be the country's adjective.
        const gapWord = tokens[m.firstToken + 1]!;
        if (!['sur', 'relative', 'contre', 'de'].includes(gapWord.norm)) {
          country = countryOfWord(gapWord.cased, 'fr')?.country ?? null;
          if (!country) continue;
        }
      } else {
        // "Germany's new espionage law": a new, revised or draft law still has its country in front.
        let at = first - 1;
        while (at > s.firstToken && NEW_LAW.has(tokens[at]!.norm)) at--;
        const before = at >= s.firstToken ? tokens[at] : undefined;
        if (before) {
          if (VAGUE_BEFORE.has(before.norm)) continue;
          const possessive = before.norm === "'s" && at - 1 >= s.firstToken;
          const word = possessive ? tokens[at - 1]! : before;
          const c = word.capitalized ? countryOfWord(word.cased, 'en')?.country ?? null : null;
          if (c) { country = c; first = possessive ? at - 1 : at; }
        }
      }
      if (!country) {
        if (leading === undefined) leading = countryContext(doc)[0] ?? null;
        country = leading;
      }
      // The name leaves the country's word out, so that "la loi suisse sur X" and "la loi sur X" are one law.
      const words: string[] = [];
      for (let k = m.firstToken; k < m.endToken; k++) if (!(language === 'fr' && k === m.firstToken + 1 && country && countryOfWord(tokens[k]!.cased, 'fr'))) words.push(doc.text.slice(tokens[k]!.start, tokens[k]!.end));
      const topic = words.join(' ').replace(/ ?(['’]) /g, '$1').toLowerCase();
      out.push(mention(lawRef(country ? `${topic} (${country.name})` : topic), first, m.endToken));
    }
  }
  return out;
}

export function findLawNames(doc: AnalysedDocument, known: readonly FoundMention[]): FoundMention[] {
  const out: FoundMention[] = [];
  const { tokens } = doc;
  const covered = new Uint8Array(tokens.length);
  for (const m of known) if (m.ref.type === 'Law' || m.ref.type === 'Agency') covered.fill(1, m.firstToken, m.endToken);
  const mention = (ref: EntityRef, first: number, end: number): FoundMention => ({
    ref, start: tokens[first]!.start, end: tokens[end - 1]!.end, firstToken: first, endToken: end, sentence: doc.sentenceOfToken[first]!, anaphor: false, priority: GENERAL_PRIORITY,
  });
  // Capitalised names on a law head word.
  for (const s of doc.sentences) {
    for (let i = s.firstToken + 1; i < s.endToken; i++) {
      const t = tokens[i]!;
      if (!t.capitalized || !LAW_HEADS.has(t.norm) || covered[i]) continue;
      let start = i;
      while (start - 1 > s.firstToken) {
        const p = tokens[start - 1]!;
        if (p.capitalized && p.kind === 'word' && !covered[start - 1]) start--;
        else if (NAME_CONNECTORS.has(p.norm) && p.norm !== 'the' && tokens[start - 2]?.capitalized) start--;
        else break;
      }
      while (start < i && NAME_CONNECTORS.has(tokens[start]!.norm)) start++;
      if (i - start < 2) continue;
      let end = i + 1;
      if (tokens[end]?.kind === 'number' && /^(19|20)\d\d$/.test(tokens[end]!.norm)) end++;
      out.push(mention(lawRef(doc.text.slice(tokens[start]!.start, tokens[end - 1]!.end)), start, end));
    }
  }
  // Offences after a charge or verdict, and laws named by their topic.
  if (!doc.grammar) return out;
  out.push(...findTopicLaws(doc, known, mention));
  const language = doc.grammar.language;
  let country: string | null | undefined;
  for (const s of doc.sentences) {
    for (const m of leads(language).matchRange(tokens, s.firstToken, s.endToken)) {
      let k = m.endToken;
      // "pour tentative de vol de ...": the lead may end inside the offence.
      const startsInside = ['tentative', 'complot', 'association'].includes(foldText(tokens[m.endToken - 1]?.norm ?? ''));
      if (startsInside && !["de", "d'"].includes(tokens[m.endToken]?.norm ?? '')) continue;
      if (language === 'fr' && !startsInside) {
        if (tokens[k]?.norm === ':') k++;
        else if (LEAD_LINKS.has(tokens[k]?.norm ?? '')) k++;
        else continue;
      }
      if (tokens[k]?.norm === ':') k++;
      let first = startsInside ? m.endToken - 1 : k;
      while (k < s.endToken && first < s.endToken) {
        // Offences quoted in their legal wording: «complot pour renverser le régime».
        if (QUOTES.has(tokens[k]?.norm ?? '')) {
          if (first === k) first++;
          k++;
        }
        let end = k;
        // Inside quotation marks the whole quoted wording is the offence, complement included:
        // «espionnage pour le compte d'un État étranger».
        let closing = -1;
        if (k > s.firstToken && QUOTES.has(tokens[k - 1]!.norm)) {
          for (let q = k + 1; q < s.endToken && q - k <= 9; q++) if (QUOTES.has(tokens[q]!.norm)) { closing = q; break; }
        }
        if (closing > 0) end = closing;
        while (closing < 0 && end < s.endToken && end - k < 9) {
          const t = tokens[end]!;
          if (t.kind === 'punct' && t.norm !== "'" && t.norm !== '-') break;
          if (STOPS.has(t.norm) && end > k) break;
          if (t.norm === 'as' && tokens[end + 1]?.norm === 'well') break;
          end++;
        }
        // "espionnage pour le compte de ...": a phrase cut before its complement loses the dangling preposition.
        while (end - 1 > k && TRAILING.has(tokens[end - 1]!.norm)) end--;
        const phraseFirst = Math.min(first, k);
        if (NOT_FIRST.has(tokens[phraseFirst]?.norm ?? '') || tokens[phraseFirst]?.kind === 'number') break;
        const text = doc.text.slice(tokens[phraseFirst]!.start, tokens[Math.max(end - 1, phraseFirst)]!.end);
        if (end - phraseFirst >= 2 && end - phraseFirst <= 9 && OFFENCE_WORDS.test(foldText(text)) && !covered[phraseFirst]) {
          if (country === undefined) country = jurisdictionOf(doc, known);
          out.push(mention(lawRef(`${country ?? 'Unspecified'} law: ${offenceKey(text)}`), phraseFirst, end));
        }
        // A list of offences: "X, Y and Z"; an item cut short ("complot pour renverser le régime")
        // still leads to the next one.
        let next = end;
        while (next < s.endToken && next - end < 5 && ![',', 'and', 'et', ';'].includes(tokens[next]!.norm) && !(tokens[next]!.kind === 'punct' && tokens[next]!.norm !== "'" && !QUOTES.has(tokens[next]!.norm))) next++;
        end = next;
        const sep = tokens[end];
        if (!sep || end >= s.endToken || !([',', 'and', 'et'].includes(sep.norm))) break;
        k = end + 1;
        // "coupable de X et d'Y", "charged with X and with Y": the preposition is repeated.
        if (LEAD_LINKS.has(tokens[k]?.norm ?? '') || tokens[k]?.norm === 'with' || tokens[k]?.norm === 'of') k++;
        first = k;
      }
    }
  }
  return out;
}

/** Descriptions that refer back to a law ("cette loi", "the new legislation"), per language. */
const LAW_DESCRIPTIONS: Record<string, string[]> = {
  en: ['(the|this|that) (new |revised |amended |proposed |draft |controversial |)(law|legislation|act|bill|ordinance|statute)'],
  fr: ['(la|cette) (nouvelle |)(loi|législation|ordonnance)', '(le|ce) (nouveau |)(texte|projet de loi)'],
};
/** Words after which the description names another law ("la loi sur le renseignement", "the law of"). */
const LAW_COMPLEMENTS = new Set(['sur', 'de', 'du', 'des', "d'", 'relative', 'on', 'of', 'for', 'against', 'enforcement', 'firm', 'firms', 'student', 'students', 'school', 'professor']);
const descriptionSets = new Map<string, PatternSet<true>>();

/**
 * "Cette loi", "the new law", "ce texte": a definite description of the document's one named law
 * is a mention of it (never an alias). Offences ("X law: fraud") are not what such words refer to.
 */
export function linkLawDescriptions(doc: AnalysedDocument, mentions: readonly FoundMention[]): FoundMention[] {
  if (!doc.grammar) return [];
  const laws = new Map<string, EntityRef>();
  for (const m of mentions) if (m.ref.type === 'Law' && !m.anaphor && !m.ref.name.includes(' law: ')) laws.set(m.ref.name, m.ref);
  if (laws.size !== 1) return [];
  const ref = [...laws.values()][0]!;
  const language = doc.grammar.language;
  let set = descriptionSets.get(language);
  if (!set) {
    set = new PatternSet<true>(ELISIONS);
    for (const p of LAW_DESCRIPTIONS[language] ?? []) set.add(p, true);
    descriptionSets.set(language, set);
  }
  const taken = new Uint8Array(doc.tokens.length);
  for (const m of mentions) taken.fill(1, m.firstToken, m.endToken);
  const firstNamed = Math.min(...mentions.filter((m) => m.ref === ref || m.ref.name === ref.name).map((m) => m.start));
  const out: FoundMention[] = [];
  for (const s of doc.sentences) {
    for (const m of set.matchRange(doc.tokens, s.firstToken, s.endToken)) {
      if (m.start < firstNamed || taken.subarray(m.firstToken, m.endToken).some((x) => x)) continue;
      const next = doc.tokens[m.endToken];
      if (next && m.endToken < s.endToken && (LAW_COMPLEMENTS.has(next.norm) || (next.capitalized && next.kind === 'word'))) continue;
      out.push({ ref, start: m.start, end: m.end, firstToken: m.firstToken, endToken: m.endToken, sentence: s.index, anaphor: true, priority: GENERAL_PRIORITY });
    }
  }
  return out;
}

const INITIAL_SKIP = new Set(['of', 'and', 'on', 'the', 'for', 'against', 'to', 'in', '&']);
const ACRONYM_TOKEN = /^[A-Z]{2,7}$/;

/**
 * "The National Security Act ... the NSA": after a law's full name, the acronym of its initials
 * means that law, even where the lexicon knows an agency of the same letters.
 */
export function readLawInitials(doc: AnalysedDocument, mentions: FoundMention[]): FoundMention[] {
  const { tokens } = doc;
  const byInitials = new Map<string, { ref: EntityRef; after: number }>();
  for (const m of mentions) {
    if (m.ref.type !== 'Law' || m.anaphor || m.ref.name.includes(' law: ')) continue;
    let initials = '';
    for (let k = m.firstToken; k < m.endToken; k++) {
      const t = tokens[k]!;
      if (t.kind !== 'word' || INITIAL_SKIP.has(t.norm)) continue;
      if (!t.capitalized) { initials = ''; break; }
      initials += t.cased[0]!.toUpperCase();
    }
    if (initials.length < 2 || byInitials.has(initials)) continue;
    byInitials.set(initials, { ref: m.ref, after: m.end });
  }
  if (byInitials.size === 0) return mentions;
  const byToken = new Map<number, FoundMention>();
  for (const m of mentions) for (let k = m.firstToken; k < m.endToken; k++) byToken.set(k, m);
  const out = [...mentions];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || !ACRONYM_TOKEN.test(t.cased)) continue;
    const law = byInitials.get(t.cased);
    if (!law || t.start < law.after) continue;
    const at = byToken.get(k);
    if (at && at.ref.type === 'Law') continue;
    if (at && !(at.ref.type === 'Agency' && at.firstToken === k && at.endToken === k + 1)) continue;
    const lawMention: FoundMention = { ref: law.ref, start: t.start, end: t.end, firstToken: k, endToken: k + 1, sentence: doc.sentenceOfToken[k]!, anaphor: false, priority: GENERAL_PRIORITY };
    if (at) out[out.indexOf(at)] = lawMention;
    else out.push(lawMention);
  }
  return out.sort((a, b) => a.start - b.start);
}

