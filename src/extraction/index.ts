/**
 * The rule-based extractor: pure (no I/O), synchronous and deterministic. Text, optional
 * language and publication date in; entities and relations out (ontology "Extraction output").
 *
 * Pipeline: validate -> analyse (language, tokens, sentences, dates) -> lexicon and general
 * name candidates -> resolution (overlaps, anaphora, apposition) -> span adjustments ->
 * events -> relations.
 */
import { analyseDocument, type AnalysedDocument } from './document.js';
import { buildEvents, dateLaws, groupMentions, toOutputMentions, type DocEntity } from './assemble.js';
import { findEventTriggers } from './events.js';
import { matchLexicon } from './lexicon-match.js';
import { findGeneralNames } from './names.js';
import { findInstitutionDescriptions, linkDescriptions, namesPersonRole } from './institutions.js';
import { findLawNames, linkLawDescriptions, readLawInitials } from './laws.js';
import { findRelations } from './relations.js';
import { qualifyByCountry } from './identity.js';
import { applyDefinedAcronyms, resolveMentions } from './resolve.js';
import { adjustDescriptiveSpans } from './spans.js';
import { notAGroup, notATactic } from './group-filters.js';
import { DEFAULT_MAX_INPUT_CHARS, validateInput } from './validate.js';
import { SUPPORTED_LANGUAGES } from './grammar/index.js';
import type { ExtractedEntity, ExtractionInput, ExtractionResult, Extractor } from './types.js';

export { DEFAULT_MAX_INPUT_CHARS } from './validate.js';
export { SUPPORTED_LANGUAGES } from './grammar/index.js';
export { ExtractionInputError } from './types.js';

/** Bumped whenever the output for some input changes. */
export const EXTRACTOR_VERSION = 'rules-1.6.0';
export const EXTRACTOR_NAME = 'rule-based';

export interface ExtractOptions {
  /** Largest accepted text, in UTF-16 code units. */
  maxInputChars?: number;
}

export function extractDocument(input: ExtractionInput, options: ExtractOptions = {}): ExtractionResult {
  const { text, language, publication } = validateInput(input, options.maxInputChars ?? DEFAULT_MAX_INPUT_CHARS);
  const doc = analyseDocument(text, language, publication);
  const warnings: string[] = [];
  if (!doc.grammar) warnings.push(`language ${doc.language} is not supported (supported: ${SUPPORTED_LANGUAGES.join(', ')}); only language-neutral rules were applied`);

  const lexical = matchLexicon(doc);
  const general = findGeneralNames(doc, lexical);
  const descriptions = findInstitutionDescriptions(doc);
  const laws = findLawNames(doc, [...lexical, ...general]);
  const named = adjustDescriptiveSpans(doc, applyDefinedAcronyms(doc, linkDescriptions(doc, resolveMentions(doc, [...lexical, ...general, ...laws, ...descriptions].filter((m) => !namesPersonRole(doc, m))))));
  const withInitials = readLawInitials(doc, named);
  const resolved = [...withInitials, ...linkLawDescriptions(doc, withInitials)];
  const triggers = findEventTriggers(doc, resolved);
  // The people an arrest or a charge is about ("three German nationals were arrested") are not a target group.
  // Nor are the roles a spy poses in ("se faire passer pour des chercheurs").
  const roleSpans = resolved.filter((m) => m.ref.entry?.namesRoles);
  const agencyMentions = resolved.filter((m) => m.ref.type === 'Agency');
  const kept = resolved.filter(
    (m) =>
      !notATactic(doc, m) &&
      (m.ref.type !== 'TargetGroup' ||
      (!notAGroup(doc, m, agencyMentions) &&
        !triggers.some((t) => t.rule.actorRole === 'actor' && !t.rule.objectIsTarget && t.sentence === m.sentence && t.start < m.end && m.start < t.end) &&
        !roleSpans.some((r) => r.sentence === m.sentence && r.start <= m.start && m.end <= r.end))),
  );
  const entities = groupMentions(qualifyByCountry(doc, kept));
  const events = buildEvents(doc, triggers, entities);
  dateLaws(entities.filter((e) => e.ref.type === 'Law'), events);
  const relations = findRelations(doc, entities, events);

  const output = [...entities, ...events].map((e) => toOutput(doc, e));
  const result: ExtractionResult = { language: doc.language, entities: output, relations };
  if (warnings.length) result.warnings = warnings;
  return result;
}

function toOutput(doc: AnalysedDocument, e: DocEntity): ExtractedEntity {
  const mentions = toOutputMentions(doc, e.mentions);
  // Aliases are names seen in the text; anaphora ("the ministry") and event phrases are not.
  const aliases = e.ref.type === 'Event' ? [] : [...new Set(e.mentions.filter((m) => !m.anaphor).map((m) => doc.text.slice(m.start, m.end).replace(/\s+/g, ' ')))];
  const out: ExtractedEntity = { id: e.id, type: e.ref.type, name: e.ref.name, aliases, date: e.date, datePrecision: e.precision, mentions };
  if (e.ref.generic) out.generic = true;
  // A name a general rule took from a non-English text is that language's name, as written.
  if (!e.ref.entry && e.ref.type === 'Agency' && doc.language !== 'en') out.nameLanguage = doc.language;
  return out;
}

export const ruleBasedExtractor: Extractor = {
  name: EXTRACTOR_NAME,
  version: EXTRACTOR_VERSION,
  async extract(input: ExtractionInput): Promise<ExtractionResult> {
    return extractDocument(input);
  },
};
