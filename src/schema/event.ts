import { DatePrecisionEnum, EntityRef, EventRef } from './entity.js';
import {
  AgencyRelationConnection,
  EntityRelationConnection,
  EventRelationConnection,
  typedRelationField,
} from './relations.js';

EventRef.implement({
  description: 'A dated or datable happening: a warning published, a law entering into force, an arrest, a charge, …',
  interfaces: [EntityRef],
  fields: (t) => ({
    date: t.exposeString('date', { nullable: true, description: '`YYYY-MM-DD`, `YYYY-MM` or `YYYY`.' }),
    datePrecision: t.field({ type: DatePrecisionEnum, nullable: true, resolve: (event) => event.datePrecision }),
    involves: typedRelationField(t, 'involves', EntityRelationConnection, {
      owner: 'Event',
      relationType: 'INVOLVES',
      direction: 'OUT',
      otherType: null,
      description: 'Participants and subjects of the event, of any type (INVOLVES).',
    }),
    issuedBy: typedRelationField(t, 'issuedBy', AgencyRelationConnection, {
      owner: 'Event',
      relationType: 'ISSUED',
      direction: 'IN',
      otherType: 'Agency',
      description: 'The agency that published the warning or statement, or announced the case (ISSUED, incoming).',
    }),
    reportedBy: typedRelationField(t, 'reportedBy', AgencyRelationConnection, {
      owner: 'Event',
      relationType: 'REPORTED_BY',
      direction: 'OUT',
      otherType: 'Agency',
      description: 'Outlets or bodies that reported or disclosed the event (REPORTED_BY).',
    }),
    partOf: typedRelationField(t, 'partOf', EventRelationConnection, {
      owner: 'Event',
      relationType: 'PART_OF',
      direction: 'OUT',
      otherType: 'Event',
      description: 'The larger event this one belongs to (PART_OF).',
    }),
    subEvents: typedRelationField(t, 'subEvents', EventRelationConnection, {
      owner: 'Event',
      relationType: 'PART_OF',
      direction: 'IN',
      otherType: 'Event',
      description: 'Events that belong to this one (PART_OF, incoming).',
    }),
  }),
});
