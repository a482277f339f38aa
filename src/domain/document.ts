import { badInput } from '../errors.js';
import { isCalendarDate } from './dates.js';
import { documentId, normalizeDocumentText } from './ids.js';

export interface DocumentInput {
  text: string;
  title?: string | null;
  sourceUrl?: string | null;
  language?: string | null;
  publishedAt?: string | null;
}

export interface ValidDocument {
  id: string;
  text: string;
  title: string | null;
  sourceUrl: string | null;
  language: string | null;
  publishedAt: string | null;
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and a real calendar date (dates.ts). */
export function isValidPublishedAt(value: string): boolean {
  return isCalendarDate(value);
}

/** Longer than any browser keeps in its address bar. */
export const MAX_SOURCE_URL_CHARS = 2048;

/** Only web addresses: front-ends render sourceUrl as a link, so `javascript:` and the like are refused. */
function checkSourceUrl(sourceUrl: string): void {
  const shown = JSON.stringify(sourceUrl.length > 100 ? `${sourceUrl.slice(0, 100)}…` : sourceUrl);
  if (sourceUrl.length > MAX_SOURCE_URL_CHARS) {
    throw badInput(`sourceUrl is ${sourceUrl.length} characters long; the limit is ${MAX_SOURCE_URL_CHARS}`, {
      field: 'sourceUrl',
      max: MAX_SOURCE_URL_CHARS,
    });
  }
  const url = URL.canParse(sourceUrl) ? new URL(sourceUrl) : null;
  if (url === null) throw badInput(`sourceUrl ${shown} is not a URL`, { field: 'sourceUrl' });
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw badInput(`sourceUrl ${shown} must be an http or https URL, not ${url.protocol}`, { field: 'sourceUrl' });
  }
}

/** Checks a document before anything is written; the id is the hash of the normalised text. */
export function validateDocumentInput(input: DocumentInput, maxChars: number): ValidDocument {
  const text = normalizeDocumentText(input.text ?? '');
  if (text.length === 0) throw badInput('text is empty', { field: 'text' });
  if (text.length > maxChars) {
    throw badInput(`text is ${text.length} characters long; the limit is ${maxChars}`, { field: 'text' });
  }
  const publishedAt = input.publishedAt?.trim() || null;
  if (publishedAt !== null && !isValidPublishedAt(publishedAt)) {
    throw badInput(`publishedAt ${JSON.stringify(publishedAt)} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`, {
      field: 'publishedAt',
    });
  }
  const language = input.language?.trim().toLowerCase() || null;
  if (language !== null && !/^[a-z]{2,3}$/.test(language)) {
    throw badInput(`language ${JSON.stringify(language)} is not an ISO 639 code such as "fr" or "en"`, {
      field: 'language',
    });
  }
  const sourceUrl = input.sourceUrl?.trim() || null;
  if (sourceUrl !== null) checkSourceUrl(sourceUrl);
  return {
    id: documentId(text),
    text,
    title: input.title?.trim() || null,
    sourceUrl,
    language,
    publishedAt,
  };
}
