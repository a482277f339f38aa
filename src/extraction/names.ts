/**
 * General rules for agencies that are not in the lexicon:
 *  - an acronym defined in brackets after a name: "Federal Criminal Police Office (BKA)";
 *    the bare acronym then names the same entity in the rest of the document;
 *  - capitalised names built on an organisation head word: "Ministry of ...", "Direction
 *    générale de ...", "... Executive Search";
 *  - a place name in front of a known agency is one of its units: "Jiangsu Province Ministry of
 *    State Security" is PART_OF "Ministry of State Security (China)";
 *  - hacking-group naming schemes: "APT 99", "Xyz Typhoon", "Xyz Panda";
 *  - courts named by place: "a federal court in Chicago", "tribunal de Paris".
 * They yield lower-priority candidates, so a lexicon name of the same length wins.
 */
import type { AnalysedDocument } from './document.js';
import { LEXICON_BY_NAME, PLACES } from './lexicon/index.js';
import { sharedRef, type EntityRef, type FoundMention } from './mentions.js';
import type { Token } from './text/tokenize.js';
import { foldText } from '../domain/fold.js';
import { GRAMMARS } from './grammar/index.js';
import { COUNTRIES, countryOfWord, countryPhrase, type Country } from './countries.js';

const GENERAL_RULE_PRIORITY = -1;

const foldedSet = (lists: Record<string, string[]>) => new Set(Object.values(lists).flat().map((w) => foldText(w)));
const ORG_HEADS_EN = new Set((PLACES.orgHeads['en'] ?? []).map((w) => foldText(w)));
const ORG_HEADS_FR = new Set((PLACES.orgHeads['fr'] ?? []).map((w) => foldText(w)));
const ORG_HEADS = new Set([...ORG_HEADS_EN, ...ORG_HEADS_FR]);
const CONNECTORS = foldedSet(PLACES.connectors);
const NOT_PLACES = new Set([
  ...foldedSet(PLACES.countries),
  ...foldedSet(PLACES.nationalities),
  ...GRAMMARS.flatMap((g) => [...Object.keys(g.months), ...Object.keys(g.weekdays), ...g.stopwords]),
]);
/** Weekdays and months end a name: "the Federal Assembly on Tuesday" names the assembly, not a body called "... on Tuesday". */
const STATE_FORMS = new Set(['republic', 'kingdom', 'federation', 'commonwealth', 'principality', 'emirate']);
const DATE_WORDS = new Set(GRAMMARS.flatMap((g) => [...Object.keys(g.months), ...Object.keys(g.weekdays)]).map((w) => foldText(w)));
/** Words that introduce an outlet's name. */
const OUTLET_HEADS = new Set(['agence', 'newspaper', 'daily', 'weekly', 'broadcaster', 'quotidien', 'hebdomadaire', 'journal', 'magazine', 'tabloid'].map((w) => foldText(w)));
const GROUP_SUFFIXES = new Set(['typhoon', 'panda', 'bear', 'kitten', 'chollima', 'spider', 'blizzard', 'sleet', 'sandstorm', 'tempest']);
const COURT_ADJECTIVES = new Set(['federal', 'district', 'crown', 'high', 'magistrates', 'supreme', 'regional', 'criminal']);
const STOP_FR = new Set(['a', 'est', 'sont', 'ont', 'qui', 'que', 'dont', 'sur', 'dans', 'avec', 'par', 'selon', 'mais', 'ou', 'ce', 'cette', 'il', 'elle', 'ils', 'se', 'sa', 'son', 'ses', 'leur', 'leurs', 'un', 'une', 'avait', 'avaient', 'sera', 'etait', 'fait']);

/**
 * A capital that acts stands for its government: "Tallinn a expulsé un diplomate", "Seoul
 * protested", "Tallinn et Moscou ont échangé des espions". It acts when a verb of acting or
 * saying, or another capital joined by "and"/"et", follows it; after a preposition it is a place.
 */
