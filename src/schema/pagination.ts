import { cursorToOffset, offsetToCursor } from '@pothos/plugin-relay';
import { badInput } from '../errors.js';
import type { KeyValues, KeysetPage } from '../store/keyset.js';

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** Page sizes over the limit are refused, not silently clamped, so clients learn the limit. */
export function checkPageSizes(args: PageArgs, maxPageSize: number): void {
  for (const key of ['first', 'last'] as const) {
    const value = args[key];
    if (value === null || value === undefined) continue;
    if (value < 0) throw badInput(`${key} must not be negative`, { field: key });
    if (value > maxPageSize) {
      throw badInput(`${key} must be at most ${maxPageSize}, got ${value}`, { field: key, max: maxPageSize });
    }
  }
}

/** Page sizes, and cursors of an offset connection (relation fields): only ones we handed out. */
export function checkPageArgs(args: PageArgs, maxPageSize: number): void {
  checkPageSizes(args, maxPageSize);
  for (const key of ['after', 'before'] as const) {
    const cursor = args[key];
    if (cursor !== null && cursor !== undefined) offsetOfCursor(cursor, key);
  }
}

/**
 * The offset a cursor of ours stands for. Anything else (bad base64, another prefix, a negative
 * or malformed offset, a forged huge one) is BAD_USER_INPUT, never a query.
 */
export function offsetOfCursor(cursor: string, field: string): number {
  let offset: number;
  try {
    offset = cursorToOffset(cursor);
  } catch {
    offset = Number.NaN;
  }
  // Only the cursors we hand out: the offset must encode back to the very same text.
  if (!Number.isSafeInteger(offset) || offset < 0 || offset > MAX_OFFSET || offsetToCursor(offset) !== cursor) {
    throw badInput(`${field}: ${JSON.stringify(cursor.slice(0, 100))} is not a cursor of this connection`, { field });
  }
  return offset;
}

/** Deeper than anyone pages by hand; past it a cursor is forged. */
const MAX_OFFSET = 1_000_000;

/**
 * Keyset cursors: base64url of `[order, ...sort key values]` of the edge's row. Opaque to clients;
 * a cursor stays valid when rows are added, and one made under another order is refused.
 */
export function encodeKeysetCursor(order: string, key: KeyValues): string {
  return Buffer.from(JSON.stringify([order, ...key]), 'utf8').toString('base64url');
}

export function decodeKeysetCursor(cursor: string, order: string, keyCount: number, field: string): KeyValues {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  const valid =
    Array.isArray(decoded) &&
    decoded.length === keyCount + 1 &&
    decoded[0] === order &&
    decoded.slice(1).every((value) => ['string', 'number', 'boolean'].includes(typeof value));
  if (!valid) {
    throw badInput(`${field}: ${JSON.stringify(cursor)} is not a cursor of this connection and order`, { field });
  }
  return (decoded as unknown[]).slice(1) as KeyValues;
}

interface KeyedRow {
  key: KeyValues;
}

/**
 * Reads one page of a keyset connection: `first` (with `after`) pages forward, `last` (with
 * `before`) backward; giving both directions at once is refused.
 */
export async function resolveKeysetConnection<Row extends KeyedRow, Node, EdgeExtra extends object = object>(
  args: PageArgs,
  options: { order: string; keyCount: number; maxPageSize: number; defaultPageSize: number },
  read: (page: KeysetPage) => Promise<{ rows: Row[]; hasMore: boolean }>,
  toNode: (row: Row) => Node,
  /** Fields an edge carries besides cursor and node (a search hit's score). */
  edgeExtra?: (row: Row) => EdgeExtra,
) {
  checkPageSizes(args, options.maxPageSize);
  const backward = (args.last ?? null) !== null || (args.before ?? null) !== null;
  if (backward && ((args.first ?? null) !== null || (args.after ?? null) !== null)) {
    throw badInput('page either forward (first, after) or backward (last, before), not both', { field: 'last' });
  }
  const cursor = backward ? args.before : args.after;
  const page: KeysetPage = {
    from: cursor ? decodeKeysetCursor(cursor, options.order, options.keyCount, backward ? 'before' : 'after') : null,
    backward,
    limit: (backward ? args.last : args.first) ?? options.defaultPageSize,
  };
  const { rows, hasMore } = page.limit === 0 ? { rows: [], hasMore: false } : await read(page);
  const edges = rows.map((row) => ({
    ...(edgeExtra?.(row) as EdgeExtra),
    cursor: encodeKeysetCursor(options.order, row.key),
    node: toNode(row),
  }));
  return {
    edges,
    pageInfo: {
      // Past the cursor side, "more" is known only from the cursor itself (as the Relay spec allows).
      hasNextPage: backward ? page.from !== null : hasMore,
      hasPreviousPage: backward ? hasMore : page.from !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
