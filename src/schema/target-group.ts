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
    warnedBy: typedRelationField(t, AgencyRelationConnection, {
      relationType: 'WARNS',
      direction: 'IN',
      otherType: 'Agency',
      description: 'Agencies whose warnings address the group (WARNS, incoming).',
    }),
    targetedBy: typedRelationField(t, TacticRelationConnection, {
      relationType: 'TARGETS',
      direction: 'IN',
      otherType: 'Tactic',
      description: 'Methods aimed at the group (TARGETS, incoming).',
    }),
    targetedByAgencies: typedRelationField(t, AgencyRelationConnection, {
      relationType: 'TARGETS',
      direction: 'IN',
      otherType: 'Agency',
      description: 'Agencies that aim at the group (TARGETS, incoming).',
    }),
    involvedIn: typedRelationField(t, EventRelationConnection, {
      relationType: 'INVOLVES',
      direction: 'IN',
      otherType: 'Event',
      description: 'Events that involve the group (INVOLVES, incoming).',
    }),
  }),
});
