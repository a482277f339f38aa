/**
 * Lexicon matching: every alias and anaphora pattern of the curated entries, compiled once
 * per language into a PatternSet and run sentence by sentence.
 */
import { GRAMMARS } from './grammar/index.js';
import { LEXICON, type TypedLexiconEntry } from './lexicon/index.js';
import { PatternSet } from './patterns.js';
import { foldText } from '../domain/fold.js';
import type { AnalysedDocument } from './document.js';
import { sharedRef, type FoundMention } from './mentions.js';

export interface LexiconPayload {
  entry: TypedLexiconEntry;
  anaphor: boolean;
}

const ELISIONS = new Set(GRAMMARS.flatMap((g) => g.elisions));
const NEUTRAL = '*';
const compiled = new Map<string, PatternSet<LexiconPayload>>();

/** Patterns for one language plus the language-neutral ones (`*`); `null` = neutral only. */
export function lexiconPatterns(language: string | null): PatternSet<LexiconPayload> {
  const cacheKey = language ?? NEUTRAL;
  let set = compiled.get(cacheKey);
  if (set) return set;
  set = new PatternSet<LexiconPayload>(ELISIONS);
  for (const entry of LEXICON) {
    const names = [...(entry.aliases[NEUTRAL] ?? []), ...(language ? entry.aliases[language] ?? [] : [])];
    const exactNumber = entry.type === 'TargetGroup';
    for (const p of names) set.add(p, { entry, anaphor: false }, exactNumber);
    for (const p of language ? entry.anaphora?.[language] ?? [] : []) set.add(p, { entry, anaphor: true }, exactNumber);
  }
  compiled.set(cacheKey, set);
  return set;
}

/** Whether an entry's context condition holds in this document. */
export function entryActive(entry: TypedLexiconEntry, doc: AnalysedDocument): boolean {
  const words = entry.requiresContext;
  if (!words || words.length === 0) return true;
  return words.some((w) => doc.words.has(foldText(w)));
}

/** Raw candidate mentions of lexicon entries (overlapping; resolution happens later). */
export function matchLexicon(doc: AnalysedDocument): FoundMention[] {
  const set = lexiconPatterns(doc.grammar ? doc.grammar.language : null);
  const out: FoundMention[] = [];
  const active = new Map<TypedLexiconEntry, boolean>();
  for (const s of doc.sentences) {
    for (const m of set.matchRange(doc.tokens, s.firstToken, s.endToken)) {
      const { entry, anaphor } = m.pattern.payload;
      let ok = active.get(entry);
      if (ok === undefined) active.set(entry, (ok = entryActive(entry, doc)));
      if (!ok) continue;
      out.push({
        ref: sharedRef(entry),
        start: m.start,
        end: m.end,
        firstToken: m.firstToken,
        endToken: m.endToken,
        sentence: s.index,
        anaphor,
        priority: (entry.priority ?? 0) + (entry.requiresContext ? 1 : 0),
      });
    }
  }
  return out;
}
