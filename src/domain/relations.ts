import type { EntityType } from './entities.js';

/**
 * The relation types of the knowledge model, declared once (../shared/ontology.md, "Relation
 * types"; direction is source -> target). Each row gives the entity types a relation may join,
 * and the typed GraphQL fields that follow it: `forward` fields sit on the source and read the
 * relation outgoing, `back` fields sit on the target and read it incoming. The schema builds
 * those fields from this table, and every stored relation fits its endpoints (annotations are
 * refused, other writes leave a misfit out), so reads may rely on them; adding a relation type
 * is one row here plus its extraction rule.
 */

export const RELATION_TYPES = [
  'ISSUED',
  'WARNS',
  'USES',
  'TARGETS',
  'ENFORCES',
  'ENACTED',
  'INVOLVES',
  'REPORTED_BY',
  'PART_OF',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export type RelationDirection = 'OUT' | 'IN';

/** Sources of the types in `from` may point at targets of the types in `to` ('any': every type). */
export interface RelationEndpoints {
  from: readonly EntityType[];
  to: readonly EntityType[] | 'any';
}

/** A typed relation field `on.field`, whose nodes are of type `other` (null: any entity type). */
export interface RelationFieldSpec {
  on: EntityType;
  field: string;
  other: EntityType | null;
  /** Says what the field lists; the schema appends the relation type and direction. */
  description: string;
}

export interface RelationSpec {
  description: string;
  endpoints: readonly RelationEndpoints[];
  forward: readonly RelationFieldSpec[];
  back: readonly RelationFieldSpec[];
}

export const RELATIONS: Record<RelationType, RelationSpec> = {
  ISSUED: {
    description: 'The agency published the warning, statement or advisory, or announced the case.',
    endpoints: [{ from: ['Agency'], to: ['Event'] }],
    forward: [
      {
        on: 'Agency',
        field: 'issued',
        other: 'Event',
        description: 'Warnings, statements and announcements the agency published',
      },
    ],
    back: [
      {
        on: 'Event',
        field: 'issuedBy',
        other: 'Agency',
        description: 'The agency that published the warning or statement, or announced the case',
      },
    ],
  },
  WARNS: {
    description: "The group an agency's warning addresses.",
    endpoints: [{ from: ['Agency'], to: ['TargetGroup'] }],
    forward: [{ on: 'Agency', field: 'warns', other: 'TargetGroup', description: 'Groups the agency warns' }],
    back: [
      {
        on: 'TargetGroup',
        field: 'warnedBy',
        other: 'Agency',
        description: 'Agencies whose warnings address the group',
      },
    ],
  },
  USES: {
    description: 'The actor uses the method.',
    endpoints: [{ from: ['Agency'], to: ['Tactic'] }],
    forward: [{ on: 'Agency', field: 'tactics', other: 'Tactic', description: 'Methods the agency uses' }],
    back: [{ on: 'Tactic', field: 'usedBy', other: 'Agency', description: 'Agencies that use the method' }],
  },
  TARGETS: {
    description: 'Whom a method or an actor aims at.',
    endpoints: [{ from: ['Tactic', 'Agency'], to: ['TargetGroup', 'Agency'] }],
    forward: [
      { on: 'Agency', field: 'targets', other: 'TargetGroup', description: 'Groups the agency aims at' },
      { on: 'Agency', field: 'targetsAgencies', other: 'Agency', description: 'Agencies the agency aims at' },
      { on: 'Tactic', field: 'targets', other: 'TargetGroup', description: 'Groups the method aims at' },
      { on: 'Tactic', field: 'targetsAgencies', other: 'Agency', description: 'Agencies the method aims at' },
    ],
    back: [
      {
        on: 'Agency',
        field: 'targetedBy',
        other: null,
        description: 'Agencies and tactics that aim at the agency',
      },
      { on: 'TargetGroup', field: 'targetedBy', other: 'Tactic', description: 'Methods aimed at the group' },
      {
        on: 'TargetGroup',
        field: 'targetedByAgencies',
        other: 'Agency',
        description: 'Agencies that aim at the group',
      },
    ],
  },
  ENFORCES: {
    description: 'The agency applies the law (charges, investigates under it).',
    endpoints: [{ from: ['Agency'], to: ['Law'] }],
    forward: [{ on: 'Agency', field: 'enforces', other: 'Law', description: 'Laws the agency applies' }],
    back: [{ on: 'Law', field: 'enforcedBy', other: 'Agency', description: 'Agencies that apply the law' }],
  },
  ENACTED: {
    description: 'A legislature adopted the law.',
    endpoints: [{ from: ['Agency'], to: ['Law'] }],
    forward: [
      { on: 'Agency', field: 'enacted', other: 'Law', description: 'Laws the agency adopted, as a legislature' },
    ],
    back: [{ on: 'Law', field: 'enactedBy', other: 'Agency', description: 'Legislatures that adopted the law' }],
  },
  INVOLVES: {
    description: 'Participants and subjects of an event.',
    endpoints: [{ from: ['Event'], to: 'any' }],
    forward: [
      {
        on: 'Event',
        field: 'involves',
        other: null,
        description: 'Participants and subjects of the event, of any type',
      },
    ],
    back: [
      { on: 'Agency', field: 'involvedIn', other: 'Event', description: 'Events the agency takes part in' },
      {
        on: 'Law',
        field: 'involvedIn',
        other: 'Event',
        description: 'Events that involve the law, such as its entry into force',
      },
      { on: 'Tactic', field: 'involvedIn', other: 'Event', description: 'Events that involve the method' },
      { on: 'TargetGroup', field: 'involvedIn', other: 'Event', description: 'Events that involve the group' },
    ],
  },
  REPORTED_BY: {
    description: 'The outlet or body that reported or disclosed the event.',
    endpoints: [{ from: ['Event'], to: ['Agency'] }],
    forward: [
      {
        on: 'Event',
        field: 'reportedBy',
        other: 'Agency',
        description: 'Outlets or bodies that reported or disclosed the event',
      },
    ],
    back: [
      { on: 'Agency', field: 'reported', other: 'Event', description: 'Events the agency reported or disclosed' },
    ],
  },
  PART_OF: {
    description: 'Subordination of an agency; sub-events of an event.',
    endpoints: [
      { from: ['Agency'], to: ['Agency'] },
      { from: ['Event'], to: ['Event'] },
    ],
    forward: [
      { on: 'Agency', field: 'partOf', other: 'Agency', description: 'Agencies this one is part of' },
      { on: 'Event', field: 'partOf', other: 'Event', description: 'The larger event this one belongs to' },
    ],
    back: [
      { on: 'Agency', field: 'subAgencies', other: 'Agency', description: 'Agencies that are part of this one' },
      { on: 'Event', field: 'subEvents', other: 'Event', description: 'Events that belong to this one' },
    ],
  },
};

export function isRelationType(value: string): value is RelationType {
  return (RELATION_TYPES as readonly string[]).includes(value);
}

/** Whether `type` may join a source of type `from` to a target of type `to`. */
export function relationFitsOntology(type: RelationType, from: EntityType, to: EntityType): boolean {
  return RELATIONS[type].endpoints.some(
    (rule) => rule.from.includes(from) && (rule.to === 'any' || rule.to.includes(to)),
  );
}

/**
 * The entity types the ontology allows at the other end of a `type` relation read in
 * `direction` from an owner of type `owner` ('any': every type).
 */
export function otherEndTypes(type: RelationType, direction: RelationDirection, owner: EntityType): readonly EntityType[] | 'any' {
  const found = new Set<EntityType>();
  for (const rule of RELATIONS[type].endpoints) {
    if (direction === 'OUT') {
      if (!rule.from.includes(owner)) continue;
      if (rule.to === 'any') return 'any';
      rule.to.forEach((other) => found.add(other));
    } else if (rule.to === 'any' || rule.to.includes(owner)) {
      rule.from.forEach((other) => found.add(other));
    }
  }
  return [...found];
}

/** One typed relation field with the relation it reads and the direction it reads it in. */
export interface RelationField extends RelationFieldSpec {
  relationType: RelationType;
  direction: RelationDirection;
}

/** The typed relation fields on an entity type, in table order (forward, then back, per relation). */
export function relationFieldsOn(owner: EntityType): RelationField[] {
  return RELATION_TYPES.flatMap((relationType) => [
    ...RELATIONS[relationType].forward
      .filter((spec) => spec.on === owner)
      .map((spec): RelationField => ({ ...spec, relationType, direction: 'OUT' })),
    ...RELATIONS[relationType].back
      .filter((spec) => spec.on === owner)
      .map((spec): RelationField => ({ ...spec, relationType, direction: 'IN' })),
  ]);
}
