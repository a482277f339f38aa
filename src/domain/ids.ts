import { createHash } from 'node:crypto';
import { ENTITY_TYPE_INFO, ENTITY_TYPES, type EntityType } from './entities.js';
import { slugify } from './fold.js';

/** Id prefixes per entity type (ontology: "Identity: one id per node, everywhere"). */
export const ID_PREFIX: Record<EntityType, string> = Object.fromEntries(
  ENTITY_TYPES.map((type) => [type, ENTITY_TYPE_INFO[type].idPrefix]),
) as Record<EntityType, string>;

const PREFIX_TYPE = new Map<string, EntityType>(ENTITY_TYPES.map((type) => [ID_PREFIX[type], type]));

export function entityId(type: EntityType, canonicalKey: string): string {
  return `${ID_PREFIX[type]}:${slugify(canonicalKey)}`;
}

/** The type an entity id names, or null for a document id or anything else. */
export function entityTypeOfId(id: string): EntityType | null {
  const colon = id.indexOf(':');
  if (colon <= 0) return null;
  return PREFIX_TYPE.get(id.slice(0, colon)) ?? null;
}

/** Unicode NFC, `\n` line ends, trimmed: the text a document's id is computed from. */
export function normalizeDocumentText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

export function documentId(text: string): string {
  const hash = createHash('sha256').update(normalizeDocumentText(text), 'utf8').digest('hex');
  return `document:${hash.slice(0, 16)}`;
}
