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
  /** The object is a series ("at least 15 people"): not the same happening as a single case of the kind. */
  aggregate: boolean;
  /** For kinds that name their actor beside the trigger (press reports): that agency. */
  actorMention: FoundMention | null;
  /** Its subject says it is another happening of the kind ("two other suspects were arrested"): it does not join the first. */
  distinct: boolean;
  /** The date opens the sentence ("En juillet, ..."): the sentence's first event's, though not beside its trigger. */
  fronted?: boolean;
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
const byLanguage = (pick: (g: (typeof GRAMMARS)[number]) => readonly string[] | undefined) => {
  const map = new Map(GRAMMARS.map((g) => [g.language, foldedSet(pick(g) ?? [])]));
  const all = foldedSet(GRAMMARS.flatMap((g) => pick(g) ?? []));
  return (doc: AnalysedDocument) => map.get(doc.grammar?.language ?? '') ?? all;
};
const distinctMarkers = byLanguage((g) => g.distinctMarkers);
const documentaryLinks = byLanguage((g) => g.documentaryLinks);
/** How far back in its clause a subject may say "other" ("trois autres Allemands soupçonnés de ... avaient été arrêtés"). */
const MAX_CLAUSE_TOKENS = 16;
/** How many words may stand between a revelation and the documentary it is made in. */
const DOCUMENTARY_GAP_TOKENS = 4;
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

const AGGREGATES = new PatternSet<true>(ELISIONS);
for (const g of GRAMMARS) for (const q of g.aggregateQuantifiers ?? []) AGGREGATES.add(q, true);
/** How far past the trigger's own words a series quantifier may stand ("arrested at least 15 people"). */
const AGGREGATE_REACH_TOKENS = 3;
/** How far an outlet may stand before its reporting verb ("the weekly Der Zeitung reported") or after it ("a appris la radio"). */
const ACTOR_BEFORE_TOKENS = 2;
const ACTOR_AFTER_TOKENS = 1;

/** The agency of one of the rule's kinds right before the trigger (its subject) or right after it (inverted subject, "du journal X"). */
function adjacentActor(agencies: readonly FoundMention[], kinds: readonly string[], firstToken: number, endToken: number): FoundMention | null {
  let best: FoundMention | null = null;
  for (const a of agencies) {
    if (!kinds.includes(a.ref.kind ?? '')) continue;
    const before = a.endToken <= firstToken && firstToken - a.endToken <= ACTOR_BEFORE_TOKENS;
    const after = a.firstToken >= endToken && a.firstToken - endToken <= ACTOR_AFTER_TOKENS;
    if ((before || after) && !best) best = a;
  }
  return best;
}

/** How far after a trigger a date may sit and still be absorbed into the event mention. */
const DATE_REACH_TOKENS = 6;

