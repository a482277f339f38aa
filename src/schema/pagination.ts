import { cursorToOffset, offsetToCursor } from '@pothos/plugin-relay';
import { badInput } from '../errors.js';

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** Page sizes over the limit are refused, not silently clamped, so clients learn the limit. */
export function checkPageArgs(args: PageArgs, maxPageSize: number): void {
  for (const key of ['first', 'last'] as const) {
    const value = args[key];
    if (value === null || value === undefined) continue;
    if (value < 0) throw badInput(`${key} must not be negative`, { field: key });
    if (value > maxPageSize) {
      throw badInput(`${key} must be at most ${maxPageSize}, got ${value}`, { field: key, max: maxPageSize });
    }
  }
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
