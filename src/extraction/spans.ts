/**
 * Mention span adjustments for descriptive types (Tactic, TargetGroup): a nationality or
 * qualifier next to a group belongs to its mention ("German scientists", "étudiants chinois"),
 * and mentions of one group joined by a coordination ("A, B ou C") form one mention.
 */
import type { AnalysedDocument } from './document.js';
import { LEXICON_BY_NAME, PLACES } from './lexicon/index.js';
import { sharedRef, type FoundMention } from './mentions.js';
import { foldText } from '../domain/fold.js';

const QUALIFIERS = new Set(Object.values(PLACES.nationalities).flat().map((w) => foldText(w)));
const COORDINATION = new Set([',', 'et', 'ou', 'and', 'or', 'les', 'la', 'le', 'des', 'the', 'l\'']);
const MAX_COORDINATION_GAP = 5;

export function adjustDescriptiveSpans(doc: AnalysedDocument, mentions: FoundMention[]): FoundMention[] {
  const { tokens } = doc;
  const taken = new Uint8Array(tokens.length);
  for (const m of mentions) taken.fill(1, m.firstToken, m.endToken);
  for (const m of mentions) {
    if (m.ref.type !== 'TargetGroup' || m.anaphor) continue;
    const s = doc.sentences[m.sentence]!;
    // Up to two qualifiers before ("U.S. defense contractors") or after ("chercheurs allemands").
    for (let n = 0; n < 2; n++) {
      const before = m.firstToken - 1;
      if (before >= s.firstToken && !taken[before] && QUALIFIERS.has(tokens[before]!.norm)) {
        m.firstToken = before;
        taken[before] = 1;
      }
      const after = m.endToken;
      if (after < s.endToken && !taken[after] && QUALIFIERS.has(tokens[after]!.norm)) {
        m.endToken = after + 1;
        taken[after] = 1;
      }
    }
    extendOverWorkplace(doc, m, taken);
    m.start = tokens[m.firstToken]!.start;
    m.end = tokens[m.endToken - 1]!.end;
  }
  // A method's object may be a list: "understand their weaknesses, their interests and their needs".
  for (const m of mentions) if (m.ref.type === 'Tactic' && !m.anaphor) extendOverList(doc, m, taken);
  // Coordination of mentions of the same group.
  const out: FoundMention[] = [];
  for (const m of mentions) {
    const prev = out[out.length - 1];
    if (prev && prev.ref.name === m.ref.name && prev.ref.type === 'TargetGroup' && prev.sentence === m.sentence && m.firstToken - prev.endToken <= MAX_COORDINATION_GAP && !prev.anaphor && !m.anaphor) {
      let joinable = false;
      for (let i = prev.endToken; i < m.firstToken; i++) {
        const n = tokens[i]!.norm;
        if (COORDINATION.has(n)) joinable = true;
        else if (tokens[i]!.kind === 'punct' || taken[i]) { joinable = false; break; }
      }
      if (joinable) {
        prev.endToken = m.endToken;
        prev.end = m.end;
        continue;
      }
    }
    out.push(m);
  }
  return out;
}

const LIST_DETERMINERS = new Set(['ses', 'leurs', 'leur', 'son', 'sa', 'les', 'des', 'de', "d'", 'their', 'his', 'her', 'its', 'the', 'of']);
const LIST_SEPARATORS = new Set([',', 'et', 'and', 'ou', 'or']);
const MAX_LIST_ITEMS = 3;

/**
 * Items that repeat the shape of the mention's last noun (the same determiner, or none and both
 * plural) join it up to a closing "and"/"et": "recruit engineers and scientists". A verb after
 * "and" ("hack computers and steal data") has neither, so the list stops before it.
 */
function extendOverList(doc: AnalysedDocument, m: FoundMention, taken: Uint8Array): void {
  const { tokens } = doc;
  const s = doc.sentences[m.sentence]!;
  const last = tokens[m.endToken - 1]!;
  const before = tokens[m.endToken - 2];
  const det = before && m.endToken - 2 >= m.firstToken && LIST_DETERMINERS.has(before.norm) ? before.norm : null;
  if (last.kind !== 'word' || last.capitalized) return;
  const plural = (w: string) => /[sx]$/.test(w);
  let k = m.endToken;
  for (let items = 0; items < MAX_LIST_ITEMS; items++) {
    const sep = tokens[k];
    if (!sep || k >= s.endToken || !LIST_SEPARATORS.has(sep.norm)) return;
    let j = k + 1;
    if (det) {
      if (tokens[j]?.norm !== det) return;
      j++;
    }
    const word = tokens[j];
    if (!word || j >= s.endToken || word.kind !== 'word' || word.capitalized || taken[j] || (!det && !(plural(word.norm) && plural(last.norm)))) return;
    if (sep.norm !== ',') {
      m.endToken = j + 1;
      m.end = word.end;
      taken.fill(1, k, j + 1);
      return;
    }
    k = j + 1;
  }
}


