import { REDIRECT_LABEL } from './model.js';

/**
 * The one way a Cypher statement follows a merged id to its survivor (`(:Redirect {id, target})`,
 * left by mergeEntities). A merge re-points older redirects at the new survivor, so one hop is
 * the rule; the second hop covers a survivor merged again by a concurrent merge. Every read,
 * write, curation and graph view that follows redirects uses this, so they agree.
 *
 * `match` binds `redirect1`/`redirect2` (OPTIONAL MATCH: an id without a redirect stays itself);
 * `target` is the id the entity lives under now. `id` is a Cypher expression (a variable or a
 * parameter), never input text.
 */
export function followRedirects(id: string): { match: string; target: string } {
  return {
    match: `OPTIONAL MATCH (redirect1:${REDIRECT_LABEL} {id: ${id}})
     OPTIONAL MATCH (redirect2:${REDIRECT_LABEL} {id: redirect1.target})`,
    target: `coalesce(redirect2.target, redirect1.target, ${id})`,
  };
}
