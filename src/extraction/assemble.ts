/**
 * Turns resolved mentions and event triggers into entities (ids from ids.ts, canonical names,
 * aliases, dates) grouped per real-world entity.
 */
import type { AnalysedDocument } from './document.js';
import type { EventTrigger } from './events.js';
import type { EventRule } from './lexicon/index.js';
import type { EntityRef, FoundMention } from './mentions.js';
import { entityId } from '../domain/ids.js';
import { eventKey } from './identity.js';
import type { DatePrecision, EntityType, Mention } from '../domain/entities.js';

/** An entity of this document with everything the relation rules need. */
export interface DocEntity {
  id: string;
  ref: EntityRef;
  mentions: FoundMention[];
  date: string | null;
  precision: DatePrecision | null;
  /** Events only. */
  event?: {
    rule: EventRule;
    actor: DocEntity | null;
    /** Other bodies named with the actor as joint authors ("CISA, the NSA and the FBI issued ..."). */
    coActors: DocEntity[];
    triggers: EventTrigger[];
  };
}

export function entityKey(type: EntityType, name: string): string {
  return entityId(type, name);
}

/** Groups mentions by entity. */
export function groupMentions(mentions: readonly FoundMention[]): DocEntity[] {
  const byId = new Map<string, DocEntity>();
  for (const m of mentions) {
    const id = entityKey(m.ref.type, m.ref.name);
    let e = byId.get(id);
    if (!e) {
      e = { id, ref: m.ref, mentions: [], date: null, precision: null };
      byId.set(id, e);
    }
    if (m.ref.partOf.length > e.ref.partOf.length) e.ref = m.ref;
    e.mentions.push(m);
  }
  return [...byId.values()];
}

const ISSUER_EXCLUDED_KINDS = new Set(['media', 'threat', 'hacking-group']);
const ACTING_KINDS = new Set(['police', 'prosecutor', 'court', 'security', 'authority']);
const LEAD_SENTENCES = 3;
const pad = (n: number) => String(n).padStart(2, '0');

function nearestBefore(list: readonly FoundMention[], token: number): FoundMention | null {
  let best: FoundMention | null = null;
  for (const m of list) if (m.endToken <= token && (!best || m.endToken > best.endToken)) best = m;
  return best;
}

function nearestAfter(list: readonly FoundMention[], token: number): FoundMention | null {
  let best: FoundMention | null = null;
  for (const m of list) if (m.firstToken >= token && (!best || m.firstToken < best.firstToken)) best = m;
  return best;
}

const JOINERS = new Set([',', 'and', 'et', 'the', 'le', 'la', 'les', "l'", '&', 'as well as', 'ainsi que']);
function onlyJoiners(doc: AnalysedDocument, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let i = from; i < to; i++) if (!JOINERS.has(doc.tokens[i]!.norm)) return false;
  return true;
}

