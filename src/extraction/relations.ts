/**
 * Relation rules (ontology "Relation types"). Each rests on one sentence, or, for the
 * document-level defaults, on the sentence of the mention it completes. Pairing is bounded:
 * entities are only paired within a sentence, plus a few document-level roles (the story's
 * threat actor, its main target group, its lead warning, its outlets), so the cost stays
 * linear in the number of mentions per sentence.
 */
import type { AnalysedDocument } from './document.js';
import type { DocEntity } from './assemble.js';
import { countryOfName, type Country } from './countries.js';
import { GRAMMARS } from './grammar/index.js';
import { PLACES } from './lexicon/index.js';
import type { FoundMention } from './mentions.js';
import { PatternSet } from './patterns.js';
import type { ExtractedRelation } from './types.js';
import type { RelationType } from '../domain/relations.js';
import type { Span } from '../domain/entities.js';

const THREAT_KINDS = new Set(['threat', 'hacking-group']);
/** Agencies whose warnings address groups (not parties, governments, prosecutors, outlets or hostile services). */
const WARNER_KINDS = new Set(['security', 'intelligence', 'authority', 'ministry', 'police']);
const ENFORCER_ORDER = ['prosecutor', 'authority', 'police', 'court', 'security'];
const ISSUER_KINDS_EXCLUDED = new Set(['media', 'threat', 'hacking-group']);
/** Events a story's case is made of, and the procedural steps that are part of it. */
const CASE_KINDS = new Set(['arrest', 'charge', 'conviction', 'network-dismantled']);
const SUB_EVENT_KINDS = new Set(['court-appearance', 'investigation', 'trial']);
/** Bodies whose statements in a case story are about the case (not the hostile services, outlets or parties). */
const ACTING_KINDS = new Set(['police', 'prosecutor', 'court', 'security', 'authority', 'intelligence', 'ministry']);
/** A country's services as a whole: "Turkish intelligence services (unspecified)", "French intelligence services". */
const UMBRELLA_SERVICES = /^[A-Z][a-z]+ intelligence services(?: \(unspecified\))?$/;
/** Security bodies that are intelligence services (not cyber-security agencies or police forces). */
const NAMED_SECURITY_SERVICE = /intelligence|security service|internal security|state security|counter-?intelligence|constitution/i;
const MINISTRY_KINDS = new Set(['ministry', 'foreign-ministry', 'interior-ministry', 'defence-ministry', 'justice-ministry']);
/** Per-sentence pairing is capped so a pathological sentence cannot go quadratic. */
const MAX_MENTIONS_PER_SENTENCE = 40;
/** Supporting sentences kept per relation. */
const MAX_EVIDENCE = 25;

const ELISIONS = new Set(GRAMMARS.flatMap((g) => g.elisions));
const compiledVerbs = new Map<string, PatternSet<string>>();
function verbPatterns(language: string | null): PatternSet<string> {
  const key = language ?? '*';
  let set = compiledVerbs.get(key);
  if (set) return set;
  set = new PatternSet<string>(ELISIONS);
  const langs = language ? [language] : Object.keys(PLACES.reportingVerbs);
  for (const l of langs) {
    for (const p of PLACES.reportingVerbs[l] ?? []) set.add(p, 'report');
    for (const p of PLACES.warningVerbs[l] ?? []) set.add(p, 'warn');
  }
  compiledVerbs.set(key, set);
  return set;
}

class RelationSet {
  private readonly byKey = new Map<string, ExtractedRelation>();
  add(type: RelationType, source: DocEntity, target: DocEntity, evidence: Span | undefined): void {
    if (source.id === target.id) return;
    const key = `${type}|${source.id}|${target.id}`;
    let r = this.byKey.get(key);
    if (!r) {
      r = { type, source: source.id, target: target.id, evidence: [] };
      this.byKey.set(key, r);
    }
    // A bounded sample of supporting sentences: enough to show and to check, never quadratic.
    if (evidence && r.evidence.length < MAX_EVIDENCE && !r.evidence.some((e) => e.start === evidence.start && e.end === evidence.end)) {
      r.evidence.push({ start: evidence.start, end: evidence.end });
    }
  }
  list(): ExtractedRelation[] {
    return [...this.byKey.values()];
  }
}

