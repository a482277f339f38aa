import { EntityRef, TargetGroupRef } from './entity.js';
import {
  AgencyRelationConnection,
  EventRelationConnection,
  TacticRelationConnection,
  typedRelationField,
} from './relations.js';

TargetGroupRef.implement({
  description: 'A group targeted or addressed: nationals posted abroad, students and researchers, engineers, …',
  interfaces: [EntityRef],
  fields: (t) => ({
    warnedBy: typedRelationField(t, 'warnedBy', AgencyRelationConnection, {
      owner: 'TargetGroup',
      relationType: 'WARNS',
      direction: 'IN',
      otherType: 'Agency',
      description: 'Agencies whose warnings address the group (WARNS, incoming).',
    }),
    targetedBy: typedRelationField(t, 'targetedBy', TacticRelationConnection, {
      owner: 'TargetGroup',
      relationType: 'TARGETS',
      direction: 'IN',
      otherType: 'Tactic',
      description: 'Methods aimed at the group (TARGETS, incoming).',
    }),
    targetedByAgencies: typedRelationField(t, 'targetedByAgencies', AgencyRelationConnection, {
      owner: 'TargetGroup',
      relationType: 'TARGETS',
      direction: 'IN',
      otherType: 'Agency',
      description: 'Agencies that aim at the group (TARGETS, incoming).',
    }),
    involvedIn: typedRelationField(t, 'involvedIn', EventRelationConnection, {
      owner: 'TargetGroup',
      relationType: 'INVOLVES',
      direction: 'IN',
      otherType: 'Event',
      description: 'Events that involve the group (INVOLVES, incoming).',
    }),
  }),
});
