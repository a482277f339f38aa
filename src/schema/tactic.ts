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
    usedBy: typedRelationField(t, 'usedBy', AgencyRelationConnection, {
      owner: 'Tactic',
      relationType: 'USES',
      direction: 'IN',
      otherType: 'Agency',
      description: 'Agencies that use the method (USES, incoming).',
    }),
    targets: typedRelationField(t, 'targets', TargetGroupRelationConnection, {
      owner: 'Tactic',
      relationType: 'TARGETS',
      direction: 'OUT',
      otherType: 'TargetGroup',
      description: 'Groups the method aims at (TARGETS).',
    }),
    targetsAgencies: typedRelationField(t, 'targetsAgencies', AgencyRelationConnection, {
      owner: 'Tactic',
      relationType: 'TARGETS',
      direction: 'OUT',
      otherType: 'Agency',
      description: 'Agencies the method aims at (TARGETS).',
    }),
    involvedIn: typedRelationField(t, 'involvedIn', EventRelationConnection, {
      owner: 'Tactic',
      relationType: 'INVOLVES',
      direction: 'IN',
      otherType: 'Event',
      description: 'Events that involve the method (INVOLVES, incoming).',
    }),
  }),
});