export function findEventTriggers(doc: AnalysedDocument, mentions: readonly FoundMention[]): EventTrigger[] {
  const set = triggerPatterns(doc.grammar?.language ?? null);
  const typesBySentence = new Map<number, Set<string>>();
  const agenciesBySentence = new Map<number, FoundMention[]>();
  const docTypes = new Set<string>();
  for (const m of mentions) {
    if (m.ref.type === 'Agency') {
      const list = agenciesBySentence.get(m.sentence);
      if (list) list.push(m);
      else agenciesBySentence.set(m.sentence, [m]);
    }
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
    // Longest trigger first; overlapping shorter ones are the same happening. On the same words, the more specific kind wins.
    const specific = (x: (typeof matches)[number]) => (x.pattern.payload.rule.specific ? 1 : 0);
    matches.sort((a, b) => b.end - b.start - (a.end - a.start) || specific(b) - specific(a) || a.start - b.start);
    const taken = new Uint8Array(s.endToken - s.firstToken);
    for (const m of matches) {
      let free = true;
      for (let i = m.firstToken; i < m.endToken; i++) if (taken[i - s.firstToken]) free = false;
      if (!free) continue;
      const { rule, weak } = m.pattern.payload;
      // Law events need a law in the document (the sentence may say "le texte"); others in the sentence.
      if (rule.requires && !(rule.actorRole === 'law' ? docTypes.has(rule.requires) : typesBySentence.get(s.index)?.has(rule.requires))) continue;
      const actorMention = rule.actorKinds ? adjacentActor(agenciesBySentence.get(s.index) ?? [], rule.actorKinds, m.firstToken, m.endToken) : null;
      if (rule.actorKinds && !actorMention) continue;
      taken.fill(1, m.firstToken - s.firstToken, m.endToken - s.firstToken);
      const dates = doc.datesBySentence[s.index] ?? [];
      let date: DateMention | null = null;
      let endToken = m.endToken;
      // The outlet is part of what names a press report ("the weekly X reported", "a appris la radio X").
      let firstToken = m.firstToken;
      if (actorMention && actorMention.endToken <= m.firstToken) firstToken = actorMention.firstToken;
      else if (actorMention) endToken = actorMention.endToken;
      // A date inside or just after the trigger belongs to it ("arrested on Tuesday", "le 1er juillet 2023").
      for (const d of dates) {
        if (d.firstToken >= firstToken && d.firstToken <= m.endToken + DATE_REACH_TOKENS && !crossesPunctuation(doc, m.endToken, d.firstToken)) {
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
      const distinct = saysOther(doc, s.firstToken, m.firstToken, m.endToken);
      const softDate = !date;
      if (!date) date = nearestDate(dates, m.firstToken);
      // A mention ends on a word: not on punctuation or a complementiser the trigger needed as context ("reported, citing", "reported that").
      while (endToken - firstToken > 1 && (doc.tokens[endToken - 1]!.kind === 'punct' || stops.has(doc.tokens[endToken - 1]!.norm))) endToken--;
      const aggregate = AGGREGATES.matchRange(doc.tokens, m.firstToken, Math.min(s.endToken, endToken + AGGREGATE_REACH_TOKENS)).length > 0;
      out.push({ rule, weak, softDate, aggregate, actorMention, distinct, sentence: s.index, firstToken, endToken, start: doc.tokens[firstToken]!.start, end: doc.tokens[endToken - 1]!.end, date });
    }
  }
  out.sort((a, b) => a.start - b.start);
  giveFrontedDates(doc, out);
  releaseTakenDates(doc, out);
  return joinDocumentaries(doc, joinCoordinated(doc, out));
}

/** The trigger or the clause before it says "other", "autres", "already", "déjà". */
function saysOther(doc: AnalysedDocument, sentenceStart: number, token: number, end: number): boolean {
  const markers = distinctMarkers(doc);
  // "had already been arrested", "avait déjà été adressée": an earlier happening than the story's.
  for (let k = token; k < end; k++) if (markers.has(doc.tokens[k]!.norm)) return true;
  for (let k = token - 1; k >= Math.max(sentenceStart, token - MAX_CLAUSE_TOKENS); k--) {
    const n = doc.tokens[k]!.norm;
    if (n === ',' || n === ';' || n === ':') break;
    if (markers.has(n)) return true;
  }
  return false;
}

/** A date that opens its sentence ("En juillet, ...", "On Monday the court ...") dates the sentence's first event. */
const FRONTED_DATE_TOKENS = 2;
function giveFrontedDates(doc: AnalysedDocument, triggers: EventTrigger[]): void {
  const seen = new Set<number>();
  for (const t of triggers) {
    if (seen.has(t.sentence)) continue;
    seen.add(t.sentence);
    if (!t.softDate) continue;
    const s = doc.sentences[t.sentence]!;
    const fronted = (doc.datesBySentence[t.sentence] ?? []).find((d) => d.firstToken - s.firstToken <= FRONTED_DATE_TOKENS && d.endToken <= t.firstToken);
    if (!fronted) continue;
    t.date = fronted;
    t.fronted = true;
  }
}

/** "a dévoilé dix affaires dans un documentaire", "revealed the cases in a documentary": one documentary, its mention the whole phrase. */
function joinDocumentaries(doc: AnalysedDocument, triggers: EventTrigger[]): EventTrigger[] {
  const links = documentaryLinks(doc);
  const out: EventTrigger[] = [];
  for (const t of triggers) {
    const prev = out[out.length - 1];
    // The revelation's mention may already run on over the documentary when a date follows it.
    if (prev && t.rule.kind === 'documentary' && prev.rule.actorRole === 'issuer' && prev.rule.kind !== 'documentary' && prev.sentence === t.sentence &&
      t.firstToken > prev.firstToken && t.firstToken - prev.endToken <= DOCUMENTARY_GAP_TOKENS) {
      let linked = false;
      let clean = true;
      for (let i = Math.max(prev.firstToken + 1, Math.min(prev.endToken, t.firstToken - DOCUMENTARY_GAP_TOKENS)); i < t.firstToken; i++) {
        const tok = doc.tokens[i]!;
        if (tok.kind === 'punct') clean = false;
        if (links.has(tok.norm)) linked = true;
      }
      if (linked && clean) {
        const endToken = Math.max(prev.endToken, t.endToken);
        out[out.length - 1] = { ...t, firstToken: prev.firstToken, start: prev.start, endToken, end: doc.tokens[endToken - 1]!.end, weak: false, date: prev.softDate ? t.date : prev.date, softDate: prev.softDate && t.softDate };
        continue;
      }
    }
    out.push(t);
  }
  return out;
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

/** A date that stands next to one trigger is that trigger's: another trigger of the sentence only borrows a date no trigger holds ("said on 8 March it would follow rules rolled out in October"). */
function releaseTakenDates(doc: AnalysedDocument, triggers: EventTrigger[]): void {
  const heldBySentence = new Map<number, Set<DateMention>>();
  for (const o of triggers) {
    if (o.softDate || !o.date) continue;
    const held = heldBySentence.get(o.sentence);
    if (held) held.add(o.date);
    else heldBySentence.set(o.sentence, new Set([o.date]));
  }
  for (const t of triggers) {
    if (!t.softDate || !t.date) continue;
    // Only firm triggers hold a date, so a soft one never finds itself in this set.
    const held = heldBySentence.get(t.sentence);
    if (!held?.has(t.date)) continue;
    t.date = nearestDate((doc.datesBySentence[t.sentence] ?? []).filter((d) => !held.has(d)), t.firstToken);
  }
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
