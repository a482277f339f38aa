import { ENTITY_TYPE_INFO } from '../domain/entities.js';
import { EntityRef, TacticRef } from './entity.js';
import { relationFields } from './relations.js';

TacticRef.implement({
  description: ENTITY_TYPE_INFO.Tactic.description,
  interfaces: [EntityRef],
  fields: (t) => ({
    ...relationFields(t, 'Tactic'),
  }),
});
