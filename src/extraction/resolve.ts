/**
 * Mention resolution and in-document canonicalisation:
 * 1. names: overlapping candidates are settled longest first, then by priority;
 * 2. anaphora ("the ministry", "le parquet") go to the entity of that entry named most
 *    recently before them (or anywhere in the document), and are dropped otherwise;
 * 3. apposition: a generic description followed by a specific name, "Chinese secret service
 *    MSS" / "services secrets chinois (MSS)", is that specific entity; the description then
 *    means it for the rest of the document.
 */
import type { EntityType } from '../domain/entities.js';
import type { AnalysedDocument } from './document.js';
import type { FoundMention, EntityRef } from './mentions.js';
import { foldText } from '../domain/fold.js';
import { countryContext, countryOfName, type Country } from './countries.js';
import { isDateline } from './names.js';

function byLengthThenPriority(a: FoundMention, b: FoundMention): number {
  return b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start;
}

function overlapsTaken(taken: Uint8Array, m: FoundMention): boolean {
  for (let i = m.firstToken; i < m.endToken; i++) if (taken[i]) return true;
  return false;
}

function take(taken: Uint8Array, m: FoundMention): void {
  taken.fill(1, m.firstToken, m.endToken);
}

type ResolutionLayer = 'names' | 'tactics' | 'groups' | 'none';

/**
 * The layer each type's mentions are settled in. Exhaustive, so a new entity type does not
 * compile until it is given a layer; Events come from triggers (events.ts), not from mentions.
 */
const RESOLUTION_LAYER: Record<EntityType, ResolutionLayer> = {
  Agency: 'names',
  Law: 'names',
  Tactic: 'tactics',
  TargetGroup: 'groups',
  Event: 'none',
};

/**
 * Names of agencies and laws are settled first; then tactics and target groups, each in their
 * own layer, so that "spying on dissidents" can be a tactic and hold the group "dissidents".
 */
export function resolveMentions(doc: AnalysedDocument, candidates: FoundMention[]): FoundMention[] {
  // Institutions named by their function ("la police allemande", "the ministry") come last:
  // a name or a lexicon description of the same words wins.
  const isDescription = (m: FoundMention) => 'description' in m;
  candidates = chooseAmongHomonyms(doc, candidates).filter((m) => !placeNotActor(doc, m) && !personOfAgency(doc, m));
  const inLayer = (layer: ResolutionLayer) => candidates.filter((m) => RESOLUTION_LAYER[m.ref.type] === layer);
  // A general rule's name inside a description of a known function ("le ministère des Affaires
  // étrangères") is that description: the country context, not the words, says whose it is.
  const descriptions = candidates.filter(isDescription);
  const insideDescription = (m: FoundMention) =>
    m.ref.type === 'Agency' && m.ref.entry === null && descriptions.some((d) => d.firstToken <= m.firstToken && m.endToken <= d.endToken);
  // A known body's name inside a place-qualified description of its kind is that place's body:
  // "the Busan Metropolitan Police" is not London's Metropolitan Police.
  // So is an unnamed body inside a description that gives its country: "North Korean state-backed hackers".
  const qualified = (d: FoundMention) => (d as { description?: { bare: boolean; local: boolean } }).description;
  const localDescriptions = descriptions.filter((d) => qualified(d)?.local || (!qualified(d)?.bare && d.ref.kind === 'hacking-group'));
  const localAt = new Map<number, FoundMention[]>();
  for (const d of localDescriptions) {
    const list = localAt.get(d.firstToken);
    if (list) list.push(d);
    else localAt.set(d.firstToken, [d]);
  }
  const containing = (m: FoundMention) => {
    // Descriptions are a few tokens long: look only at those starting just before the name.
    const out: FoundMention[] = [];
    for (let k = Math.max(0, m.firstToken - 4); k <= m.firstToken; k++) for (const d of localAt.get(k) ?? []) if (m.endToken <= d.endToken && d.endToken - d.firstToken > m.endToken - m.firstToken) out.push(d);
    return out;
  };
  const insideLocalDescription = (m: FoundMention) =>
    m.ref.type === 'Agency' && m.ref.entry !== null && localAt.size > 0 && containing(m).some((d) => d.ref.kind === m.ref.kind || m.ref.kind === 'government' || m.ref.generic);
  const names = resolveLayer(doc, inLayer('names').filter((m) => !isDescription(m) && !insideDescription(m) && !insideLocalDescription(m)), null);
  const blocked = new Uint8Array(doc.tokens.length);
  for (const m of names) blocked.fill(1, m.firstToken, m.endToken);
  for (const m of inLayer('names').filter(isDescription).sort(byLengthThenPriority)) {
    if (overlapsTaken(blocked, m)) continue;
    take(blocked, m);
    names.push(m);
  }
  // A method may hold the body it is aimed at or works with ("meeting North Korean agents"): a
  // tactic may contain a whole agency name, never cut one.
  const agencyAt = new Array<FoundMention | undefined>(doc.tokens.length);
  const forTactics = blocked.slice();
  for (const m of names) {
    if (m.ref.type !== 'Agency') continue;
    forTactics.fill(0, m.firstToken, m.endToken);
    for (let k = m.firstToken; k < m.endToken; k++) agencyAt[k] = m;
  }
  const cutsAName = (t: FoundMention) => {
    for (let k = t.firstToken; k < t.endToken; k++) {
      const m = agencyAt[k];
      if (m && (m.firstToken < t.firstToken || m.endToken > t.endToken || (m.firstToken === t.firstToken && m.endToken === t.endToken))) return true;
    }
    return false;
  };
  const tactics = resolveLayer(doc, inLayer('tactics').filter((t) => !cutsAName(t)), forTactics);
  const groups = resolveLayer(doc, inLayer('groups'), blocked);
  return [...names, ...tactics, ...groups].sort((a, b) => a.start - b.start);
}

