/**
 * A small token-pattern language, so that lexicon and grammar DATA files can describe
 * surface forms without code:
 *
 *   words            matched on folded tokens (case, accents, apostrophes), singular or plural
 *   (a b|c|)         alternatives, nested; an empty alternative makes the group optional
 *   word*            any word starting with "word" (publi* = publié, publie, published)
 *   _                exactly one word
 *   ~N               a gap of 0..N tokens (never across . ! ? ; :); the longest match wins
 *   MSS, AfD, MI5    words with a capital after the first letter are acronyms: case-sensitive
 *   =Français        a leading = makes one word case-sensitive (the noun, not the adjective)
 *   Capitalised      in proper names (agencies, laws) written with capitals, the matched words
 *                    must hold a capital: "le monde" is not the newspaper "Le Monde"
 *   [sz] x?          regex habits are accepted: a character class, an optional letter
 *
 * Patterns are indexed by their first word, so matching a text costs one map lookup per token
 * plus the few candidate patterns that start with it: linear in the text.
 */
import { tokenize, type Token } from './text/tokenize.js';

type Slot =
  | { kind: 'word'; key: string; cased: string | null; exact: string | null; capital: boolean }
  | { kind: 'set'; keys: Set<string>; exacts: Set<string> | null; prefixes: string[] }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'any' }
  | { kind: 'gap'; max: number };

export interface CompiledPattern<T> {
  source: string;
  slots: Slot[];
  payload: T;
  /** A proper name with capitalised words: some word of the match must be capitalised ("le monde" is not "Le Monde"). */
  needsCapital: boolean;
}

export interface PatternMatch<T> {
  pattern: CompiledPattern<T>;
  /** Token range, end exclusive. */
  firstToken: number;
  endToken: number;
  start: number;
  end: number;
}

const MAX_EXPANSIONS = 4096;
const GAP_BARRIERS = new Set(['.', '!', '?', ';', ':']);

/** Expands "(a|b) c (d|)" into ["a c d", "a c", "b c d", "b c"]. */
export function expandAlternatives(source: string): string[] {
  const parseSeq = (s: string, pos: number, inGroup: boolean): [string[][], number] => {
    // Returns alternatives (each a list of pieces to concatenate) and the position reached.
    const alternatives: string[][] = [];
    let current: string[][] = [['']];
    let i = pos;
    const flush = () => {
      // cartesian product of pieces in `current`
      let acc = [''];
      for (const options of current) {
        const next: string[] = [];
        for (const a of acc) for (const o of options) {
          next.push(a + o);
          if (next.length > MAX_EXPANSIONS) throw new Error(`pattern expands to too many forms: ${source}`);
        }
        acc = next;
      }
      alternatives.push(acc);
    };
    while (i < s.length) {
      const c = s[i]!;
      if (c === '(') {
        const [alts, after] = parseSeq(s, i + 1, true);
        current.push(alts.flat());
        i = after;
        continue;
      }
      if (c === '|' && inGroup) {
        flush();
        current = [['']];
        i++;
        continue;
      }
      if (c === ')' && inGroup) {
        flush();
        return [alternatives, i + 1];
      }
      current.push([c]);
      i++;
    }
    if (inGroup) throw new Error(`unbalanced parenthesis in pattern: ${source}`);
    flush();
    return [alternatives, i];
  };
  const [alts] = parseSeq(source, 0, false);
  return [...new Set(alts.flat().map((x) => x.replace(/\s+/g, ' ').trim()).filter(Boolean))];
}

