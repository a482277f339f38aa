/** The shared shape of an entity found in a document, before ids and output formatting. */
import type { EntityType } from '../domain/entities.js';
import type { TypedLexiconEntry } from './lexicon/index.js';

/** One real-world entity as the extractor knows it: from the lexicon, or made up by a general rule. */
export interface EntityRef {
  type: EntityType;
  /** Canonical name (English where known); the id is derived from it. */
  name: string;
  kind: string | null;
  generic: boolean;
  partOf: string[];
  adversary?: boolean | 'fallback';
  /** The lexicon entry, or null for an entity a general rule found. */
  entry: TypedLexiconEntry | null;
}

export interface FoundMention {
  ref: EntityRef;
  start: number;
  end: number;
  firstToken: number;
  endToken: number;
  sentence: number;
  /** A description that refers back ("the ministry"): a mention, never an alias. */
  anaphor: boolean;
  priority: number;
}

export function refOfEntry(entry: TypedLexiconEntry): EntityRef {
  return {
    type: entry.type,
    name: entry.name,
    kind: entry.kind ?? null,
    generic: entry.generic ?? false,
    partOf: entry.partOf ?? [],
    adversary: entry.adversary ?? false,
    entry,
  };
}

const refCache = new WeakMap<TypedLexiconEntry, EntityRef>();
export function sharedRef(entry: TypedLexiconEntry): EntityRef {
  let ref = refCache.get(entry);
  if (!ref) {
    ref = refOfEntry(entry);
    refCache.set(entry, ref);
  }
  return ref;
}
