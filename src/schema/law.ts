import { DatePrecisionEnum, EntityRef, LawRef } from './entity.js';
import { AgencyRelationConnection, EventRelationConnection, typedRelationField } from './relations.js';

LawRef.implement({
  description: 'A law, regulation, treaty or legally-worded offence.',
  interfaces: [EntityRef],
  fields: (t) => ({
    date: t.exposeString('date', {
      nullable: true,
      description: 'Entry into force or adoption, when a text gives it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.',
    }),
    datePrecision: t.field({ type: DatePrecisionEnum, nullable: true, resolve: (law) => law.datePrecision }),
    enforcedBy: typedRelationField(t, 'enforcedBy', AgencyRelationConnection, {
      owner: 'Law',
      relationType: 'ENFORCES',
      direction: 'IN',
      otherType: 'Agency',
      description: 'Agencies that apply the law (ENFORCES, incoming).',
    }),
    enactedBy: typedRelationField(t, 'enactedBy', AgencyRelationConnection, {
      owner: 'Law',
      relationType: 'ENACTED',
      direction: 'IN',
      otherType: 'Agency',
      description: 'Legislatures that adopted the law (ENACTED, incoming).',
    }),
    involvedIn: typedRelationField(t, 'involvedIn', EventRelationConnection, {
      owner: 'Law',
      relationType: 'INVOLVES',
      direction: 'IN',
      otherType: 'Event',
      description: 'Events that involve the law, such as its entry into force (INVOLVES, incoming).',
    }),
  }),
});
