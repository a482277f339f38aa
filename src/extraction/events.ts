/**
 * Events: trigger phrases from events.json (warnings published, campaigns launched, arrests,
 * charges, court appearances, convictions, laws adopted or entering into force, documentaries,
 * disclosures), each dated by the nearest date expression of its sentence and keyed, as the
 * ontology asks, by kind + main actor + date so that two reports of one event share an id.
 */
import type { AnalysedDocument } from './document.js';
import type { DateMention } from './dates.js';
import { GRAMMARS } from './grammar/index.js';
import { EVENT_RULES, type EventRule } from './lexicon/index.js';
import type { EntityRef, FoundMention } from './mentions.js';
import { PatternSet } from './patterns.js';
import { expandFrame } from './frames.js';
import { foldText } from '../domain/fold.js';
import type { DatePrecision } from '../domain/entities.js';

export interface EventTrigger {
  rule: EventRule;
  sentence: number;
  firstToken: number;
  endToken: number;
  start: number;
  end: number;
  date: DateMention | null;
  /** The date was only found elsewhere in the sentence, not next to the trigger. */
  softDate: boolean;
  weak: boolean;
}

export interface FoundEvent {
  rule: EventRule;
  ref: EntityRef;
  actor: EntityRef | null;
  date: string | null;
  precision: DatePrecision | null;
  triggers: EventTrigger[];
}

const ELISIONS = new Set(GRAMMARS.flatMap((g) => g.elisions));
/** Per language ("a" ends a French mention, not an English one); a text in no supported language gets them all. */
const foldedSet = (words: readonly string[]) => new Set(words.map((w) => foldText(w)));
const SPAN_STOPS_BY_LANGUAGE = new Map(GRAMMARS.map((g) => [g.language, foldedSet(g.eventSpanStops)]));
const REASON_LINKS_BY_LANGUAGE = new Map(GRAMMARS.map((g) => [g.language, foldedSet(g.eventReasonLinks)]));
const ALL_SPAN_STOPS = foldedSet(GRAMMARS.flatMap((g) => g.eventSpanStops));
const ALL_REASON_LINKS = foldedSet(GRAMMARS.flatMap((g) => g.eventReasonLinks));
const spanStops = (doc: AnalysedDocument) => SPAN_STOPS_BY_LANGUAGE.get(doc.grammar?.language ?? '') ?? ALL_SPAN_STOPS;
const MAX_OBJECT_TOKENS = 8;
/** A reason is kept in the mention only when it is short: "for espionage", not "for filming a base near ...". */
const MAX_REASON_TOKENS = 3;
interface TriggerPayload { rule: EventRule; weak: boolean }
const compiled = new Map<string, PatternSet<TriggerPayload>>();

export function triggerPatterns(language: string | null): PatternSet<TriggerPayload> {
  const key = language ?? '*';
  let set = compiled.get(key);
  if (set) return set;
  set = new PatternSet<TriggerPayload>(ELISIONS);
  for (const rule of EVENT_RULES) {
    for (const [list, weak] of [[rule.triggers, false], [rule.weakTriggers ?? {}, true]] as const) {
      for (const p of list['*'] ?? []) set.add(p, { rule, weak });
      for (const p of language ? list[language] ?? [] : []) set.add(p, { rule, weak });
    }
    const frames = language ? rule.frames?.[language] : undefined;
    for (const frame of frames === undefined ? [] : Array.isArray(frames) ? frames : [frames]) {
      const { strong, weak } = expandFrame(language!, frame);
      for (const p of strong) set.add(p, { rule, weak: false });
      for (const p of weak) set.add(p, { rule, weak: true });
    }
  }
  compiled.set(key, set);
  return set;
}

/** How far after a trigger a date may sit and still be absorbed into the event mention. */
const DATE_REACH_TOKENS = 6;