/** A capital standing for its government ("Washington") opening a dispatch is the dateline's place. */
function placeNotActor(doc: AnalysedDocument, m: FoundMention): boolean {
  return m.ref.type === 'Agency' && m.ref.kind === 'government' && m.endToken - m.firstToken === 1 && isDateline(doc, m.firstToken, m.endToken);
}

/** Words naming a person of a body: "a Chinese intelligence official" is a person, not the services. */
const PERSON_NOUNS = new Set(['official', 'officials', 'officer', 'officers', 'operative', 'operatives', 'agent', 'agents', 'chief', 'chiefs', 'director', 'head', 'spokesman', 'spokeswoman', 'spokesperson', 'source', 'sources', 'veteran', 'analyst', 'handler', 'handlers']);
/** Only unnamed bodies: "an MSS officer" still names the MSS. */
function personOfAgency(doc: AnalysedDocument, m: FoundMention): boolean {
  if (m.ref.type !== 'Agency' || !m.ref.generic || m.anaphor) return false;
  const next = doc.tokens[m.endToken];
  return !!next && doc.sentenceOfToken[m.endToken] === m.sentence && PERSON_NOUNS.has(next.norm);
}

/**
 * An acronym or short name several bodies share ("NCSC": the UK's cyber centre and the US
 * counter-intelligence centre; "MSS": China's and North Korea's ministries) means the one the
 * document also names in full, else the one of the country the story is about.
 */
function chooseAmongHomonyms(doc: AnalysedDocument, candidates: FoundMention[]): FoundMention[] {
  const bySpan = new Map<string, FoundMention[]>();
  for (const m of candidates) {
    if (m.ref.type !== 'Agency' || !m.ref.entry || m.anaphor) continue;
    const k = `${m.firstToken}:${m.endToken}`;
    const list = bySpan.get(k);
    if (list) list.push(m);
    else bySpan.set(k, [m]);
  }
  const dropped = new Set<FoundMention>();
  let context: readonly Country[] | null = null;
  for (const list of bySpan.values()) {
    if (new Set(list.map((m) => m.ref.name)).size < 2) continue;
    const namedInFull = (m: FoundMention) => candidates.some((o) => o.ref.name === m.ref.name && !o.anaphor && o.endToken - o.firstToken > m.endToken - m.firstToken);
    context ??= countryContext(doc);
    const rank = (m: FoundMention) => {
      if (namedInFull(m)) return -1;
      const country = countryOfName(m.ref.name);
      const at = country ? context!.indexOf(country) : -1;
      return at >= 0 ? at : country ? 1000 : 500;
    };
    const best = [...list].sort((a, b) => rank(a) - rank(b))[0]!;
    for (const m of list) if (m.ref.name !== best.ref.name) dropped.add(m);
  }
  return dropped.size ? candidates.filter((m) => !dropped.has(m)) : candidates;
}

