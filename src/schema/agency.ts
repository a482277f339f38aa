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
    tactics: typedRelationField(t, TacticRelationConnection, {
      relationType: 'USES',
      direction: 'OUT',
      otherType: 'Tactic',
      description: 'Methods the agency uses (USES).',
    }),
    targets: typedRelationField(t, TargetGroupRelationConnection, {
      relationType: 'TARGETS',
      direction: 'OUT',
      otherType: 'TargetGroup',
      description: 'Groups the agency aims at (TARGETS).',
    }),
    targetsAgencies: typedRelationField(t, AgencyRelationConnection, {
      relationType: 'TARGETS',
      direction: 'OUT',
      otherType: 'Agency',
      description: 'Agencies the agency aims at (TARGETS).',
    }),
    targetedBy: typedRelationField(t, EntityRelationConnection, {
      relationType: 'TARGETS',
      direction: 'IN',
      otherType: null,
      description: 'Agencies and tactics that aim at the agency (TARGETS, incoming).',
    }),
    warns: typedRelationField(t, TargetGroupRelationConnection, {
      relationType: 'WARNS',
      direction: 'OUT',
      otherType: 'TargetGroup',
      description: 'Groups the agency warns (WARNS).',
    }),
    issued: typedRelationField(t, EventRelationConnection, {
      relationType: 'ISSUED',
      direction: 'OUT',
      otherType: 'Event',
      description: 'Warnings, statements and announcements the agency published (ISSUED).',
    }),
    enforces: typedRelationField(t, LawRelationConnection, {
      relationType: 'ENFORCES',
      direction: 'OUT',
      otherType: 'Law',
      description: 'Laws the agency applies (ENFORCES).',
    }),
    enacted: typedRelationField(t, LawRelationConnection, {
      relationType: 'ENACTED',
      direction: 'OUT',
      otherType: 'Law',
      description: 'Laws the agency adopted, as a legislature (ENACTED).',
    }),
    partOf: typedRelationField(t, AgencyRelationConnection, {
      relationType: 'PART_OF',
      direction: 'OUT',
      otherType: 'Agency',
      description: 'Agencies this one is part of (PART_OF).',
    }),
    subAgencies: typedRelationField(t, AgencyRelationConnection, {
      relationType: 'PART_OF',
      direction: 'IN',
      otherType: 'Agency',
      description: 'Agencies that are part of this one (PART_OF, incoming).',
    }),
    involvedIn: typedRelationField(t, EventRelationConnection, {
      relationType: 'INVOLVES',
      direction: 'IN',
      otherType: 'Event',
      description: 'Events the agency takes part in (INVOLVES, incoming).',
    }),
    reported: typedRelationField(t, EventRelationConnection, {
      relationType: 'REPORTED_BY',
      direction: 'IN',
      otherType: 'Event',
      description: 'Events the agency reported or disclosed (REPORTED_BY, incoming).',
    }),
  }),
});
