import { SUPPORTED_LANGUAGES } from '../extraction/grammar/index.js';
import { builder } from './builder.js';

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

/**
 * The languages the extractor reads (one grammar each), as upper-case values (`EN`, `FR`)
 * standing for their ISO 639-1 codes. For the arguments that tell the extractor how to read a
 * text; what a document was found to be written in stays an ISO code (String), since detection
 * also names languages the extractor does not read.
 */
export const LanguageEnum = builder.enumType('Language', {
  description: 'A language the extractor reads; each value stands for its ISO 639-1 code (`EN` for `en`).',
  values: Object.fromEntries(
    SUPPORTED_LANGUAGES.map((code) => [
      code.toUpperCase(),
      { value: code, description: `${LANGUAGE_NAMES.of(code) ?? code} (\`${code}\`).` },
    ]),
  ) as Record<string, { value: string; description: string }>,
});

/**
 * The Language value for an ISO code (`fr` -> `FR`), or null for a language the extractor does
 * not read (the server then detects it): for clients that hold codes, such as the files' headers.
 */
export function languageEnumValue(code: string | null | undefined): string | null {
  const lower = code?.trim().toLowerCase();
  return lower && SUPPORTED_LANGUAGES.includes(lower) ? lower.toUpperCase() : null;
}
