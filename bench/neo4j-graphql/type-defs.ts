import { isEntityType, type EntityType } from '../../src/domain/entities.js';
import { isRelationType, type RelationType } from '../../src/domain/relations.js';
import { ENTITY_LABEL } from '../../src/store/model.js';

/**
 * The type definitions @neo4j/graphql gets for the graph dossier stores (ontology.md, "How the
 * graph is stored"): one type per entity label, the relation fields the benchmark's queries walk,
 * in both directions, with the same names as dossier's fields so the two operations read alike.
 * Labels and relationship types come from the model's constants.
 */

interface FieldSpec {
  field: string;
  type: RelationType;
  direction: 'OUT' | 'IN';
  other: EntityType;
}

const FIELDS: Record<'Agency' | 'Tactic' | 'TargetGroup' | 'Event' | 'Law', FieldSpec[]> = {
  Agency: [
    { field: 'tactics', type: 'USES', direction: 'OUT', other: 'Tactic' },
    { field: 'warns', type: 'WARNS', direction: 'OUT', other: 'TargetGroup' },
    { field: 'issued', type: 'ISSUED', direction: 'OUT', other: 'Event' },
    { field: 'enforces', type: 'ENFORCES', direction: 'OUT', other: 'Law' },
  ],
  Tactic: [
    { field: 'usedBy', type: 'USES', direction: 'IN', other: 'Agency' },
    { field: 'targets', type: 'TARGETS', direction: 'OUT', other: 'TargetGroup' },
  ],
  TargetGroup: [
    { field: 'warnedBy', type: 'WARNS', direction: 'IN', other: 'Agency' },
    { field: 'targetedBy', type: 'TARGETS', direction: 'IN', other: 'Tactic' },
  ],
  Event: [{ field: 'issuedBy', type: 'ISSUED', direction: 'IN', other: 'Agency' }],
  Law: [{ field: 'enforcedBy', type: 'ENFORCES', direction: 'IN', other: 'Agency' }],
};

export function neo4jGraphqlTypeDefs(): string {
  return Object.entries(FIELDS)
    .map(([type, fields]) => {
      if (!isEntityType(type)) throw new Error(`not an entity type: ${type}`);
      const relations = fields.map((f) => {
        if (!isRelationType(f.type) || !isEntityType(f.other)) throw new Error(`bad relation field ${type}.${f.field}`);
        return `  ${f.field}: [${f.other}!]! @relationship(type: "${f.type}", direction: ${f.direction})`;
      });
      return `type ${type} @node(labels: ["${type}", "${ENTITY_LABEL}"]) {\n  id: ID!\n  name: String\n${relations.join('\n')}\n}`;
    })
    .join('\n\n');
}