const CAPITAL_ACTS: Record<string, Set<string>> = {
  en: new Set(['has', 'have', 'had', 'is', 'was', 'will', 'would', 'says', 'said', 'accused', 'accuses', 'denied', 'denies', 'expelled', 'expels', 'warned', 'warns', 'responded', 'rejected', 'rejects', 'announced', 'summoned', 'condemned', 'condemns', 'retaliated', 'protested', 'demanded', 'demands', 'insists', 'insisted', 'wants', 'sought', 'seeks', 'urged', 'urges', 'claimed', 'claims', 'imposed', 'sanctioned', 'vowed']),
  fr: new Set(['a', 'ont', 'avait', 'avaient', 'aurait', 'accuse', 'accusent', 'dement', 'nie', 'denonce', 'affirme', 'exige', 'repond', 'reagit', 'menace', 'veut', 'reclame', 'condamne', 'expulse', 'convoque', 'proteste', 'assure', 'estime', 'juge', 'refuse', 'rejette', 'dit', 'declare', 'annonce', 'sanctionne', 'va']),
};
const PLACE_PREPOSITIONS = new Set(['in', 'to', 'from', 'at', 'near', 'outside', 'via', 'of', 'a', 'de', 'en', 'vers', 'depuis', 'pres', 'dans', 'par', 'sur', 'entre', 'between', 'au']);
const capitalsByLanguage = new Map<string, Map<string, Country>>();
function capitalsOf(language: string): Map<string, Country> {
  let map = capitalsByLanguage.get(language);
  if (!map) {
    map = new Map();
    for (const c of COUNTRIES) for (const cap of c.forms[language]?.capitals ?? []) map.set(foldText(cap), c);
    capitalsByLanguage.set(language, map);
  }
  return map;
}

function governmentOf(country: Country): EntityRef {
  const name = `Government of ${countryPhrase(country.name)}`;
  const entry = LEXICON_BY_NAME.get(name);
  return entry ? sharedRef(entry) : { ...newAgency(name, 'government'), adversary: 'fallback' };
}

/** A dateline opens a dispatch with its place: "Washington (AFP) -", "SEOUL, March 3 -", "Tallinn —". */
export function isDateline(doc: AnalysedDocument, first: number, end: number): boolean {
  const { tokens } = doc;
  const t = tokens[first]!;
  const lineStart = first === 0 || doc.text.slice(tokens[first - 1]!.end, t.start).includes('\n');
  if (!lineStart) return false;
  const next = tokens[end];
  return !next || ['(', ',', '-', '–', '—', ':'].includes(next.norm);
}

function capitalMetonym(doc: AnalysedDocument, i: number, s: { firstToken: number; endToken: number }): Country | null {
  const { tokens } = doc;
  const t = tokens[i]!;
  if (!t.capitalized || t.kind !== 'word' || !doc.grammar) return null;
  const capitals = capitalsOf(doc.grammar.language);
  const country = capitals.get(t.norm);
  if (!country || isDateline(doc, i, i + 1)) return null;
  const prev = tokens[i - 1];
  if (prev && i - 1 >= s.firstToken && (PLACE_PREPOSITIONS.has(prev.norm) || prev.capitalized)) return null;
  const next = tokens[i + 1];
  if (!next || i + 1 >= s.endToken || next.capitalized) {
    return null;
  }
  const acts = CAPITAL_ACTS[doc.grammar.language]!;
  if (acts.has(next.norm)) return country;
  // "Tallinn et Moscou ont ...": two capitals joined, then a verb.
  const other = tokens[i + 2];
  if ((next.norm === 'and' || next.norm === 'et') && other && capitals.has(other.norm) && acts.has(tokens[i + 3]?.norm ?? '')) return country;
  return null;
}

function newAgency(name: string, kind: string | null, partOf: string[] = []): EntityRef {
  return { type: 'Agency', name, kind, generic: false, partOf, entry: null };
}

