/** Input checks: bad input is a typed ExtractionInputError, never a crash or a partial result. */
import { ExtractionInputError, type ExtractionInput } from './types.js';
import { parsePublicationDate, type PublicationDate } from './dates.js';

/** Default size limit, in UTF-16 code units (about 1 MB of text). */
export const DEFAULT_MAX_INPUT_CHARS = 1_000_000;

/** C0 controls other than tab, line feed and carriage return; DEL; C1 controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** More than this share of control or replacement characters means binary data, not text. */
const BINARY_RATIO = 0.01;

export interface ValidatedInput {
  text: string;
  language: string | undefined;
  publication: PublicationDate | null;
}

export function validateInput(input: ExtractionInput, maxChars: number): ValidatedInput {
  if (input === null || typeof input !== 'object' || typeof input.text !== 'string') {
    throw new ExtractionInputError('EMPTY_TEXT', 'input.text must be a string');
  }
  const { text } = input;
  if (text.length > maxChars) {
    throw new ExtractionInputError('TEXT_TOO_LARGE', `text is ${text.length} characters; the limit is ${maxChars}`);
  }
  if (text.trim().length === 0) throw new ExtractionInputError('EMPTY_TEXT', 'text is empty or whitespace only');
  if (text.includes('\u0000')) throw new ExtractionInputError('BINARY_INPUT', 'text contains NUL characters: binary data, not text');
  const controls = text.match(CONTROL)?.length ?? 0;
  let replacements = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) replacements++;
  if (controls + replacements > Math.max(2, text.length * BINARY_RATIO)) {
    throw new ExtractionInputError('BINARY_INPUT', `text contains ${controls} control and ${replacements} replacement characters: binary data, not text`);
  }
  if (controls > 0) {
    throw new ExtractionInputError('BINARY_INPUT', `text contains ${controls} control character(s) other than tab and line breaks`);
  }
  let language: string | undefined;
  if (input.language !== undefined && input.language !== null && input.language !== '') {
    if (typeof input.language !== 'string' || !/^[a-z]{2,3}$/.test(input.language)) {
      throw new ExtractionInputError('INVALID_LANGUAGE', `language must be an ISO 639-1 code such as "fr" or "en", got ${JSON.stringify(input.language)}`);
    }
    language = input.language;
  }
  let publication: PublicationDate | null = null;
  if (input.publishedAt !== undefined && input.publishedAt !== null && input.publishedAt !== '') {
    publication = typeof input.publishedAt === 'string' ? parsePublicationDate(input.publishedAt) : null;
    if (!publication) {
      throw new ExtractionInputError('INVALID_DATE', `publishedAt must be YYYY-MM-DD or YYYY-MM, got ${JSON.stringify(input.publishedAt)}`);
    }
  }
  return { text, language, publication };
}