/** Plural nouns for people by their work or age, which a place of work qualifies. */
const PEOPLE_NOUNS = new Set(
  ['cadres', 'employes', 'salaries', 'ingenieurs', 'techniciens', 'agents', 'jeunes', 'personnes', 'travailleurs', 'experts', 'specialistes', 'dirigeants',
    'employees', 'workers', 'staff', 'engineers', 'technicians', 'executives', 'managers', 'experts', 'specialists', 'professionals', 'people', 'personnel'],
);
const PEOPLE_ADJECTIVES = new Set(['jeunes', 'hauts', 'young', 'senior', 'junior']);
const WORKPLACE_PREPOSITIONS = new Set(['dans', 'in', 'within', 'au', 'aux', 'en']);
const WORKPLACE_DETERMINERS = new Set(['des', 'les', 'le', 'la', "l'", 'the', 'du']);
const RELATIVE = new Set(['qui', 'who', 'that']);
const WORK_VERBS = new Set(['travaillent', 'travaillant', 'work', 'working', 'oeuvrent', 'exercent', 'employed', 'employes']);
const MAX_CLAUSE = 10;

/**
 * People placed by where they work belong to the group's mention: "jeunes cadres dans des
 * secteurs stratégiques" (a sector group with the people in front), "young engineers who work in
 * the defence sector" (a people group with its relative clause, up to the clause's end).
 */
function extendOverWorkplace(doc: AnalysedDocument, m: FoundMention, taken: Uint8Array): void {
  const { tokens } = doc;
  const s = doc.sentences[m.sentence]!;
  // Before: [adj] PEOPLE (dans|in) [det] GROUP
  let k = m.firstToken - 1;
  if (k >= s.firstToken && WORKPLACE_DETERMINERS.has(tokens[k]!.norm)) k--;
  if (k > s.firstToken && WORKPLACE_PREPOSITIONS.has(tokens[k]!.norm) && !taken[k - 1] && PEOPLE_NOUNS.has(tokens[k - 1]!.norm)) {
    let first = k - 1;
    if (first - 1 >= s.firstToken && !taken[first - 1] && PEOPLE_ADJECTIVES.has(tokens[first - 1]!.norm)) first--;
    taken.fill(1, first, m.firstToken);
    m.firstToken = first;
    return;
  }
  // After: GROUP (qui|who) WORK-VERB (dans|in|for|at) ... up to the next punctuation.
  let j = m.endToken;
  if (j + 2 < s.endToken && RELATIVE.has(tokens[j]!.norm) && WORK_VERBS.has(tokens[j + 1]!.norm)) j += 2;
  else if (j + 1 < s.endToken && WORK_VERBS.has(tokens[j]!.norm)) j += 1;
  else return;
  if (!['dans', 'in', 'for', 'at', 'pour', 'sur', 'on', 'au', 'aux'].includes(tokens[j]!.norm)) return;
  let end = j + 1;
  while (end < s.endToken && end - j <= MAX_CLAUSE && tokens[end]!.kind !== 'punct') end++;
  if (end - j > MAX_CLAUSE || end === j + 1) return;
  for (let q = m.endToken; q < end; q++) if (taken[q]) return;
  taken.fill(1, m.endToken, end);
  // The clause says what sets the group apart: people (of any age or origin) who work with
  // sensitive or security information are the group with access to it.
  const clause = tokens.slice(m.endToken, end).map((t) => t.norm);
  if (clause.some((w) => INFORMATION_NOUNS.has(w)) && clause.some((w) => SENSITIVITY_MARKERS.has(w)) && ACCESS_GROUP) m.ref = sharedRef(ACCESS_GROUP);
  m.endToken = end;
}

const INFORMATION_NOUNS = new Set(['informations', 'information', 'donnees', 'data', 'documents', 'secrets', 'renseignements', 'dossiers', 'files']);
const SENSITIVITY_MARKERS = new Set(
  ['sensibles', 'sensible', 'sensitive', 'classifiees', 'classified', 'secretes', 'secret', 'secrets', 'confidentielles', 'confidential', 'securite', 'security', 'defense', 'defence'],
);
const ACCESS_GROUP = LEXICON_BY_NAME.get('People with access to classified or sensitive information');
