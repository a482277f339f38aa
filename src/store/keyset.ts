import { int } from './values.js';

/**
 * Keyset paging: a page starts strictly after (or ends strictly before) the sort key of a given
 * row, so rows added elsewhere in the order never shift a page the way an offset does. Every
 * sort key expression is non-null (nulls are ordered by an `IS NULL` key of their own), and the
 * last key is the id, so the order is total and a key names exactly one position.
 */

export interface SortKey {
  /** A Cypher expression over the row's variables; never null. */
  expression: string;
  direction: 'ASC' | 'DESC';
}

/** Sort key values of one row, in the order of its SortKey list (booleans, strings or numbers). */
export type KeyValues = (string | number | boolean)[];

export interface KeysetPage {
  /** Values of the row the page starts after (forward) or ends before (backward); null from an end. */
  from: KeyValues | null;
  /** Backward pages read the order reversed and are turned round afterwards. */
  backward: boolean;
  limit: number;
}

/**
 * The WHERE condition, ORDER BY list and parameters of one page. The condition is the tuple
 * comparison spelled out (`k1 > v1 OR (k1 = v1 AND k2 > v2) OR …`), as Cypher has no row values.
 * It reads one row more than asked for, which tells whether the page has a next one.
 */
export function keysetClauses(keys: readonly SortKey[], page: KeysetPage) {
  const reversed = (direction: SortKey['direction']) => (direction === 'ASC') === page.backward;
  const order = keys.map((key) => `${key.expression} ${reversed(key.direction) ? 'DESC' : 'ASC'}`).join(', ');
  const params: Record<string, unknown> = { keysetLimit: int(page.limit + 1) };
  let where = 'true';
  if (page.from) {
    if (page.from.length !== keys.length) throw new Error('keyset: cursor values do not match the sort keys');
    const alternatives = keys.map((key, index) => {
      const equal = keys.slice(0, index).map((earlier, j) => `${earlier.expression} = $keyset${j}`);
      const beyond = `${key.expression} ${reversed(key.direction) ? '<' : '>'} $keyset${index}`;
      return `(${[...equal, beyond].join(' AND ')})`;
    });
    where = alternatives.join(' OR ');
    page.from.forEach((value, index) => (params[`keyset${index}`] = value));
  }
  return {
    where,
    order,
    /** The sort key values as one list, to return with each row for its cursor. */
    values: `[${keys.map((key) => key.expression).join(', ')}]`,
    params,
  };
}

/** Turns the rows of `keysetClauses` (one more than the limit, maybe) into the page in reading order. */
export function keysetResult<T>(rows: T[], page: KeysetPage): { rows: T[]; hasMore: boolean } {
  const hasMore = rows.length > page.limit;
  const kept = rows.slice(0, page.limit);
  return { rows: page.backward ? kept.reverse() : kept, hasMore };
}
