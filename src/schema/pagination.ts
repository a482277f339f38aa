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
}