function mention(doc: AnalysedDocument, ref: EntityRef, first: number, end: number, priority = GENERAL_RULE_PRIORITY): FoundMention {
  return {
    ref,
    start: doc.tokens[first]!.start,
    end: doc.tokens[end - 1]!.end,
    firstToken: first,
    endToken: end,
    sentence: doc.sentenceOfToken[first]!,
    anaphor: false,
    priority,
  };
}

// "KCDK-E", "CERT-FR": an acronym may carry a short hyphenated suffix.
const isAcronym = (t: Token) => t.kind === 'word' && /^[A-Z][A-Z0-9]{1,7}(-[A-Z0-9]{1,3})?$/.test(t.cased) && !/^\d+$/.test(t.norm);
const isCapWord = (t: Token) => t.kind === 'word' && t.capitalized;
const textOf = (doc: AnalysedDocument, a: number, b: number) => doc.text.slice(doc.tokens[a]!.start, doc.tokens[b - 1]!.end);

/** Candidate mentions from the general rules; `lexiconMentions` tells which tokens known names already cover. */
export function findGeneralNames(doc: AnalysedDocument, lexiconMentions: readonly FoundMention[]): FoundMention[] {
  const out: FoundMention[] = [];
  const { tokens } = doc;
  const french = doc.language === 'fr';
  const lexiconAt = new Map<number, FoundMention>();
  for (const m of lexiconMentions) if (!m.anaphor && m.ref.type === 'Agency') {
    const prev = lexiconAt.get(m.firstToken);
    if (!prev || prev.endToken < m.endToken) lexiconAt.set(m.firstToken, m);
  }
  const acronyms = new Map<string, EntityRef>();
  const outlets = new Map<string, EntityRef>();
  // Tokens covered by a known agency name, and the end of the longest name covering each token.
  const coveredEnd = new Int32Array(tokens.length);
  for (const m of lexiconAt.values()) for (let k = m.firstToken; k < m.endToken; k++) coveredEnd[k] = Math.max(coveredEnd[k]!, m.endToken);
  /** Whether a known agency name already covers any token of the span: the lexicon knows better. */
  const covered = (span: [number, number]) => {
    for (let k = span[0]; k < span[1]; k++) if (coveredEnd[k]! > 0) return true;
    return false;
  };

  for (const s of doc.sentences) {
    // Title Case headlines ("Police Arrest Two Men Over Spying") defeat capitalisation rules.
    let long = 0;
    let capitalised = 0;
    for (let k = s.firstToken; k < s.endToken; k++) {
      const w = tokens[k]!;
      if (w.kind === 'word' && w.norm.length > 3) { long++; if (w.capitalized) capitalised++; }
    }
    const titleCase = long >= 4 && capitalised / long >= 0.85;
    for (let i = s.firstToken; i < s.endToken; i++) {
      const t = tokens[i]!;
      // Acronym defined in brackets: NAME (ACR)
      if (t.norm === '(' && i + 2 < s.endToken && isAcronym(tokens[i + 1]!) && tokens[i + 2]!.norm === ')') {
        const start = nameStartBefore(tokens, i, s.firstToken, french);
        if (start !== null && !lexiconAt.has(start)) {
          const acr = tokens[i + 1]!.cased;
          const name = textOf(doc, start, i);
          const ref = newAgency(`${name} (${acr})`, null);
          acronyms.set(acr, ref);
          out.push(mention(doc, ref, start, i));
          out.push(mention(doc, ref, i + 1, i + 2));
        }
      }
      // Capitals acting for their governments, for capitals the lexicon does not name as such.
      if (!lexiconAt.has(i)) {
        const country = capitalMetonym(doc, i, s);
        if (country) out.push(mention(doc, governmentOf(country), i, i + 1));
      }
      // Hacking groups.
      if (t.cased === 'APT' && tokens[i + 1]?.kind === 'number' && i + 1 < s.endToken) {
        out.push(mention(doc, newAgency(`APT${tokens[i + 1]!.norm}`, 'hacking-group'), i, i + 2));
      } else if (/^APT\d+$/.test(t.cased)) {
        out.push(mention(doc, newAgency(t.cased, 'hacking-group'), i, i + 1));
      } else if (isCapWord(t) && i + 1 < s.endToken && GROUP_SUFFIXES.has(tokens[i + 1]!.norm) && tokens[i + 1]!.capitalized && !NOT_PLACES.has(t.norm) && i > s.firstToken) {
        out.push(mention(doc, newAgency(textOf(doc, i, i + 2), 'hacking-group'), i, i + 2));
      }
      // Outlets introduced by what they are: "the news agency Xyz", "l'agence de presse XYZ", "le quotidien Xyz".
      const newsAgency = t.norm === 'agency' && tokens[i - 1]?.norm === 'news';
      if ((OUTLET_HEADS.has(t.norm) || newsAgency) && !titleCase && !t.capitalized) {
        let k = i + 1;
        if (t.norm === 'agence' && tokens[k]?.norm === 'de' && tokens[k + 1]?.norm === 'presse') k += 2;
        let end = k;
        while (end < s.endToken && end - k < 4 && isCapWord(tokens[end]!) && !NOT_PLACES.has(tokens[end]!.norm)) end++;
        if (end > k && !covered([k, end]) && (t.norm !== 'agence' || k > i + 1)) {
          let first = newsAgency ? i - 1 : i;
          if (first > s.firstToken && ['state', 'official', "l'"].includes(tokens[first - 1]!.norm)) first--;
          const ref = newAgency(textOf(doc, k, end), 'media');
          outlets.set(foldText(textOf(doc, k, end)), ref);
          out.push(mention(doc, ref, first, end));
        }
      }
      // Courts by place.
      if (t.norm === 'court' && i > s.firstToken && COURT_ADJECTIVES.has(tokens[i - 1]!.norm) && tokens[i + 1]?.norm === 'in' && tokens[i + 2] && isCapWord(tokens[i + 2]!) && i + 2 < s.endToken) {
        let first = i - 1;
        if (first > s.firstToken && ['a', 'the', 'an'].includes(tokens[first - 1]!.norm)) first--;
        const place = textOf(doc, i + 2, i + 3);
        const us = doc.words.has('u.s') || doc.words.has('us') || doc.words.has('american') || doc.words.has('fbi');
        out.push(mention(doc, newAgency(`${us && tokens[i - 1]!.norm === 'federal' ? 'US ' : ''}${tokens[i - 1]!.norm} court (${place})`, 'court'), first, i + 3));
      }
      if (t.norm === 'tribunal' && tokens[i + 1]?.norm === 'de' && tokens[i + 2] && isCapWord(tokens[i + 2]!) && i + 2 < s.endToken) {
        const place = textOf(doc, i + 2, i + 3);
        out.push(mention(doc, newAgency(`Court (${place})`, 'court'), i, i + 3));
      }
      // An embassy placed by its city: "the Chinese embassy in Washington", "l'ambassade de Chine à Paris".
      if ((t.norm === 'embassy' || t.norm === 'ambassade') && i + 2 < s.endToken) {
        const embassy = embassyAt(doc, i, s);
        if (embassy) out.push(mention(doc, newAgency(embassy.name, 'diplomatic'), embassy.first, embassy.end, 0));
      }
      // A country's mission to the United Nations: "Iran's U.N. mission", "the Iranian UN mission",
      // "la mission iranienne auprès de l'ONU".
      if (t.norm === 'mission' && i > s.firstToken) {
        const un = unMissionAt(doc, i, s);
        if (un) out.push(mention(doc, newAgency(un.name, 'diplomatic'), un.first, un.end, 0));
      }
      // A company named as cover: "the front company Xyz Ltd", "la société écran Xyz".
      const front = frontCompanyName(tokens, i, s);
      if (front && !covered(front)) out.push(mention(doc, newAgency(textOf(doc, front[0], front[1]), 'company'), front[0], front[1]));
      // Organisation head words.
      // French writes ministries in lower case: "le ministère de l'Enseignement supérieur".
      const lowerMinistry = french && t.norm === 'ministere' && CONNECTORS.has(tokens[i + 1]?.norm ?? '') && tokens.slice(i + 1, i + 4).some(isCapWord);
      if (!titleCase && ((isCapWord(t) && ORG_HEADS.has(t.norm)) || lowerMinistry)) {
        const span = french ? frenchOrgName(tokens, i, s) : englishOrgName(tokens, i, s);
        const definesAcronym = span && tokens[span[1]]?.norm === '(' && tokens[span[1] + 1] && isAcronym(tokens[span[1] + 1]!);
        // A longer capitalised name built on a head word the lexicon knows alone ("Congress",
        // "Parliament") is another body: "the Kurdistan People's Congress" is not the US Congress.
        const headOnly =
          span && coveredEnd[i] === i + 1 && lexiconAt.get(i)?.endToken === i + 1 && span[0] < i && !covered([span[0], i]) && !covered([i + 1, span[1]]) &&
          tokens.slice(span[0], i).some((w) => isCapWord(w) && !NOT_PLACES.has(w.norm));
        if (span && span[1] - span[0] >= 2 && (headOnly || !covered(span)) && !definesAcronym) {
          const name = textOf(doc, span[0], span[1]);
          out.push(mention(doc, newAgency(name, kindOfName(name)), span[0], span[1]));
        }
      }
      // A place in front of a known agency: a unit of it.
      const known = lexiconAt.get(i + 1);
      // Only in front of a full name that starts with a capital ("Ministry of State Security"), not an acronym or a possessive.
      const unitHead = known && known.endToken - known.firstToken >= 2 && tokens[known.firstToken]!.capitalized && tokens[known.firstToken + 1]!.norm !== "'s";
      if (known && unitHead && !titleCase && isCapWord(t) && !NOT_PLACES.has(t.norm) && !known.ref.generic && t.kind === 'word' && !isAcronym(t) && i >= s.firstToken) {
        let first = i;
        while (first - 1 >= s.firstToken && isCapWord(tokens[first - 1]!) && !NOT_PLACES.has(tokens[first - 1]!.norm)) first--;
        if (first > s.firstToken || !CONNECTORS.has(tokens[first]!.norm)) {
          const name = textOf(doc, first, known.endToken);
          const unit = newAgency(name, known.ref.kind, [known.ref.name]);
          unit.adversary = known.ref.adversary;
          out.push(mention(doc, unit, first, known.endToken, 0));
        }
      }
    }
  }
  // Outlets named again without their description.
  if (outlets.size) {
    for (let i = 0; i < tokens.length; i++) {
      const ref = outlets.get(tokens[i]!.norm);
      if (ref && tokens[i]!.capitalized && !covered([i, i + 1])) out.push(mention(doc, ref, i, i + 1));
    }
  }
  // Bare acronyms defined in this document.
  if (acronyms.size) {
    for (let i = 0; i < tokens.length; i++) {
      const ref = acronyms.get(tokens[i]!.cased);
      if (ref && !(tokens[i - 1]?.norm === '(' && tokens[i + 1]?.norm === ')')) out.push(mention(doc, ref, i, i + 1));
    }
  }
  return out;
}

