import { badInput } from '../errors.js';
import { isValidPublishedAt } from '../domain/document.js';
import type { EntityFilter } from '../store/search.js';
import { builder } from './builder.js';
import { EntityTypeEnum } from './entity.js';

/** Dates in filters take the same forms as stored ones: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export function checkDateArg(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (!isValidPublishedAt(value)) {
    throw badInput(`${field}: ${JSON.stringify(value)} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`, { field });
  }
  return value;
}

export const EntityFilterInput = builder.inputType('EntityFilter', {
  description: 'Conditions on entities; all given ones must hold.',
  fields: (t) => ({
    types: t.field({ type: [EntityTypeEnum], description: 'Only these types.' }),
    search: t.string({ description: 'Words to find in names and aliases (accents and case do not matter).' }),
    language: t.string({ description: 'Only entities with an alias seen in this language (ISO 639-1).' }),
    documentId: t.id({ description: 'Only entities this document mentions.' }),
    dateFrom: t.string({ description: 'Dated entities (events, laws) on or after this date; partial dates overlap.' }),
    dateTo: t.string({ description: 'Dated entities on or before this date.' }),
    includeGeneric: t.boolean({ description: 'Whether unnamed actors take part (default: true for lists, false for graph views).' }),
  }),
});

export interface EntityFilterArgs {
  types?: string[] | null;
  search?: string | null;
  language?: string | null;
  documentId?: string | null;
  dateFrom?: string | null;
  dateTo?: string | null;
  includeGeneric?: boolean | null;
}

/** Checks a filter from the API and turns it into the store's shape. */
export function toEntityFilter(input: EntityFilterArgs | null | undefined): EntityFilter {
  const filter = input ?? {};
  const language = filter.language?.trim().toLowerCase() || null;
  if (language !== null && !/^[a-z]{2,3}$/.test(language)) {
    throw badInput(`language: ${JSON.stringify(filter.language)} is not an ISO 639 code such as "fr" or "en"`, {
      field: 'language',
    });
  }
  const search = filter.search?.trim() || null;
  if (search !== null && search.length > 200) throw badInput('search: at most 200 characters', { field: 'search' });
  return {
    types: (filter.types as EntityFilter['types']) ?? null,
    search,
    language,
    documentId: filter.documentId || null,
    dateFrom: checkDateArg(filter.dateFrom, 'dateFrom'),
    dateTo: checkDateArg(filter.dateTo, 'dateTo'),
    includeGeneric: filter.includeGeneric ?? null,
  };
}
