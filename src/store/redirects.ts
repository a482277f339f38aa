import { REDIRECT_LABEL } from './model.js';

/**
 * The one way a Cypher statement follows a merged id to its survivor (`(:Redirect {id, target})`,
 * left by mergeEntities). A merge re-points older redirects at the new survivor, so one hop is
 * the rule; the second hop covers a survivor merged again by a concurrent merge. Every read,
 * write, curation and graph view that follows redirects uses this, so they agree.
 *
 * `match` binds `redirect1`/`redirect2`, or the two names given (OPTIONAL MATCH: an id without a
 * redirect stays itself);
 * `target` is the id the entity lives under now. `id` is a Cypher expression (a variable or a
 * parameter), never input text.
 */
export function followRedirects(
  id: string,
  [first, second]: readonly [string, string] = ['redirect1', 'redirect2'],
): { match: string; target: string } {
  return {
    match: `OPTIONAL MATCH (${first}:${REDIRECT_LABEL} {id: ${id}})
     OPTIONAL MATCH (${second}:${REDIRECT_LABEL} {id: ${first}.target})`,
    target: `coalesce(${second}.target, ${first}.target, ${id})`,
  };
}
