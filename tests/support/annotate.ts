/**
 * Builds client annotations (the GraphQL input: entity types as enum values, `TARGET_GROUP`) for a text from names found in it, so tests state entities and
 * relations by their words rather than by hand-counted offsets.
 */
import type { EntityType } from '../../src/domain/entities.js';
import type { RelationType } from '../../src/domain/relations.js';
import { entityTypeEnumName } from '../../src/schema/entity.js';
import type { EntityType as EntityTypeValue } from '../gql/graphql.js';

export interface EntitySpec {
  /** The domain name (`TargetGroup`) or the GraphQL value (`TARGET_GROUP`). */
  type: EntityType | EntityTypeValue;
  name: string;
  id?: string;
  aliases?: string[];
  /** Substrings of the text; each occurrence becomes a mention. */
  mentions?: string[];
  date?: string;
  generic?: boolean;
}

export interface RelationSpec {
  type: RelationType;
  source: string;
  target: string;
  /** A substring of the text: the supporting sentence. */
  evidence?: string;
}

function occurrences(text: string, needle: string): { start: number; end: number; text: string }[] {
  const found = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    found.push({ start: at, end: at + needle.length, text: needle });
  }
  if (found.length === 0) throw new Error(`${JSON.stringify(needle)} is not in the text`);
  return found;
}

export function annotate(text: string, entities: EntitySpec[], relations: RelationSpec[] = []) {
  return {
    entities: entities.map((entity) => ({
      id: entity.id,
      type: entityTypeEnumName(entity.type as EntityType) as EntityTypeValue,
      name: entity.name,
      aliases: entity.aliases ?? [],
      date: entity.date,
      generic: entity.generic,
      mentions: (entity.mentions ?? []).flatMap((mention) => occurrences(text, mention)),
    })),
    relations: relations.map((relation) => ({
      type: relation.type,
      source: relation.source,
      target: relation.target,
      evidence: relation.evidence ? occurrences(text, relation.evidence).map(({ start, end }) => ({ start, end })) : [],
    })),
  };
}