export function findRelations(doc: AnalysedDocument, entities: readonly DocEntity[], events: readonly DocEntity[]): ExtractedRelation[] {
  const rel = new RelationSet();
  const all = [...entities, ...events];
  const entityOf = new Map<FoundMention, DocEntity>();
  for (const e of all) for (const m of e.mentions) entityOf.set(m, e);
  const sentenceSpan = (i: number): Span => doc.sentences[i]!;
  const bySentence = new Map<number, DocEntity[]>();
  const addTo = (i: number, e: DocEntity) => {
    let list = bySentence.get(i);
    if (!list) bySentence.set(i, (list = []));
    if (!list.includes(e) && list.length < MAX_MENTIONS_PER_SENTENCE) list.push(e);
  };
  for (const e of all) for (const m of e.mentions) addTo(m.sentence, e);
  const agencyMentionsBySentence = new Map<number, FoundMention[]>();
  for (const e of all) if (e.ref.type === 'Agency') for (const m of e.mentions) {
    const list = agencyMentionsBySentence.get(m.sentence);
    if (!list) agencyMentionsBySentence.set(m.sentence, [m]);
    else if (list.length < MAX_MENTIONS_PER_SENTENCE) list.push(m);
  }
  const ofType = (list: readonly DocEntity[] | undefined, type: string) => (list ?? []).filter((e) => e.ref.type === type);
  const firstSentence = (e: DocEntity) => e.mentions.reduce((min, m) => Math.min(min, m.sentence), Infinity);

  const agencies = ofType(all, 'Agency');
  const byName = new Map(agencies.map((a) => [a.ref.name, a]));
  const groups = ofType(all, 'TargetGroup');
  const laws = ofType(all, 'Law');

  // Document roles.
  const warningEvents = events.filter((e) => e.event?.rule.actorRole === 'issuer');
  // Bodies that issue warnings, charges or restrictions are not the hostile actor of the story.
  const issuers = new Set(
    events.filter((e) => e.event?.rule.actorRole === 'issuer' || e.event?.rule.actorRelation === 'ISSUED').map((e) => e.event?.actor).filter((a): a is DocEntity => !!a),
  );
  const mostMentioned = (list: DocEntity[]) => [...list].sort((a, b) => b.mentions.length - a.mentions.length || firstSentence(a) - firstSentence(b))[0] ?? null;
  // The hostile actor whose methods the story describes: the unnamed foreign services, else a
  // named hostile service or hacking group, else (only then) a hostile government.
  const isThreat = (a: DocEntity) => (THREAT_KINDS.has(a.ref.kind ?? '') || a.ref.adversary === true) && !issuers.has(a);
  const namedThreats = agencies.filter(isThreat);
  const fallbackThreats = namedThreats.length ? [] : agencies.filter((a) => a.ref.adversary === 'fallback' && !issuers.has(a));
  const threat =
    mostMentioned(agencies.filter((a) => a.ref.kind === 'threat')) ?? mostMentioned(namedThreats) ?? mostMentioned(fallbackThreats) ?? null;
  const mainGroup = mostMentioned(groups);
  const enforcer = ENFORCER_ORDER.map((k) => mostMentioned(agencies.filter((a) => a.ref.kind === k))).find((a) => a) ?? null;
  const legislatures = agencies.filter((a) => a.ref.kind === 'legislature');
  const outlets = agencies.filter((a) => a.ref.kind === 'media');
  // The story's case: its first arrest, charge or conviction, else its first act of any kind (a state such as a detention is not the case).
  const mainCase = events.find((e) => CASE_KINDS.has(e.event?.rule.kind ?? '')) ?? events.find((e) => e.event?.rule.actorRole === 'actor') ?? null;
  const leadEvent = [...events].sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start)[0] ?? null;

  // PART_OF from the lexicon and from unit names.
  for (const a of agencies) for (const parent of a.ref.partOf) {
    const p = byName.get(parent);
    if (p) rel.add('PART_OF', a, p, sentenceSpan(firstSentence(a)));
  }
  // PART_OF along a state's hierarchy, when the document names both levels: a country's named
  // intelligence or security service is part of its "<Nationality> intelligence services", and its
  // ministries are part of its government. (Services as a whole -> government was measured and
  // dropped: annotators mark it in some stories only; it cost held-out relation F1.)
  const countryOf = (a: DocEntity): Country | null => countryOfName(a.ref.name);
  const umbrellaOf = new Map<Country, DocEntity>();
  const governmentOf = new Map<Country, DocEntity>();
  for (const a of agencies) {
    const c = countryOf(a);
    if (!c) continue;
    if (a.ref.kind === 'government' && a.ref.name.startsWith('Government of ')) governmentOf.set(c, a);
    else if (a.ref.kind === 'intelligence' && UMBRELLA_SERVICES.test(a.ref.name)) umbrellaOf.set(c, a);
  }
  for (const a of agencies) {
    const c = countryOf(a);
    if (!c || a.ref.generic) continue;
    const umbrella = umbrellaOf.get(c);
    const government = governmentOf.get(c);
    const isService = a.ref.kind === 'intelligence' || (a.ref.kind === 'security' && NAMED_SECURITY_SERVICE.test(a.ref.name) && !/cyber|information/i.test(a.ref.name));
    if (umbrella && a !== umbrella && isService && !UMBRELLA_SERVICES.test(a.ref.name)) rel.add('PART_OF', a, umbrella, sentenceSpan(firstSentence(a)));
    if (government && MINISTRY_KINDS.has(a.ref.kind ?? '')) rel.add('PART_OF', a, government, sentenceSpan(firstSentence(a)));
  }

  // USES and TARGETS, sentence by sentence.
  for (const [s, list] of bySentence) {
    const ev = sentenceSpan(s);
    const sTactics = ofType(list, 'Tactic');
    const sGroups = ofType(list, 'TargetGroup');
    const sThreats = ofType(list, 'Agency').filter((a) => isThreat(a) || fallbackThreats.includes(a));
    const actors = sThreats.length ? sThreats : threat ? [threat] : [];
    for (const t of sTactics) {
      for (const a of actors) rel.add('USES', a, t, ev);
      const targets = sGroups.length ? sGroups : mainGroup ? [mainGroup] : [];
      for (const g of targets) rel.add('TARGETS', t, g, ev);
    }
  }

  // Laws: who enforces and who enacted them.
  for (const law of laws) {
    for (const m of law.mentions) {
      const list = bySentence.get(m.sentence) ?? [];
      const ev = sentenceSpan(m.sentence);
      const local = ofType(list, 'Agency').filter((a) => ENFORCER_ORDER.includes(a.ref.kind ?? ''));
      for (const a of local) rel.add('ENFORCES', a, law, ev);
      for (const a of ofType(list, 'Agency').filter((x) => x.ref.kind === 'legislature')) rel.add('ENACTED', a, law, ev);
    }
    if (enforcer && !law.mentions.some((m) => ofType(bySentence.get(m.sentence), 'Agency').some((a) => ENFORCER_ORDER.includes(a.ref.kind ?? '')))) {
      rel.add('ENFORCES', enforcer, law, sentenceSpan(law.mentions[0]!.sentence));
    }
  }

  // Events.
  const verbs = verbPatterns(doc.grammar?.language ?? null);
  const verbCache = new Map<number, ReturnType<typeof verbs.matchRange>>();
  const verbsIn = (i: number) => {
    let found = verbCache.get(i);
    if (!found) {
      const sentence = doc.sentences[i]!;
      verbCache.set(i, (found = verbs.matchRange(doc.tokens, sentence.firstToken, sentence.endToken)));
    }
    return found;
  };
  for (const e of events) {
    const info = e.event!;
    for (const trig of info.triggers) {
      const list = bySentence.get(trig.sentence) ?? [];
      const ev = sentenceSpan(trig.sentence);
      const sAgencies = ofType(list, 'Agency');
      if (info.rule.actorRole === 'issuer') {
        if (info.rule.actorRelation === 'REPORTED_BY') {
          if (info.actor) rel.add('REPORTED_BY', e, info.actor, ev);
          for (const g of ofType(list, 'TargetGroup')) rel.add('INVOLVES', e, g, ev);
          if (threat) rel.add('INVOLVES', e, threat, ev);
        } else {
          if (info.actor) rel.add('ISSUED', info.actor, e, ev);
          for (const c of info.coActors) rel.add('ISSUED', c, e, ev);
        }
        for (const x of [...ofType(list, 'Tactic'), ...ofType(list, 'Law')]) rel.add('INVOLVES', e, x, ev);
        // Documentaries and disclosures are about the hostile services they expose (not warnings, campaigns or statements of concern).
        if (info.rule.kind !== 'warning' && info.rule.kind !== 'campaign' && info.rule.kind !== 'statement') for (const a of sAgencies) if (isThreat(a) && a !== info.actor) rel.add('INVOLVES', e, a, ev);
        // A body that tells people of a threat to them warns them ("had been told by the police", "ont été avisés par la DGSI").
        if ((info.rule.kind === 'warning' || info.rule.kind === 'notification') && info.actor && WARNER_KINDS.has(info.actor.ref.kind ?? '')) for (const g of ofType(list, 'TargetGroup')) rel.add('WARNS', info.actor, g, ev);
      } else if (info.rule.actorRole === 'actor') {
        if (info.rule.actorRelation === 'ISSUED' && info.actor) rel.add('ISSUED', info.actor, e, ev);
        // Prosecutors announce arrests and trials (REPORTED_BY); police, courts and the accused services take part.
        for (const a of sAgencies) {
          if (a.ref.kind === 'media' || a === info.actor && info.rule.actorRelation === 'ISSUED') continue;
          if (a.ref.kind === 'prosecutor' && info.rule.actorRelation !== 'ISSUED') rel.add('REPORTED_BY', e, a, ev);
          else rel.add('INVOLVES', e, a, ev);
        }
        // The law it is brought under and the methods the same sentence says the accused used.
        for (const x of [...ofType(list, 'Law'), ...ofType(list, 'Tactic')]) rel.add('INVOLVES', e, x, ev);
        // The story's main case is about its laws and its hostile actor, wherever they are named.
        if (e === mainCase) {
          for (const law of laws) rel.add('INVOLVES', e, law, sentenceSpan(law.mentions[0]!.sentence));
          if (threat) rel.add('INVOLVES', e, threat, ev);
        }
      } else if (info.actor) {
        rel.add('INVOLVES', e, info.actor, ev);
        if (info.rule.kind === 'law-adoption') {
          const local = sAgencies.filter((a) => a.ref.kind === 'legislature');
          // The legislature that adopted the law enacted it and took part in its adoption.
          for (const a of local.length ? local : legislatures) {
            rel.add('ENACTED', a, info.actor, ev);
            rel.add('INVOLVES', e, a, ev);
          }
        }
      }
      // Who reported it: the subject of a reporting verb, or "according to X" / "selon X".
      let coveredUntil = -1;
      // A press report names its reporter already: the outlet beside its verb.
      for (const m of info.rule.actorKinds ? [] : verbsIn(trig.sentence)) {
        if (m.pattern.payload !== 'report') continue;
        // "a annoncé" also holds "annoncé": one reporting verb, read once.
        if (m.firstToken < coveredUntil) continue;
        coveredUntil = m.endToken;
        const agencyMentions = agencyMentionsBySentence.get(trig.sentence) ?? [];
        const before = agencyMentions.filter((fm) => fm.endToken <= m.firstToken).sort((a, b) => b.endToken - a.endToken)[0];
        const after = agencyMentions.filter((fm) => fm.firstToken >= m.endToken).sort((a, b) => a.firstToken - b.firstToken)[0];
        // "selon X", "according to X", and inverted subjects (", a annoncé le parquet", ", said X") come after the verb.
        const inverted = doc.tokens[m.firstToken - 1]?.norm === ',';
        const reporterMention = /^\(?(selon|according|d'apres|cite|citant)/.test(m.pattern.source) || inverted ? after ?? before : before ?? after;
        const reporter = reporterMention ? entityOf.get(reporterMention) : undefined;
        // The hostile side (its services, its government) denies or is accused; it does not report the case.
        if (!reporter || reporter === info.actor || reporter.ref.generic || (reporter.ref.adversary && info.rule.actorRole === 'actor') || ISSUER_KINDS_EXCLUDED.has(reporter.ref.kind ?? '') && reporter.ref.kind !== 'media') continue;
        // A body that speaks of its own warning or campaign shares in issuing it; an outlet only reports it.
        if (info.rule.actorRole === 'issuer' && info.rule.actorRelation !== 'REPORTED_BY' && reporter.ref.kind !== 'media') rel.add('ISSUED', reporter, e, ev);
        else rel.add('REPORTED_BY', e, reporter, ev);
        break;
      }
    }
  }
  // Sub-events: the procedural steps of a case (a court appearance or remand, an investigation, a
  // trial) are part of the case the story is about: its first arrest, charge, conviction or dismantling.
  const byFirstMention = [...events].sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  const caseEvent = byFirstMention.find((e) => CASE_KINDS.has(e.event?.rule.kind ?? '')) ?? null;
  if (caseEvent) {
    for (const e of events) {
      if (SUB_EVENT_KINDS.has(e.event?.rule.kind ?? '')) rel.add('PART_OF', e, caseEvent, sentenceSpan(e.mentions[0]!.sentence));
      // A statement or publication by a body in a story about a case speaks about that case.
      else if (e.event?.rule.actorRole === 'issuer' && e.event.rule.kind === 'warning' && e.event.actor && ACTING_KINDS.has(e.event.actor.ref.kind ?? '')) {
        rel.add('INVOLVES', e, caseEvent, sentenceSpan(e.mentions[0]!.sentence));
      }
    }
  }

  // Outlets named in the document report its lead event.
  // An outlet whose own revelation is an event of the story reports that one, not the lead.
  const ownReports = new Set(events.filter((e) => e.event?.rule.actorKinds?.includes('media')).map((e) => e.event!.actor));
  if (leadEvent) for (const o of outlets) if (!ownReports.has(o) || leadEvent.event?.actor === o) rel.add('REPORTED_BY', leadEvent, o, sentenceSpan(o.mentions[0]!.sentence));

  // WARNS: the lead warning's issuer addresses the groups of the story; any agency warning a group in one sentence.
  const leadWarning = warningEvents.find((e) => e.event?.rule.kind === 'warning' && e.event.actor);
  // Security services and ministries address their warnings to groups; a prosecutor's or a government's statement in a case story does not.
  const leadWarner = leadWarning && WARNER_KINDS.has(leadWarning.event!.actor!.ref.kind ?? '') ? leadWarning.event!.actor! : null;
  if (leadWarner) for (const g of groups) rel.add('WARNS', leadWarner, g, sentenceSpan(g.mentions[0]!.sentence));
  // The lead warning is about the methods the story describes and the cases it discloses, wherever they are named.
  if (leadWarning) {
    for (const t of ofType(all, 'Tactic')) rel.add('INVOLVES', leadWarning, t, sentenceSpan(t.mentions[0]!.sentence));
    for (const c of events) if (c.event?.rule.actorRelation === 'REPORTED_BY') rel.add('INVOLVES', leadWarning, c, sentenceSpan(c.mentions[0]!.sentence));
  }
  for (const [s, list] of bySentence) {
    const sGroups = ofType(list, 'TargetGroup');
    if (sGroups.length === 0) continue;
    const warnVerb = verbsIn(s).find((m) => m.pattern.payload === 'warn');
    if (!warnVerb) continue;
    const warners = ofType(list, 'Agency').filter((a) => WARNER_KINDS.has(a.ref.kind ?? '') && !a.ref.generic && !a.ref.adversary);
    for (const a of warners) for (const g of sGroups) rel.add('WARNS', a, g, sentenceSpan(s));
  }
  return rel.list();
}