/** Builds Event entities from triggers: actor, date, canonical key (kind + actor + date). */
export function buildEvents(doc: AnalysedDocument, triggers: readonly EventTrigger[], entities: readonly DocEntity[]): DocEntity[] {
  const entityOf = new Map<FoundMention, DocEntity>();
  for (const e of entities) for (const m of e.mentions) entityOf.set(m, e);
  const bySentence = new Map<number, FoundMention[]>();
  for (const e of entities) for (const m of e.mentions) {
    const list = bySentence.get(m.sentence);
    if (list) list.push(m);
    else bySentence.set(m.sentence, [m]);
  }
  const agencyCounts = new Map<DocEntity, number>();
  for (const e of entities) if (e.ref.type === 'Agency' && !ISSUER_EXCLUDED_KINDS.has(e.ref.kind ?? '') && !e.ref.generic) agencyCounts.set(e, e.mentions.length);
  const mainIssuer = [...agencyCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const lawMentions = entities.filter((e) => e.ref.type === 'Law').flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);

  interface Draft { rule: EventRule; actor: DocEntity | null; aggregate: boolean; coActors: DocEntity[]; date: string | null; precision: DatePrecision | null; soft: boolean; fallback: boolean; triggers: EventTrigger[] }
  const drafts: Draft[] = [];
  let lastIssuer: DocEntity | null = null;
  const seenKinds = new Set<string>();
  // Strong triggers found the events; weak ones ("warned", "the campaign") then join them.
  const ordered = [...triggers.filter((t) => !t.weak), ...triggers.filter((t) => t.weak)];
  for (const trig of ordered) {
    const inSentence = bySentence.get(trig.sentence) ?? [];
    const agencies = inSentence.filter((m) => m.ref.type === 'Agency');
    let actor: DocEntity | null = null;
    const coActors: DocEntity[] = [];
    if (trig.actorMention) {
      // Kinds that name their actor beside the trigger (an outlet's report) found it already.
      actor = entityOf.get(trig.actorMention) ?? null;
    } else if (trig.rule.actorRole === 'issuer') {
      const candidates = agencies.filter((m) => !ISSUER_EXCLUDED_KINDS.has(m.ref.kind ?? ''));
      // A named body issues bulletins; the unnamed or hostile services it warns about do not.
      const named = candidates.filter((m) => !m.ref.generic && !m.ref.adversary);
      // A body named inside the mention is its author ("un communiqué du ministère publié jeudi", "a statement by the agency").
      const inside = candidates.find((x) => x.firstToken >= trig.firstToken && x.endToken <= trig.endToken && !x.ref.adversary) ?? null;
      const m = inside ?? nearestBefore(named, trig.firstToken) ?? nearestAfter(named, trig.endToken) ?? nearestBefore(candidates, trig.firstToken) ?? nearestAfter(candidates, trig.endToken);
      // Joint authors: agencies chained to the actor by commas and "and"/"et" only.
      let left = m;
      while (left) {
        const prev = nearestBefore(candidates, left.firstToken);
        if (!prev || !onlyJoiners(doc, prev.endToken, left.firstToken)) break;
        const ent = entityOf.get(prev);
        if (ent && !coActors.includes(ent)) coActors.push(ent);
        left = prev;
      }
      actor = m ? entityOf.get(m) ?? null : lastIssuer ?? mainIssuer;
      // "The state security authorities published ..." in a story that names the MSS: the named body issued it.
      const current: DocEntity | null = actor;
      const specific: DocEntity | undefined = current ? entities.find((x) => x.ref.type === 'Agency' && !x.ref.generic && x.ref.partOf.includes(current.ref.name) && !ISSUER_EXCLUDED_KINDS.has(x.ref.kind ?? '')) : undefined;
      if (actor && specific && (actor.ref.kind === 'authority' || actor.ref.generic)) actor = specific;
      if (actor) lastIssuer = actor;
    } else if (trig.rule.actorRole === 'actor') {
      // The kinds this event's actor usually is, most likely first; then any acting body, nearest first.
      let m: FoundMention | null = null;
      for (const kind of trig.rule.actorPreference ?? []) {
        const ofKind = agencies.filter((x) => x.ref.kind === kind);
        m = nearestAfter(ofKind, trig.endToken) ?? nearestBefore(ofKind, trig.firstToken);
        if (m) break;
      }
      const candidates = agencies.filter((x) => ACTING_KINDS.has(x.ref.kind ?? ''));
      if (!trig.rule.hostile) m ??= nearestAfter(candidates, trig.endToken) ?? nearestBefore(candidates, trig.firstToken);
      actor = m ? entityOf.get(m) ?? null : null;
      // An announced step (charges) is announced by a body of its usual kinds: the story's prosecutor, not the court named beside it.
      const preferred = trig.rule.actorPreference ?? [];
      if (trig.rule.actorRelation === 'ISSUED' && preferred.length && !preferred.includes(actor?.ref.kind ?? '')) {
        for (const kind of preferred) {
          const known = [...agencyCounts.entries()].filter(([a]) => a.ref.kind === kind).sort((a, b) => b[1] - a[1])[0]?.[0];
          if (known) { actor = known; break; }
        }
      }
    } else {
      const laws = inSentence.filter((m) => m.ref.type === 'Law');
      const m = nearestAfter(laws, trig.firstToken) ?? nearestBefore(laws, trig.firstToken) ?? nearestBefore(lawMentions, trig.firstToken) ?? lawMentions[0] ?? null;
      actor = m ? entityOf.get(m) ?? null : null;
    }
    let date = trig.date?.value ?? null;
    let precision = trig.date?.precision ?? null;
    let soft = trig.softDate;
    let fallback = false;
    // A warning, campaign, statement or disclosure reported without a date of its own is the day's
    // news: the first of its kind gets the publication date to the day, later ones the month.
    // So is an arrest, a charge or a summons the text reports without a date: to the day in the
    // lead sentences, else to the month.
    const newsFallback = trig.rule.actorRole === 'actor' && !trig.rule.hostile && !trig.weak && !trig.date;
    if (!date && doc.publication && ((trig.rule.actorRole === 'issuer' && trig.rule.actorRelation !== 'REPORTED_BY') || newsFallback)) {
      const p = doc.publication;
      const lead = (trig.rule.actorRole === 'issuer' || trig.sentence < LEAD_SENTENCES) && !seenKinds.has(trig.rule.kind) && p.day !== null;
      date = lead ? `${p.year}-${pad(p.month)}-${pad(p.day!)}` : `${p.year}-${pad(p.month)}`;
      precision = lead ? 'DAY' : 'MONTH';
      soft = true;
      fallback = true;
    }
    seenKinds.add(trig.rule.kind);
    // One happening, several mentions: the same kind (and, for law events, the same law) with
    // the same date, or where one of the two dates is missing or only loosely attached.
    // A series ("at least 15 people were arrested") is not the story's single case of the kind.
    const sameSubject = (d: Draft) =>
      d.rule.kind === trig.rule.kind && (trig.rule.actorRole !== 'law' || d.actor === actor) && (!trig.rule.actorKinds || d.actor === actor) && d.aggregate === trig.aggregate;
    // A weak mention joins the event of its kind; failing that it starts one if its kind allows,
    // else it joins any event the same kind of actor issued ("warns" in a story about a campaign).
    const anyIssued = () => drafts.find((d) => d.rule.actorRole === 'issuer' && trig.rule.actorRole === 'issuer');
    const campaign = () => (trig.rule.kind === 'warning' ? drafts.find((d) => d.rule.kind === 'campaign') : undefined);
    // A date that only comes from the publication date does not tell two mentions apart.
    const mergeDate = fallback ? null : date;
    const same = trig.weak
      ? drafts.find(sameSubject) ?? campaign() ?? (trig.rule.weakCreates ? undefined : anyIssued())
      : trig.distinct && !trig.weak
        ? undefined
        : drafts.find((d) => sameSubject(d) && (d.date === mergeDate || !mergeDate || !d.date || d.fallback || (soft !== d.soft && !d.triggers.some((t) => t.sentence === trig.sentence))));
    // A nominalised case step with a date of its own ("his extradition in May 2021") is a datable happening of its own.
    const datedNoun = trig.rule.actorRole === 'actor' && (!trig.softDate || trig.fronted === true) && trig.date !== null;
    if (!same && trig.weak && !trig.rule.weakCreates && !datedNoun) continue;
    // A warning or campaign in a text that names no agency at all is not this genre's event.
    if (!same && trig.rule.actorRole === 'issuer' && !actor && agencyCounts.size === 0) continue;
    if (same) {
      same.triggers.push(trig);
      for (const c of coActors) if (!same.coActors.includes(c)) same.coActors.push(c);
      if ((!same.date || same.fallback || (same.soft && !soft)) && date && !(fallback && same.date)) {
        same.date = date;
        same.precision = precision;
        same.soft = soft;
        same.fallback = fallback;
      }
      if (!same.actor && actor) same.actor = actor;
      continue;
    }
    drafts.push({ rule: trig.rule, actor, aggregate: trig.aggregate, coActors, date, precision, soft, fallback, triggers: [trig] });
  }
  const covered = new Uint8Array(doc.tokens.length);
  for (const e of entities) for (const m of e.mentions) covered.fill(1, m.firstToken, m.endToken);
  const keyContext = { covered };
  const usedKeys = new Set<string>();
  return drafts.map((d) => {
    const actorName = d.actor?.ref.name ?? null;
    let name: string;
    if (d.rule.actorRole === 'issuer') name = `${actorName ?? 'Unattributed'} ${d.rule.label}`;
    else if (d.rule.actorRole === 'law') name = `${actorName ?? 'Law'} ${d.rule.label}`;
    else name = `${d.rule.label[0]!.toUpperCase()}${d.rule.label.slice(1)}${actorName ? ` by ${actorName}` : ''}`;
    if (d.date) name += ` (${d.date})`;
    const first = d.triggers[0]!;
    // Two events of one document never share an id.
    let key = eventKey(doc, { kind: d.rule.kind, role: d.rule.actorRole, name, actor: d.actor, date: d.date, precision: d.precision, fallback: d.fallback, sentences: d.triggers.map((t) => t.sentence), firstToken: first.firstToken, endToken: first.endToken }, keyContext);
    for (let n = 2; usedKeys.has(key); n++) key = `${key.replace(/ #\d+$/, '')} #${n}`;
    usedKeys.add(key);
    const ref: EntityRef = { type: 'Event', name, kind: d.rule.kind, generic: false, partOf: [], entry: null };
    const mentions: FoundMention[] = d.triggers.map((t) => ({
      ref, start: t.start, end: t.end, firstToken: t.firstToken, endToken: t.endToken, sentence: t.sentence, anaphor: false, priority: 0,
    }));
    return { id: entityKey('Event', key), ref, mentions, date: d.date, precision: d.precision, event: { rule: d.rule, actor: d.actor, coActors: d.coActors.filter((c) => c !== d.actor), triggers: d.triggers } };
  });
}

/** A law's date: entry into force if the text gives it, else adoption. */
export function dateLaws(laws: readonly DocEntity[], events: readonly DocEntity[]): void {
  for (const law of laws) {
    const forced = events.find((e) => e.event?.rule.kind === 'law-in-force' && e.event.actor === law && e.date);
    const adopted = events.find((e) => e.event?.rule.kind === 'law-adoption' && e.event.actor === law && e.date);
    const source = forced ?? adopted;
    if (source) { law.date = source.date; law.precision = source.precision; }
  }
}

export function toOutputMentions(doc: AnalysedDocument, mentions: readonly FoundMention[]): Mention[] {
  const seen = new Set<string>();
  const out: Mention[] = [];
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    const k = `${m.start}:${m.end}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ start: m.start, end: m.end, text: doc.text.slice(m.start, m.end) });
  }
  return out;
}