function resolveLayer(doc: AnalysedDocument, candidates: FoundMention[], blocked: Uint8Array | null): FoundMention[] {
  const taken = blocked ? blocked.slice() : new Uint8Array(doc.tokens.length);
  const accepted: FoundMention[] = [];
  const names = candidates.filter((m) => !m.anaphor).sort(byLengthThenPriority);
  for (const m of names) {
    if (overlapsTaken(taken, m)) continue;
    take(taken, m);
    accepted.push(m);
  }
  applyApposition(doc, accepted, taken);

  // Named positions per entity, for anaphora.
  const namedAt = new Map<string, number[]>();
  for (const m of accepted) {
    const key = m.ref.type + '|' + m.ref.name;
    const list = namedAt.get(key);
    if (list) list.push(m.start);
    else namedAt.set(key, [m.start]);
  }
  for (const list of namedAt.values()) list.sort((a, b) => a - b);
  /** Start of the last naming mention before `pos` (binary search), -1 if only after, -2 if never named. */
  const lastNamedBefore = (ref: EntityRef, pos: number): number => {
    const list = namedAt.get(ref.type + '|' + ref.name);
    if (!list) return -2;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? list[lo - 1]! : -1;
  };
  // Anaphora grouped by span: the same words may refer back to several entries.
  const groups = new Map<string, FoundMention[]>();
  for (const m of candidates) {
    if (!m.anaphor) continue;
    const k = `${m.start}:${m.end}`;
    const g = groups.get(k);
    if (g) g.push(m);
    else groups.set(k, [m]);
  }
  const anaphorGroups = [...groups.values()].sort((a, b) => byLengthThenPriority(a[0]!, b[0]!));
  for (const group of anaphorGroups) {
    const first = group[0]!;
    if (overlapsTaken(taken, first)) continue;
    let best: FoundMention | null = null;
    let bestPos = -2;
    for (const m of group) {
      const pos = lastNamedBefore(m.ref, m.start);
      if (pos > bestPos) { best = m; bestPos = pos; }
    }
    if (!best || bestPos === -2) continue; // the entity is never named in this document
    take(taken, best);
    accepted.push(best);
  }
  accepted.sort((a, b) => a.start - b.start);
  return accepted;
}

/**
 * "services secrets chinois (MSS)", "Chinese secret service MSS": a generic mention directly
 * followed by a specific one of the same type becomes one mention of the specific entity, and
 * the generic words mean that entity for the rest of the document.
 */
function applyApposition(doc: AnalysedDocument, accepted: FoundMention[], taken: Uint8Array): void {
  const byFirstToken = new Map<number, FoundMention>();
  for (const m of accepted) byFirstToken.set(m.firstToken, m);
  const redirects = new Map<string, EntityRef>();
  const removed = new Set<FoundMention>();
  for (const m of accepted) {
    if (!m.ref.generic || removed.has(m)) continue;
    let next = m.endToken;
    const paren = doc.tokens[next]?.norm === '(';
    if (paren) next++;
    const specific = byFirstToken.get(next);
    if (!specific || specific.ref.generic || specific.ref.type !== m.ref.type) continue;
    if (paren && doc.tokens[specific.endToken]?.norm !== ')') continue;
    const surface = foldText(doc.text.slice(m.start, m.end));
    redirects.set(surface, specific.ref);
    m.ref = specific.ref;
    m.endToken = specific.endToken + (paren ? 1 : 0);
    m.end = doc.tokens[m.endToken - 1]!.end;
    removed.add(specific);
    take(taken, m);
  }
  if (redirects.size === 0) return;
  for (const m of accepted) {
    if (!m.ref.generic) continue;
    const to = redirects.get(foldText(doc.text.slice(m.start, m.end)));
    if (to) m.ref = to;
  }
  for (let i = accepted.length - 1; i >= 0; i--) if (removed.has(accepted[i]!)) accepted.splice(i, 1);
}

/**
 * "National Counterintelligence and Security Center (NCSC)": an acronym the document defines
 * after a name means that entity throughout the document, whatever the lexicon's reading of it
 * (the UK's NCSC is another agency).
 */
export function applyDefinedAcronyms(doc: AnalysedDocument, mentions: FoundMention[]): FoundMention[] {
  const { tokens } = doc;
  const defined = new Map<string, EntityRef>();
  const byFirst = new Map<number, FoundMention>();
  for (const m of mentions) if (m.ref.type === 'Agency') byFirst.set(m.firstToken, m);
  for (const m of mentions) {
    if (m.ref.type !== 'Agency' || m.anaphor || m.endToken - m.firstToken < 2) continue;
    let k = m.endToken;
    if (tokens[k]?.norm !== '(') continue;
    const acronym = tokens[k + 1];
    if (!acronym || tokens[k + 2]?.norm !== ')' || !/^[A-Z][A-Za-z0-9]{1,7}$/.test(acronym.cased)) continue;
    if (!defined.has(acronym.cased)) defined.set(acronym.cased, m.ref);
    k++;
    if (!byFirst.has(k)) byFirst.set(k, m);
  }
  if (defined.size === 0) return mentions;
  for (const m of mentions) {
    if (m.ref.type !== 'Agency' || m.endToken - m.firstToken !== 1) continue;
    const to = defined.get(tokens[m.firstToken]!.cased);
    if (to && to !== m.ref) m.ref = to;
  }
  return mentions;
}
