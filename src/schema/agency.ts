import { ENTITY_TYPE_INFO } from '../domain/entities.js';
import { AgencyRef, EntityRef } from './entity.js';
import { relationFields } from './relations.js';

AgencyRef.implement({
  description: ENTITY_TYPE_INFO.Agency.description,
  interfaces: [EntityRef],
  fields: (t) => ({
    ...relationFields(t, 'Agency'),
  }),
});