/** Start of a bracketed acronym's name: a run of capitalised words and connectors (English) or an org head word and what follows it (French). */
function nameStartBefore(tokens: readonly Token[], paren: number, sentenceStart: number, french: boolean): number | null {
  let start = paren;
  const limit = Math.max(sentenceStart, paren - 10);
  if (french) {
    for (let k = paren - 1; k >= limit; k--) {
      const t = tokens[k]!;
      if (t.kind === 'punct') break;
      if (isCapWord(t) && ORG_HEADS.has(t.norm)) return k;
      if (STOP_FR.has(t.norm)) break;
    }
  }
  for (let k = paren - 1; k >= limit; k--) {
    const t = tokens[k]!;
    if (isCapWord(t) || (CONNECTORS.has(t.norm) && k < paren - 1)) start = k;
    else break;
  }
  while (start < paren && CONNECTORS.has(tokens[start]!.norm)) start++;
  // "Officers of the X Office (XO)": a capitalised sentence opener followed by a connector is not part of the name.
  if (start === sentenceStart && !ORG_HEADS.has(tokens[start]!.norm) && CONNECTORS.has(tokens[start + 1]?.norm ?? '')) {
    start++;
    while (start < paren && CONNECTORS.has(tokens[start]!.norm)) start++;
  }
  while (start < paren && NOT_PLACES.has(tokens[start]!.norm) && !isCapWord(tokens[start + 1] ?? tokens[start]!)) start++;
  if (start < paren && ['the', 'le', 'la', 'les', 'a', 'an'].includes(tokens[start]!.norm)) start++;
  if (paren - start < 2) return null;
  return start;
}

