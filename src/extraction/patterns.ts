/**
 * A small token-pattern language, so that lexicon and grammar DATA files can describe
 * surface forms without code:
 *
 *   words            matched on folded tokens (case, accents, apostrophes), singular or plural
 *   (a b|c|)         alternatives, nested; an empty alternative makes the group optional
 *   word*            any word starting with "word" (publi* = publié, publie, published)
 *   _                exactly one word
 *   ~N               a gap of 0..N tokens (never across . ! ? ; :)
 *   MSS, AfD, MI5    words with a capital after the first letter are acronyms: case-sensitive
 *   =Français        a leading = makes one word case-sensitive (the noun, not the adjective)
 *   [sz] x?          regex habits are accepted: a character class, an optional letter
 *
 * Patterns are indexed by their first word, so matching a text costs one map lookup per token
 * plus the few candidate patterns that start with it: linear in the text.
 */
import { stemKey } from './text/fold.js';
import { tokenize, type Token } from './text/tokenize.js';

type Slot =
  | { kind: 'word'; key: string; cased: string | null; exact: string | null }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'any' }
  | { kind: 'gap'; max: number };

export interface CompiledPattern<T> {
  source: string;
  slots: Slot[];
  payload: T;
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

function compileOne(form: string, elisions: ReadonlySet<string>, exactNumber: boolean): Slot[] {
  const tokens = tokenize(form, { elisions });
  const slots: Slot[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (t.norm === '_') { slots.push({ kind: 'any' }); continue; }
    if (t.norm === '=' && next && !next.afterSpace && next.kind === 'word') {
      slots.push({ kind: 'word', key: next.key, cased: next.cased, exact: null });
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
    slots.push({ kind: 'word', key: t.key, cased: t.kind === 'word' && ACRONYM.test(raw) ? t.cased : null, exact: exactNumber ? t.norm : null });
  }
  return slots;
}

export class PatternSet<T> {
  private readonly byFirstKey = new Map<string, CompiledPattern<T>[]>();
  private readonly byFirstPrefix = new Map<string, CompiledPattern<T>[]>();
  readonly size: number = 0;

  constructor(private readonly elisions: ReadonlySet<string>) {}

  /**
   * Adds every form of `source`; returns how many forms were added. `exactNumber` turns plural
   * folding off (groups are written in the plural: "students" must not match "a student").
   */
  add(source: string, payload: T, exactNumber = false): number {
    let added = 0;
    for (const form of expandAlternatives(desugar(source))) {
      const slots = compileOne(form, this.elisions, exactNumber);
      const first = slots[0];
      if (!first || first.kind === 'gap' || first.kind === 'any') throw new Error(`pattern must start with a word: ${source}`);
      const pattern: CompiledPattern<T> = { source, slots, payload };
      if (first.kind === 'word') push(this.byFirstKey, first.key, pattern);
      else push(this.byFirstPrefix, first.prefix.slice(0, 3), pattern);
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
        if (byPrefix) for (const p of byPrefix) this.tryAt(p, tokens, i, to, out);
      }
    }
    return out;
  }

  private tryAt(p: CompiledPattern<T>, tokens: readonly Token[], i: number, limit: number, out: PatternMatch<T>[]): void {
    const end = matchSlots(p.slots, 0, tokens, i, limit);
    if (end > i) out.push({ pattern: p, firstToken: i, endToken: end, start: tokens[i]!.start, end: tokens[end - 1]!.end });
  }
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
      for (let g = 0; g <= slot.max; g++) {
        const at = i + g;
        if (at > limit) break;
        if (g > 0 && GAP_BARRIERS.has(tokens[at - 1]!.norm)) break;
        const end = matchSlots(slots, s + 1, tokens, at, limit);
        if (end >= 0) return end;
      }
      return -1;
    }
    if (i >= limit || !slotMatches(slot, tokens[i]!)) return -1;
    i++;
    s++;
  }
  return i;
}
