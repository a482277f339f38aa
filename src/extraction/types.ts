/**
 * The extraction contract: what an extractor returns for one document (see
 * ../shared/ontology.md, "Extraction output"), in the vocabulary of src/domain/. Offsets are
 * UTF-16 code unit offsets into the text exactly as given, `end` exclusive.
 */

import type { DatePrecision, EntityType, Mention, Span } from '../domain/entities.js';
import type { RelationType } from '../domain/relations.js';

export interface ExtractedEntity {
  /** `<prefix>:<slug>`, derived from the type and the canonical key (see domain/ids.ts). */
  id: string;
  type: EntityType;
  /** Canonical name, English where one is known. */
  name: string;
  /** Names seen for this entity (full names, short names, acronyms, translations); never anaphora. */
  aliases: string[];
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; Events and Laws only. */
  date: string | null;
  datePrecision?: DatePrecision | null;
  /** Unnamed actors ("foreign spies") that would otherwise join every story into one hub. */
  generic?: boolean;
  /** Language of `name` when no English name is known and the name is given as written. */
  nameLanguage?: string;
  mentions: Mention[];
}

export interface ExtractedRelation {
  type: RelationType;
  source: string;
  target: string;
  /** Sentence ranges that support the relation. */
  evidence: Span[];
}

export interface ExtractionResult {
  /** ISO 639-1 code of the text's language, or `und` when it could not be told. */
  language: string;
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
  warnings?: string[];
}

export interface ExtractionInput {
  text: string;
  /** Forces the language instead of detecting it. */
  language?: string;
  /** Publication date (`YYYY-MM-DD` or `YYYY-MM`) that relative dates resolve against. */
  publishedAt?: string;
}

/**
 * Any implementation of extraction (the built-in rule-based one today; an LLM behind an
 * OpenAI-compatible endpoint tomorrow) sits behind this interface so callers never change.
 */
export interface Extractor {
  readonly name: string;
  /** Recorded on each document; a newer version replaces that document's part of the graph. */
  readonly version: string;
  extract(input: ExtractionInput): Promise<ExtractionResult>;
}

export type ExtractionErrorCode =
  | 'EMPTY_TEXT'
  | 'TEXT_TOO_LARGE'
  | 'BINARY_INPUT'
  | 'INVALID_DATE'
  | 'INVALID_LANGUAGE';

/** Bad input to extraction: callers map it to a BAD_USER_INPUT error, never a crash. */
export class ExtractionInputError extends Error {
  override readonly name = 'ExtractionInputError';
  constructor(
    readonly code: ExtractionErrorCode,
    message: string,
  ) {
    super(message);
  }
}
