import { AgencyRef, EntityRef } from './entity.js';
import {
  AgencyRelationConnection,
  EntityRelationConnection,
  EventRelationConnection,
  LawRelationConnection,
  TacticRelationConnection,
  TargetGroupRelationConnection,
  typedRelationField,
} from './relations.js';

AgencyRef.implement({
  description:
    'An organisation that acts: ministry, intelligence or security service, police, prosecutor, court, legislature, …',
  interfaces: [EntityRef],
  fields: (t) => ({
    tactics: typedRelationField(t, 'tactics', TacticRelationConnection, {
      owner: 'Agency',
      relationType: 'USES',
      direction: 'OUT',
      otherType: 'Tactic',
      description: 'Methods the agency uses (USES).',
    }),
    targets: typedRelationField(t, 'targets', TargetGroupRelationConnection, {
      owner: 'Agency',
      relationType: 'TARGETS',
      direction: 'OUT',
      otherType: 'TargetGroup',
      description: 'Groups the agency aims at (TARGETS).',
    }),
    targetsAgencies: typedRelationField(t, 'targetsAgencies', AgencyRelationConnection, {
      owner: 'Agency',
      relationType: 'TARGETS',
      direction: 'OUT',
      otherType: 'Agency',
      description: 'Agencies the agency aims at (TARGETS).',
    }),
    targetedBy: typedRelationField(t, 'targetedBy', EntityRelationConnection, {
      owner: 'Agency',
      relationType: 'TARGETS',
      direction: 'IN',
      otherType: null,
      description: 'Agencies and tactics that aim at the agency (TARGETS, incoming).',
    }),
    warns: typedRelationField(t, 'warns', TargetGroupRelationConnection, {
      owner: 'Agency',
      relationType: 'WARNS',
      direction: 'OUT',
      otherType: 'TargetGroup',
      description: 'Groups the agency warns (WARNS).',
    }),
    issued: typedRelationField(t, 'issued', EventRelationConnection, {
      owner: 'Agency',
      relationType: 'ISSUED',
      direction: 'OUT',
      otherType: 'Event',
      description: 'Warnings, statements and announcements the agency published (ISSUED).',
    }),
    enforces: typedRelationField(t, 'enforces', LawRelationConnection, {
      owner: 'Agency',
      relationType: 'ENFORCES',
      direction: 'OUT',
      otherType: 'Law',
      description: 'Laws the agency applies (ENFORCES).',
    }),
    enacted: typedRelationField(t, 'enacted', LawRelationConnection, {
      owner: 'Agency',
      relationType: 'ENACTED',
      direction: 'OUT',
      otherType: 'Law',
      description: 'Laws the agency adopted, as a legislature (ENACTED).',
    }),
    partOf: typedRelationField(t, 'partOf', AgencyRelationConnection, {
      owner: 'Agency',
      relationType: 'PART_OF',
      direction: 'OUT',
      otherType: 'Agency',
      description: 'Agencies this one is part of (PART_OF).',
    }),
    subAgencies: typedRelationField(t, 'subAgencies', AgencyRelationConnection, {
      owner: 'Agency',
      relationType: 'PART_OF',
      direction: 'IN',
      otherType: 'Agency',
      description: 'Agencies that are part of this one (PART_OF, incoming).',
    }),
    involvedIn: typedRelationField(t, 'involvedIn', EventRelationConnection, {
      owner: 'Agency',
      relationType: 'INVOLVES',
      direction: 'IN',
      otherType: 'Event',
      description: 'Events the agency takes part in (INVOLVES, incoming).',
    }),
    reported: typedRelationField(t, 'reported', EventRelationConnection, {
      owner: 'Agency',
      relationType: 'REPORTED_BY',
      direction: 'IN',
      otherType: 'Event',
      description: 'Events the agency reported or disclosed (REPORTED_BY, incoming).',
    }),
  }),
});
