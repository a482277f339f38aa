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
 * comparison spelled out, as Cypher has no row values: the first key that differs from the
 * cursor's decides (`CASE WHEN k1 <> v1 THEN k1 > v1 WHEN k2 <> v2 THEN k2 > v2 ELSE k3 > v3 END`),
 * and `k1 >= v1` is stated on its own. Written as `k1 > v1 OR (k1 = v1 AND …)` it was split by
 * the planner into a union of two index seeks read in full (237k db hits for a page of entities
 * by degree at 100k entities); this way an index on the first key is walked in order from the
 * cursor and the read stops after the page. It reads one row more than asked for, which tells
 * whether the page has a next one.
 */
export function keysetClauses(keys: readonly SortKey[], page: KeysetPage) {
  const reversed = (direction: SortKey['direction']) => (direction === 'ASC') === page.backward;
  const order = keys.map((key) => `${key.expression} ${reversed(key.direction) ? 'DESC' : 'ASC'}`).join(', ');
  const params: Record<string, unknown> = { keysetLimit: int(page.limit + 1) };
  let where = 'true';
  if (page.from) {
    if (page.from.length !== keys.length) throw new Error('keyset: cursor values do not match the sort keys');
    const beyond = (key: SortKey, index: number, orEqual = '') =>
      `(${key.expression}) ${reversed(key.direction) ? '<' : '>'}${orEqual} $keyset${index}`;
    const decided = keys
      .slice(0, -1)
      .map((key, index) => `WHEN (${key.expression}) <> $keyset${index} THEN ${beyond(key, index)}`);
    const last = beyond(keys.at(-1)!, keys.length - 1);
    where = `${beyond(keys[0]!, 0, '=')} AND ${decided.length ? `CASE ${decided.join(' ')} ELSE ${last} END` : last}`;
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