function englishOrgName(tokens: readonly Token[], head: number, s: { firstToken: number; endToken: number }): [number, number] | null {
  let start = head;
  for (;;) {
    const prev = tokens[start - 1];
    if (start - 1 < s.firstToken || !prev) break;
    if (isCapWord(prev) && !['the', 'a', 'an'].includes(prev.norm)) { start--; continue; }
    // "People's Congress": a possessive between capitalised words of one name; a country's
    // possessive ("Vietnam's Directorate of ...") says whose body it is and stays outside.
    if (prev.norm === "'s" && start - 2 >= s.firstToken && isCapWord(tokens[start - 2]!) && !NOT_PLACES.has(tokens[start - 2]!.norm) && !countryOfWord(tokens[start - 2]!.cased, 'en')) { start -= 2; continue; }
    // "Science and Technology Company": a conjunction between capitalised words.
    if ((prev.norm === 'and' || prev.norm === '&') && start - 2 >= s.firstToken && isCapWord(tokens[start - 2]!)) { start -= 2; continue; }
    // "Republic of Korea Fleet Command": a state's formal name in front of one of its bodies.
    if (prev.norm === 'of' && start - 2 >= s.firstToken && STATE_FORMS.has(tokens[start - 2]!.norm) && tokens[start - 2]!.capitalized) { start -= 2; continue; }
    break;
  }
  if (start > s.firstToken && start === head && ['the', 'a', 'an'].includes(tokens[start - 1]!.norm)) {
    // "the Ministry of ...": the name starts at the head.
  }
  let end = head + 1;
  // "Ministry of Commerce", "Office of the Director": connectors followed by capitalised words.
  while (end < s.endToken) {
    const t = tokens[end]!;
    if (DATE_WORDS.has(t.norm)) break;
    if (isCapWord(t) && t.kind === 'word') { end++; continue; }
    if (CONNECTORS.has(t.norm) && end + 1 < s.endToken && !DATE_WORDS.has(tokens[end + 1]!.norm) && (isCapWord(tokens[end + 1]!) || (tokens[end + 1]!.norm === 'the' && isCapWord(tokens[end + 2] ?? t)))) { end++; continue; }
    break;
  }
  while (start < head && NOT_PLACES.has(tokens[start]!.norm) && tokens[start]!.norm !== 'us') start++;
  if (start === s.firstToken && start === head && end - start < 2) return null;
  return [start, end];
}

