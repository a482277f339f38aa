/**
 * Curated domain knowledge lives in the JSON files of this folder, so that a domain expert
 * can extend it without touching code. Each entry names one real-world entity with its
 * canonical English name (the id is derived from it), and per language the surface forms
 * that name it, written in the pattern language of ../patterns.ts:
 *
 *   { "name": "Ministry of State Security (China)", "kind": "intelligence",
 *     "aliases": { "*": ["MSS"], "en": ["Ministry of State Security"], "fr": ["ministère de la sécurité d'État"] },
 *     "anaphora": { "en": ["the ministry"], "fr": ["le ministère"] },
 *     "partOf": ["State security authorities (China)"] }
 *
 * - "*" holds language-neutral forms (acronyms), used for every text.
 * - "anaphora" are descriptions that refer back to the entity in one document only: they
 *   become mentions when the entity is named in the document, and never aliases.
 * - "requiresContext": the entry is active only when one of these words occurs in the
 *   document (e.g. "national security authorities" means China's only in a Chinese context).
 * - "partOf": PART_OF edges emitted when both entities occur in a document.
 */
import type { EntityType } from '../../domain/entities.js';
import type { Frames } from '../frames.js';
import { expandCompose, type ComposeForms } from '../compose.js';
import agencies from './agencies.json' with { type: 'json' };
import laws from './laws.json' with { type: 'json' };
import tactics from './tactics.json' with { type: 'json' };
import targetGroups from './target-groups.json' with { type: 'json' };
import events from './events.json' with { type: 'json' };
import places from './places.json' with { type: 'json' };

export type LanguagePatterns = Record<string, string[]>;

export interface LexiconEntry {
  name: string;
  kind?: string;
  generic?: boolean;
  aliases: LanguagePatterns;
  anaphora?: LanguagePatterns;
  partOf?: string[];
  requiresContext?: string[];
  /** The country whose law or body this is: a generic name ("National Security Act") only maps to it in a story set there. */
  jurisdiction?: string;
  /** A hostile actor whose methods stories describe (the MSS, the GRU, hacking groups); "fallback": only when no other is named (governments). */
  adversary?: boolean | 'fallback';
  /** Tactics that name roles ("posing as researchers"): groups inside their mentions are not targets. */
  namesRoles?: boolean;
  /** Names an institution description gives this body ("Ministry of Foreign Affairs (United Kingdom)" for the FCDO). */
  describes?: string[];
  /** Wins ties between entries matching the same span. */
  priority?: number;
  /** A group every country has ("companies"): a mention that names a country ("US businesses") is that country's group (../identity.ts). */
  perCountry?: boolean;
  /** Verb classes x object classes per language, expanded into aliases (../compose.ts). */
  compose?: Record<string, ComposeForms[]>;
}

export interface TypedLexiconEntry extends LexiconEntry {
  type: EntityType;
}

/** How an event kind is recognised and named. */
export interface EventRule {
  kind: string;
  /** English label used in canonical names: "{actor} warning", "Arrest". */
  label: string;
  /** Who the event's main actor is: the agency that issued it, or the one that acted (police, court, legislature). */
  actorRole: 'issuer' | 'actor' | 'law';
  /** Only fire when an entity of this type occurs in the same sentence (or, for laws, the document). */
  requires?: EntityType;
  triggers: LanguagePatterns;
  /** Verbs and nouns per language, expanded over inflections and voice (../frames.ts). */
  frames?: Frames;
  /** Words that mention an event of this kind without starting a new one ("the campaign", "warned"): they join the document's event of that kind, or make one if there is none. */
  weakTriggers?: LanguagePatterns;
  /** Arrests, charges, trials: the mention runs on over the object and place ("arrested two men in X"). */
  extendOverObject?: boolean;
  /** Weak triggers may start an event of this kind when the document has none ("X warned ..."). */
  weakCreates?: boolean;
  /** How the actor relates to the event: an announced indictment is ISSUED; a case a ministry discloses is REPORTED_BY it. */
  actorRelation?: 'ISSUED' | 'REPORTED_BY';
  /** Only fire next to an agency of one of these kinds, which is then the actor ("Der Zeitung reported", "a appris la radio"). */
  actorKinds?: string[];
  /** Agency kinds that act in events of this kind, most likely first (charges: prosecutors before courts). */
  actorPreference?: string[];
  /** Wins over another kind's trigger of the same length on the same words ("is still detained" is a detention, not an arrest). */
  specific?: boolean;
  /** The object the mention runs on over is whom the alleged act aimed at ("accused of spying on dissidents"), not the people the event is about: target groups in it stay. */
  objectIsTarget?: boolean;
  /** A hostile side's operation ("a phishing campaign"): its actor is only ever one of `actorPreference` (never the body that exposes it), and it is background, not the day's news. */
  hostile?: boolean;
}

/** Nationality adjectives and demonyms, countries and their capitals (used by the general rules). */
export interface PlaceData {
  nationalities: LanguagePatterns;
  countries: LanguagePatterns;
  /** Words that, when they occur in a document, establish a country context (folded). */
  context: Record<string, string[]>;
  reportingVerbs: LanguagePatterns;
  warningVerbs: LanguagePatterns;
  orgHeads: LanguagePatterns;
  connectors: LanguagePatterns;
}

function withComposed(e: LexiconEntry): LexiconEntry {
  if (!e.compose) return e;
  const aliases: LanguagePatterns = { ...e.aliases };
  for (const [language, list] of Object.entries(e.compose)) aliases[language] = [...(aliases[language] ?? []), ...list.flatMap((c) => expandCompose(language, c))];
  return { ...e, aliases };
}

const typed = (type: EntityType, list: LexiconEntry[]): TypedLexiconEntry[] => list.map((e) => ({ ...withComposed(e), type }));

export const LEXICON: readonly TypedLexiconEntry[] = [
  ...typed('Agency', agencies as LexiconEntry[]),
  ...typed('Law', laws as LexiconEntry[]),
  ...typed('Tactic', tactics as LexiconEntry[]),
  ...typed('TargetGroup', targetGroups as LexiconEntry[]),
];

export const EVENT_RULES: readonly EventRule[] = events as EventRule[];
export const PLACES: PlaceData = places as PlaceData;

/** Entries by canonical name (for partOf look-ups). */
export const LEXICON_BY_NAME = new Map(LEXICON.map((e) => [e.name, e]));
