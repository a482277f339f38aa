import { badInput } from '../errors.js';

/**
 * Bounds on the names a client writes (annotations, updateEntity). Names are indexed: Neo4j
 * refuses an index key over 8 KB (the name, and the id derived from it), and each name becomes a
 * clause of a full-text query when a later document is matched, where Lucene stops at 1,024.
 * Real names are far shorter and fewer: the longest law titles run to about 200 characters.
 */
export const MAX_NAME_CHARS = 500;
export const MAX_ALIASES = 200;
/** Entity ids are `<prefix>:<slug of the name>`: a bounded name gives a bounded id. */
export const MAX_ID_CHARS = 600;

export function checkName(name: string, field: string): void {
  if (name.length > MAX_NAME_CHARS) {
    throw badInput(`${field} is ${name.length} characters long; a name may have at most ${MAX_NAME_CHARS}`, {
      field,
      max: MAX_NAME_CHARS,
    });
  }
}

export function checkAliases(aliases: readonly string[], field: string): void {
  if (aliases.length > MAX_ALIASES) {
    throw badInput(`${field} has ${aliases.length} aliases; an entity may have at most ${MAX_ALIASES}`, {
      field,
      max: MAX_ALIASES,
    });
  }
  aliases.forEach((alias, index) => checkName(alias, `${field}[${index}]`));
}

export function checkId(id: string, field: string): void {
  if (id.length > MAX_ID_CHARS) {
    throw badInput(`${field} is ${id.length} characters long; an id may have at most ${MAX_ID_CHARS}`, {
      field,
      max: MAX_ID_CHARS,
    });
  }
}
