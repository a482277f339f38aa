/**
 * The key two names must share to be the same name across documents (ontology, "Identity"):
 * case, accents, typographic apostrophes, quotes and non-breaking spaces are folded, runs of
 * spaces collapse. Stored on entities as `matchKeys` (one per name and alias).
 */
export function matchKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’ʼ`´‘]/g, "'")
    .replace(/[«»“”„‟"]/g, '')
    .replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ')
    .trim();
}

/** A Lucene query for the full-text index that finds any of the names as a phrase. */
export function fullTextQueryForKeys(keys: readonly string[]): string {
  return keys
    .filter((key) => key.length > 0)
    .map((key) => `"${key.replace(/["\\]/g, ' ')}"`)
    .join(' OR ');
}
