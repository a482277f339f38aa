/**
 * Language grammar DATA (one JSON file per language): stop words for detection, elisions
 * and abbreviations for tokenising and segmenting, month/weekday names and relative date
 * expressions. Supporting a new language means adding its JSON here and its lexicon entries.
 */
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };

export interface RelativeDateRule {
  pattern: string;
  days?: number;
  months?: number;
  years?: number;
  precision?: 'DAY' | 'MONTH' | 'YEAR';
}

export interface GrammarData {
  language: string;
  /** ISO 639-3 code used by franc. */
  franc: string;
  stopwords: string[];
  elisions: string[];
  abbreviations: string[];
  months: Record<string, number>;
  ambiguousMonths: string[];
  weekdays: Record<string, number>;
  ordinalDaySuffixes: string[];
  yearPrepositions: string[];
  futureMarkers: string[];
  /** Words where an event mention stops when it runs on over its object. */
  eventSpanStops: string[];
  /** Stop words that may still carry an event mention over a short reason ("arrested for spying", "arrêté pour espionnage"). */
  eventReasonLinks: string[];
  /** Words that join two event triggers into one mention ("arrested and expelled"). */
  coordinators?: string[];
  /** Quantifiers that make an event's object a series ("at least 15 people", "plusieurs espions"): a series is not the story's single case. */
  aggregateQuantifiers?: string[];
  /** Words in a subject that make its event another one of the same kind ("two other suspects", "trois autres"). */
  distinctMarkers?: string[];
  /** Prepositions that put a revelation inside a documentary ("revealed ... in a documentary"). */
  documentaryLinks?: string[];
  relativeDates: RelativeDateRule[];
}

export const GRAMMARS: readonly GrammarData[] = [en as GrammarData, fr as GrammarData];

export const SUPPORTED_LANGUAGES: readonly string[] = GRAMMARS.map((g) => g.language);