function frenchOrgName(tokens: readonly Token[], head: number, s: { firstToken: number; endToken: number }): [number, number] | null {
  let end = head + 1;
  let sawConnector = false;
  let lowercaseRun = 0;
  while (end < s.endToken && end - head <= 8) {
    const t = tokens[end]!;
    if (t.kind !== 'word') break;
    if (STOP_FR.has(t.norm) || DATE_WORDS.has(t.norm)) break;
    if (CONNECTORS.has(t.norm)) { sawConnector = true; lowercaseRun = 0; end++; continue; }
    if (!t.capitalized) {
      if (++lowercaseRun > 2) break;
      if (!sawConnector && end > head + 2) break;
    } else lowercaseRun = 0;
    end++;
  }
  while (end > head + 1 && CONNECTORS.has(tokens[end - 1]!.norm)) end--;
  if (!sawConnector && !tokens.slice(head + 1, end).some((t) => t.capitalized)) return null;
  return [head, end];
}

/** The kind of an unknown organisation from its head words (drives issuer, enforcer and reporter rules). */
const KIND_BY_WORD: [RegExp, string][] = [
  [/(?<!\p{L})(court|tribunal|cour)(?!\p{L})/iu, 'court'],
  [/(?<!\p{L})(prosecut\w*|parquet|procura\w*|attorney)(?!\p{L})/iu, 'prosecutor'],
  [/(?<!\p{L})(police|gendarmerie|constabulary)(?!\p{L})/iu, 'police'],
  [/(?<!\p{L})(parliament|parlement|assembly|assemblée|congress|senate|sénat|bundestag)(?!\p{L})/iu, 'legislature'],
  [/(?<!\p{L})(ministry|ministère|department|département)(?!\p{L})/iu, 'ministry'],
  [/(?<!\p{L})(intelligence|renseignement|security|sécurité)(?!\p{L})/iu, 'security'],
  [/(?<!\p{L})(company|corporation|ltd|inc|gmbh|llc|co|search|société)(?!\p{L})/iu, 'company'],
  [/(?<!\p{L})(embassy|ambassade|consulate|consulat)(?!\p{L})/iu, 'diplomatic'],
  [/(?<!\p{L})(party|parti)(?!\p{L})/iu, 'party'],
];

