/**
 * The entity types of the knowledge model (../shared/ontology.md, "Entity types"). Every map over
 * them is a `Record<EntityType, …>`, so a new type fails to compile wherever it is not handled.
 */

export const ENTITY_TYPES = ['Agency', 'Law', 'Tactic', 'TargetGroup', 'Event'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface EntityTypeInfo {
  /** Prefix of the type's ids (`agency:mi5`). */
  idPrefix: string;
  /** What the type holds, as the GraphQL type describes it. */
  description: string;
}

export const ENTITY_TYPE_INFO = {
  Agency: {
    idPrefix: 'agency',
    description:
      'An organisation that acts: ministry, intelligence or security service, police, prosecutor, court, legislature, …',
  },
  Law: { idPrefix: 'law', description: 'A law, regulation, treaty or legally-worded offence.' },
  Tactic: {
    idPrefix: 'tactic',
    description:
      'A concrete method an actor uses: approach, recruitment, manipulation, coercion, cover, cyber technique.',
  },
  TargetGroup: {
    idPrefix: 'target-group',
    description: 'A group targeted or addressed: nationals posted abroad, students and researchers, engineers, …',
  },
  Event: {
    idPrefix: 'event',
    description:
      'A dated or datable happening: a warning published, a law entering into force, an arrest, a charge, …',
  },
} as const satisfies Record<EntityType, EntityTypeInfo>;

export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

/** "Agency, Law, Tactic, TargetGroup or Event": a list of names in a text for users. */
export function oneOf(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

export const DATE_PRECISIONS = ['DAY', 'MONTH', 'YEAR'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** UTF-16 code unit offsets into a text, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface Mention extends Span {
  text: string;
}
