import { ENTITY_TYPE_INFO } from '../domain/entities.js';
import { DatePrecisionEnum, EntityRef, LawRef } from './entity.js';
import { relationFields } from './relations.js';

LawRef.implement({
  description: ENTITY_TYPE_INFO.Law.description,
  interfaces: [EntityRef],
  fields: (t) => ({
    date: t.exposeString('date', {
      nullable: true,
      description: 'Entry into force or adoption, when a text gives it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.',
    }),
    datePrecision: t.field({
      type: DatePrecisionEnum,
      nullable: true,
      description: 'How much of `date` is known; null when the law is undated.',
      resolve: (law) => law.datePrecision,
    }),
    ...relationFields(t, 'Law'),
  }),
});