function kindOfName(name: string): string | null {
  for (const [re, kind] of KIND_BY_WORD) if (re.test(name)) return kind;
  return null;
}

/** "Chinese embassy in Washington" / "ambassade de Chine à Paris" / "ambassade chinoise à Paris": sender and host countries. */
function embassyAt(doc: AnalysedDocument, head: number, s: { firstToken: number; endToken: number }): { name: string; first: number; end: number } | null {
  const { tokens } = doc;
  const language = doc.language;
  let sender: Country | null = null;
  let first = head;
  let k = head + 1;
  const before = tokens[head - 1];
  if (language === 'en' && before && head - 1 >= s.firstToken && before.capitalized) {
    sender = countryOfWord(before.cased, 'en')?.country ?? null;
    first = head - 1;
  } else if (language === 'fr') {
    if (tokens[k]?.norm === 'de' || tokens[k]?.norm === 'du') k++;
    sender = countryOfWord(tokens[k]?.cased ?? '', 'fr')?.country ?? null;
    k++;
  }
  if (!sender) return null;
  const prep = tokens[k]?.norm;
  if (!(language === 'en' ? prep === 'in' : prep === 'a' || prep === 'en' || prep === 'au')) return null;
  const place = tokens[k + 1];
  if (!place || k + 1 >= s.endToken || !place.capitalized) return null;
  const host = countryOfWord(place.cased, language)?.country;
  if (!host || host === sender) return null;
  return { name: `Embassy of ${countryPhrase(sender.name)} in ${countryPhrase(host.name)}`, first, end: k + 2 };
}

