import { EntityRef, TacticRef } from './entity.js';
import {
  AgencyRelationConnection,
  EventRelationConnection,
  TargetGroupRelationConnection,
  typedRelationField,
} from './relations.js';

TacticRef.implement({
  description: 'A concrete method an actor uses: approach, recruitment, manipulation, coercion, cover, cyber technique.',
  interfaces: [EntityRef],
  fields: (t) => ({
    usedBy: typedRelationField(t, AgencyRelationConnection, {
      relationType: 'USES',
      direction: 'IN',
      otherType: 'Agency',
      description: 'Agencies that use the method (USES, incoming).',
    }),
    targets: typedRelationField(t, TargetGroupRelationConnection, {
      relationType: 'TARGETS',
      direction: 'OUT',
      otherType: 'TargetGroup',
      description: 'Groups the method aims at (TARGETS).',
    }),
    targetsAgencies: typedRelationField(t, AgencyRelationConnection, {
      relationType: 'TARGETS',
      direction: 'OUT',
      otherType: 'Agency',
      description: 'Agencies the method aims at (TARGETS).',
    }),
    involvedIn: typedRelationField(t, EventRelationConnection, {
      relationType: 'INVOLVES',
      direction: 'IN',
      otherType: 'Event',
      description: 'Events that involve the method (INVOLVES, incoming).',
    }),
  }),
});