export function findEventTriggers(doc: AnalysedDocument, mentions: readonly FoundMention[]): EventTrigger[] {
  const set = triggerPatterns(doc.grammar?.language ?? null);
  const typesBySentence = new Map<number, Set<string>>();
  const docTypes = new Set<string>();
  for (const m of mentions) {
    docTypes.add(m.ref.type);
    let s = typesBySentence.get(m.sentence);
    if (!s) typesBySentence.set(m.sentence, (s = new Set()));
    s.add(m.ref.type);
  }
  const stops = spanStops(doc);
  const reasonLinks = REASON_LINKS_BY_LANGUAGE.get(doc.grammar?.language ?? '') ?? ALL_REASON_LINKS;
  const out: EventTrigger[] = [];
  for (const s of doc.sentences) {
    const matches = set.matchRange(doc.tokens, s.firstToken, s.endToken);
    if (matches.length === 0) continue;
    // Longest trigger first; overlapping shorter ones are the same happening.
    matches.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const taken = new Uint8Array(s.endToken - s.firstToken);
    for (const m of matches) {
      let free = true;
      for (let i = m.firstToken; i < m.endToken; i++) if (taken[i - s.firstToken]) free = false;
      if (!free) continue;
      const { rule, weak } = m.pattern.payload;
      // Law events need a law in the document (the sentence may say "le texte"); others in the sentence.
      if (rule.requires && !(rule.actorRole === 'law' ? docTypes.has(rule.requires) : typesBySentence.get(s.index)?.has(rule.requires))) continue;
      taken.fill(1, m.firstToken - s.firstToken, m.endToken - s.firstToken);
      const dates = doc.datesBySentence[s.index] ?? [];
      let date: DateMention | null = null;
      let endToken = m.endToken;
      // A date inside or just after the trigger belongs to it ("arrested on Tuesday", "le 1er juillet 2023").
      for (const d of dates) {
        if (d.firstToken >= m.firstToken && d.firstToken <= m.endToken + DATE_REACH_TOKENS && !crossesPunctuation(doc, m.endToken, d.firstToken)) {
          date = d;
          if (d.endToken > endToken) endToken = d.endToken;
          break;
        }
      }
      if (!date && rule.extendOverObject) {
        let k = endToken;
        while (k < s.endToken && k - endToken < MAX_OBJECT_TOKENS) {
          const t = doc.tokens[k]!;
          if (t.kind === 'punct' || stops.has(t.norm)) break;
          k++;
        }
        endToken = k;
        if (k < s.endToken && reasonLinks.has(doc.tokens[k]!.norm)) {
          const reasonEnd = shortPhraseEnd(doc, k + 1, s.endToken);
          if (reasonEnd !== null) endToken = reasonEnd;
        }
      }
      const softDate = !date;
      if (!date) date = nearestDate(dates, m.firstToken);
      out.push({ rule, weak, softDate, sentence: s.index, firstToken: m.firstToken, endToken, start: m.start, end: doc.tokens[endToken - 1]!.end, date });
    }
  }
  out.sort((a, b) => a.start - b.start);
  return joinCoordinated(doc, out);
}

const COORDINATORS = new Set(GRAMMARS.flatMap((g) => g.coordinators ?? []).map((w) => foldText(w)));
/** "arrested and expelled", "interpellés et expulsés": two acts on the same people, one mention of one event. */
function joinCoordinated(doc: AnalysedDocument, triggers: EventTrigger[]): EventTrigger[] {
  const out: EventTrigger[] = [];
  for (const t of triggers) {
    const prev = out[out.length - 1];
    if (prev && prev.sentence === t.sentence && prev.rule.actorRole === 'actor' && t.rule.actorRole === 'actor' && !prev.weak && !t.weak &&
      // Adjacent over "and", or already inside the first mention when it ran on to a date ("interpellés et expulsés en mai").
      ((t.firstToken === prev.endToken + 1 && COORDINATORS.has(doc.tokens[prev.endToken]!.norm)) || (t.firstToken < prev.endToken && COORDINATORS.has(doc.tokens[t.firstToken - 1]!.norm)))) {
      const endToken = Math.max(prev.endToken, t.endToken);
      out[out.length - 1] = { ...prev, rule: t.rule, endToken, end: doc.tokens[endToken - 1]!.end, date: prev.softDate && !t.softDate ? t.date : prev.date, softDate: prev.softDate && t.softDate };
      continue;
    }
    out.push(t);
  }
  return out;
}

/** The end of a phrase of at most MAX_REASON_TOKENS words from `from` that closes on punctuation, a stop word or the sentence end; null when longer. */
function shortPhraseEnd(doc: AnalysedDocument, from: number, sentenceEnd: number): number | null {
  let k = from;
  const stops = spanStops(doc);
  while (k < sentenceEnd && doc.tokens[k]!.kind !== 'punct' && !stops.has(doc.tokens[k]!.norm)) {
    if (k - from >= MAX_REASON_TOKENS) return null;
    k++;
  }
  return k > from ? k : null;
}

function crossesPunctuation(doc: AnalysedDocument, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const n = doc.tokens[i]!.norm;
    if (n === ',' || n === ';' || n === '.' || n === ':') return true;
  }
  return false;
}

function nearestDate(dates: readonly DateMention[], token: number): DateMention | null {
  let best: DateMention | null = null;
  let dist = Infinity;
  for (const d of dates) {
    const dd = d.firstToken >= token ? d.firstToken - token : token - d.endToken;
    if (dd < dist) { dist = dd; best = d; }
  }
  return best;
}
