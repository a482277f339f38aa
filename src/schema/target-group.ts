import { ENTITY_TYPE_INFO } from '../domain/entities.js';
import { EntityRef, TargetGroupRef } from './entity.js';
import { relationFields } from './relations.js';

TargetGroupRef.implement({
  description: ENTITY_TYPE_INFO.TargetGroup.description,
  interfaces: [EntityRef],
  fields: (t) => ({
    ...relationFields(t, 'TargetGroup'),
  }),
});
