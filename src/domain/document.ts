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
  if (sourceUrl !== null && !URL.canParse(sourceUrl)) {
    throw badInput(`sourceUrl ${JSON.stringify(sourceUrl)} is not a URL`, { field: 'sourceUrl' });
  }
  return {
    id: documentId(text),
    text,
    title: input.title?.trim() || null,
    sourceUrl,
    language,
    publishedAt,
  };
}