const FRONT_WORDS = new Set(['front', 'shell', 'cover', 'ecran']);
const COMPANY_WORDS = new Set(['company', 'companies', 'firm', 'firms', 'societe', 'entreprise', 'compagnie']);
/** The capitalised name after "front company" / "société écran" (1 to 5 words), or null. */
function frontCompanyName(tokens: readonly Token[], i: number, s: { firstToken: number; endToken: number }): [number, number] | null {
  const t = tokens[i]!;
  let k: number;
  if (FRONT_WORDS.has(t.norm) && COMPANY_WORDS.has(tokens[i + 1]?.norm ?? '') && t.norm !== 'ecran') k = i + 2;
  else if (COMPANY_WORDS.has(t.norm) && (tokens[i + 1]?.norm === 'ecran' || (tokens[i + 1]?.norm === '-' && tokens[i + 2]?.norm === 'ecran'))) k = tokens[i + 1]!.norm === 'ecran' ? i + 2 : i + 3;
  else return null;
  if (tokens[k]?.norm === ',' || tokens[k]?.norm === 'called' || tokens[k]?.norm === 'named' || tokens[k]?.norm === 'baptisee') k++;
  let end = k;
  while (end < s.endToken && end - k < 5 && (isCapWord(tokens[end]!) || (end > k && ['&', 'and', 'co', 'ltd', 'inc', 'llc', 'gmbh', 'sa', 'sarl'].includes(tokens[end]!.norm) && (isCapWord(tokens[end + 1] ?? tokens[end]!) || tokens[end]!.norm !== 'and')))) end++;
  while (end > k && tokens[end - 1]!.norm === 'and') end--;
  if (end === k || NOT_PLACES.has(tokens[k]!.norm)) return null;
  return [k, end];
}

/** "Iran's U.N. mission" / "the Iranian UN mission" / "mission (permanente) de l'Iran auprès de l'ONU". */
function unMissionAt(doc: AnalysedDocument, head: number, s: { firstToken: number; endToken: number }): { name: string; first: number; end: number } | null {
  const { tokens } = doc;
  const language = doc.language;
  const named = (c: Country) => `Permanent Mission of ${countryPhrase(c.name)} to the United Nations`;
  if (language === 'en') {
    // Back over "U.N." / "UN" / "United Nations".
    let k = head - 1;
    let sawUn = false;
    if (tokens[k]?.norm === '.' && tokens[k - 1]?.norm === 'n' && tokens[k - 2]?.norm === '.' && tokens[k - 3]?.norm === 'u') { k -= 4; sawUn = true; }
    else if (tokens[k]?.cased === 'UN') { k -= 1; sawUn = true; }
    else if (tokens[k]?.norm === 'nations' && tokens[k - 1]?.norm === 'united') { k -= 2; sawUn = true; }
    if (!sawUn || k < s.firstToken) return null;
    if (tokens[k]!.norm === "'s" && k - 1 >= s.firstToken) {
      const c = countryOfWord(tokens[k - 1]!.cased, 'en')?.country;
      return c ? { name: named(c), first: k - 1, end: head + 1 } : null;
    }
    const c = tokens[k]!.capitalized ? countryOfWord(tokens[k]!.cased, 'en')?.country : undefined;
    return c ? { name: named(c), first: k, end: head + 1 } : null;
  }
  if (language === 'fr') {
    let k = head + 1;
    if (tokens[k]?.norm === 'permanente') k++;
    if (['de', 'du', "d'"].includes(tokens[k]?.norm ?? '')) {
      k++;
      if (['la', "l'", 'les'].includes(tokens[k]?.norm ?? '')) k++;
    }
    const country = countryOfWord(tokens[k]?.cased ?? '', 'fr')?.country;
    if (!country) return null;
    k++;
    if (tokens[k]?.norm === 'aupres' && ['de', 'des'].includes(tokens[k + 1]?.norm ?? '')) k += 2;
    else if (tokens[k]?.norm === 'a') k += 1;
    else return null;
    if (["l'", 'la', 'les'].includes(tokens[k]?.norm ?? '')) k++;
    const un = tokens[k]?.norm === 'onu' ? 1 : tokens[k]?.norm === 'nations' && tokens[k + 1]?.norm === 'unies' ? 2 : 0;
    if (!un || k + un > s.endToken) return null;
    return { name: named(country), first: head, end: k + un };
  }
  return null;
}
