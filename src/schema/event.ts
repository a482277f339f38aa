import { ENTITY_TYPE_INFO } from '../domain/entities.js';
import { DatePrecisionEnum, EntityRef, EventRef } from './entity.js';
import { relationFields } from './relations.js';

EventRef.implement({
  description: ENTITY_TYPE_INFO.Event.description,
  interfaces: [EntityRef],
  fields: (t) => ({
    date: t.exposeString('date', { nullable: true, description: '`YYYY-MM-DD`, `YYYY-MM` or `YYYY`.' }),
    datePrecision: t.field({
      type: DatePrecisionEnum,
      nullable: true,
      description: 'How much of `date` is known; null when the event is undated.',
      resolve: (event) => event.datePrecision,
    }),
    ...relationFields(t, 'Event'),
  }),
});
