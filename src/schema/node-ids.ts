import { entityTypeOfId } from '../domain/ids.js';

/** The GraphQL type an id names: its prefix says it (`agency:…` is an Agency). */
export function nodeTypeNameOfId(id: string): string | null {
  if (id.startsWith('document:')) return 'Document';
  return entityTypeOfId(id);
}