/** Rewrites regex habits into the group syntax: "[- ]?" -> "(-| |)", "[sz]" -> "(s|z)", "s?" -> "(s|)". */
export function desugar(source: string): string {
  return source
    .replace(/\[([^\]]+)\]\?/g, (_, chars: string) => `(${[...chars].join('|')}|)`)
    .replace(/\[([^\]]+)\]/g, (_, chars: string) => `(${[...chars].join('|')})`)
    .replace(/(\p{L}{2})s\?(?!\p{L})/gu, '$1s') // plural folding already matches both forms
    .replace(/(\p{L})\?/gu, '($1|)')
    .replace(/([\s"])\?/g, '$1');
}

const ACRONYM = /^\p{L}[\p{L}\p{N}]*\p{Lu}/u;

const SINGLE_WORD = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*\*?$/u;
const PLACEHOLDER = /^zqset(\d+)zq$/;

/**
 * A group of single words, "(arrested|detained|apprehended)", becomes one slot holding the set
 * instead of one pattern per word: the lexicon compiles in a fraction of the time and memory.
 * Returns the source with such groups replaced by placeholders, and the groups.
 */
function extractWordSets(source: string): [string, string[][]] {
  const sets: string[][] = [];
  const out = source.replace(/(^|\s)\(([^()]*)\)(?=\s|$)/g, (whole, before: string, body: string) => {
    const alternatives = body.split('|');
    if (alternatives.length < 2 || alternatives.some((a) => !SINGLE_WORD.test(a) || ACRONYM.test(a))) return whole;
    sets.push(alternatives);
    return `${before}zqset${sets.length - 1}zq`;
  });
  return [out, sets];
}

function compileOne(form: string, elisions: ReadonlySet<string>, exactNumber: boolean, sets: string[][] = [], capitalsMatter = false): Slot[] {
  const tokens = tokenize(form, { elisions });
  const slots: Slot[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const placeholder = PLACEHOLDER.exec(t.norm);
    if (placeholder) {
      const slot: Slot = { kind: 'set', keys: new Set(), exacts: exactNumber ? new Set() : null, prefixes: [] };
      for (const word of sets[Number(placeholder[1])] ?? []) {
        const w = tokenize(word.replace(/\*$/, ''), { elisions })[0];
        if (!w) continue;
        if (word.endsWith('*')) slot.prefixes.push(w.norm);
        else {
          slot.keys.add(w.key);
          slot.exacts?.add(w.norm);
        }
      }
      slots.push(slot);
      continue;
    }
    if (t.norm === '_') { slots.push({ kind: 'any' }); continue; }
    if (t.norm === '=' && next && !next.afterSpace && next.kind === 'word') {
      slots.push({ kind: 'word', key: next.key, cased: next.cased, exact: null, capital: false });
      i++;
      continue;
    }
    if (t.norm === '~' && next?.kind === 'number') {
      slots.push({ kind: 'gap', max: Number(next.norm) });
      i++;
      continue;
    }
    if (next?.norm === '*' && !next.afterSpace) {
      slots.push({ kind: 'prefix', prefix: t.norm });
      i++;
      continue;
    }
    const raw = form.slice(t.start, t.end);
    // In a proper name, a word written with a capital only matches a capitalised word: the
    // newspaper "Le Monde" is not the common phrase "le monde".
    const capital = capitalsMatter && t.kind === 'word' && t.capitalized;
    slots.push({ kind: 'word', key: t.key, cased: t.kind === 'word' && ACRONYM.test(raw) ? t.cased : null, exact: exactNumber ? t.norm : null, capital });
  }
  return slots;
}

export class PatternSet<T> {
  private readonly byFirstKey = new Map<string, CompiledPattern<T>[]>();
  private readonly byFirstPrefix = new Map<string, CompiledPattern<T>[]>();
  /** Patterns that start with "_" (any word): tried at every word, so keep them few. */
  private readonly anyFirst: CompiledPattern<T>[] = [];
  readonly size: number = 0;

  constructor(private readonly elisions: ReadonlySet<string>) {}

  /**
   * Adds every form of `source`; returns how many forms were added. `exactNumber` turns plural
   * folding off (groups are written in the plural: "students" must not match "a student").
   */
  add(source: string, payload: T, exactNumber = false, capitalsMatter = false): number {
    let added = 0;
    const [withSets, sets] = extractWordSets(desugar(source));
    for (const form of expandAlternatives(withSets)) {
      const slots = compileOne(form, this.elisions, exactNumber, sets, capitalsMatter);
      const first = slots[0];
      if (!first || first.kind === 'gap' || (first.kind === 'any' && slots.length < 2)) throw new Error(`pattern must start with a word: ${source}`);
      const needsCapital = slots.some((x) => x.kind === 'word' && x.capital);
      const pattern: CompiledPattern<T> = { source, slots, payload, needsCapital };
      if (first.kind === 'any') this.anyFirst.push(pattern);
      else if (first.kind === 'word') push(this.byFirstKey, first.key, pattern);
      else if (first.kind === 'prefix') push(this.byFirstPrefix, first.prefix.slice(0, 3), pattern);
      else {
        for (const key of first.keys) push(this.byFirstKey, key, pattern);
        for (const prefix of new Set(first.prefixes.map((p) => p.slice(0, 3)))) push(this.byFirstPrefix, prefix, pattern);
      }
      added++;
    }
    (this as { size: number }).size += added;
    return added;
  }

  /** Every match starting at each token of [from, to), not crossing `to`. */
  matchRange(tokens: readonly Token[], from: number, to: number, out: PatternMatch<T>[] = []): PatternMatch<T>[] {
    for (let i = from; i < to; i++) {
      const t = tokens[i]!;
      const byKey = this.byFirstKey.get(t.key);
      if (byKey) for (const p of byKey) this.tryAt(p, tokens, i, to, out);
      if (t.kind === 'word' && t.norm.length >= 3) {
        const byPrefix = this.byFirstPrefix.get(t.norm.slice(0, 3));
        // A pattern whose first slot is a set may sit in both indexes: try it once per token.
        if (byPrefix) for (const p of byPrefix) if (!(byKey && p.slots[0]!.kind === 'set' && byKey.includes(p))) this.tryAt(p, tokens, i, to, out);
      }
      if (t.kind === 'word') for (const p of this.anyFirst) this.tryAt(p, tokens, i, to, out);
    }
    return out;
  }

  private tryAt(p: CompiledPattern<T>, tokens: readonly Token[], i: number, limit: number, out: PatternMatch<T>[]): void {
    const end = matchSlots(p.slots, 0, tokens, i, limit);
    if (end > i && p.needsCapital && !anyCapitalised(tokens, i, end)) return;
    if (end > i) out.push({ pattern: p, firstToken: i, endToken: end, start: tokens[i]!.start, end: tokens[end - 1]!.end });
  }
}

function anyCapitalised(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k]!.capitalized && tokens[k]!.kind === 'word') return true;
  return false;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function slotMatches(slot: Slot, t: Token): boolean {
  switch (slot.kind) {
    case 'word':
      if (slot.cased !== null) return t.cased === slot.cased;
      if (slot.exact !== null) return t.norm === slot.exact;
      return t.key === slot.key;
    case 'prefix':
      return t.kind === 'word' && t.norm.startsWith(slot.prefix);
    case 'set':
      if (slot.exacts ? slot.exacts.has(t.norm) : slot.keys.has(t.key)) return true;
      return t.kind === 'word' && slot.prefixes.some((p) => t.norm.startsWith(p));
    case 'any':
      return t.kind !== 'punct';
    default:
      return false;
  }
}

/** Returns the token index one past the match, or -1. Gaps are lazy: the shortest gap wins. */
function matchSlots(slots: readonly Slot[], s: number, tokens: readonly Token[], i: number, limit: number): number {
  while (s < slots.length) {
    const slot = slots[s]!;
    if (slot.kind === 'gap') {
      // Every gap length is tried (at most max + 1) and the longest match wins, as if each
      // alternative after the gap were its own pattern.
      let best = -1;
      for (let g = 0; g <= slot.max; g++) {
        const at = i + g;
        if (at > limit) break;
        if (g > 0 && GAP_BARRIERS.has(tokens[at - 1]!.norm)) break;
        const end = matchSlots(slots, s + 1, tokens, at, limit);
        if (end > best) best = end;
      }
      return best;
    }
    if (i >= limit || !slotMatches(slot, tokens[i]!)) return -1;
    i++;
    s++;
  }
  return i;
}
