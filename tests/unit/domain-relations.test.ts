import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../src/domain/entities.js';
import { RELATION_TYPES, RELATIONS, relationFieldsOn, relationFitsOntology } from '../../src/domain/relations.js';

/** The printed SDL, as clients see it. */
const sdl = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));

/** `Owner.field -> Connection (TYPE, OUT|IN)` for every typed relation field of the entity types in the SDL. */
function relationFieldsInSdl(): string[] {
  const found: string[] = [];
  for (const owner of ENTITY_TYPES) {
    const type = sdl.getType(owner);
    if (!isObjectType(type)) throw new Error(`${owner} is not an object type in the SDL`);
    for (const field of Object.values(type.getFields())) {
      const connection = getNamedType(field.type).name;
      // `related` is the generic walk every entity has (from the Entity interface), not a row of the table.
      if (!connection.endsWith('RelationConnection') || field.name === 'related') continue;
      const declared = /\(([A-Z_]+)(, incoming)?\)\.$/.exec(field.description ?? '');
      found.push(`${owner}.${field.name} -> ${connection} (${declared?.[1]}, ${declared?.[2] ? 'IN' : 'OUT'})`);
    }
  }
  return found.sort();
}

function relationFieldsInTable(): string[] {
  return ENTITY_TYPES.flatMap((owner) =>
    relationFieldsOn(owner).map(
      (spec) =>
        `${owner}.${spec.field} -> ${spec.other ?? 'Entity'}RelationConnection (${spec.relationType}, ${spec.direction})`,
    ),
  ).sort();
}

describe('the relation table (domain/relations.ts)', () => {
  it('declares exactly the typed relation fields of schema/schema.graphql, both directions and extra back fields', () => {
    const inSdl = relationFieldsInSdl();
    const inTable = relationFieldsInTable();
    expect(inSdl.filter((field) => !inTable.includes(field))).toEqual([]);
    expect(inTable.filter((field) => !inSdl.includes(field))).toEqual([]);
    // A few fields spelled out, so the comparison cannot pass on two empty lists.
    expect(inSdl).toEqual(
      expect.arrayContaining([
        'Agency.tactics -> TacticRelationConnection (USES, OUT)',
        'Tactic.usedBy -> AgencyRelationConnection (USES, IN)',
        'Agency.targetedBy -> EntityRelationConnection (TARGETS, IN)',
        'TargetGroup.targetedByAgencies -> AgencyRelationConnection (TARGETS, IN)',
        'Event.involves -> EntityRelationConnection (INVOLVES, OUT)',
        'Law.involvedIn -> EventRelationConnection (INVOLVES, IN)',
      ]),
    );
    expect(inSdl).toHaveLength(28);
  });

  it('gives every relation type a forward and a back field, and no entity type a field name twice', () => {
    for (const type of RELATION_TYPES) {
      expect(RELATIONS[type].forward.length, type).toBeGreaterThan(0);
      expect(RELATIONS[type].back.length, type).toBeGreaterThan(0);
    }
    for (const owner of ENTITY_TYPES) {
      const names = relationFieldsOn(owner).map((spec) => spec.field);
      expect(new Set(names).size, owner).toBe(names.length);
    }
  });

  it("only declares fields its endpoints allow", () => {
    for (const type of RELATION_TYPES) {
      for (const spec of RELATIONS[type].forward) {
        const targets = spec.other ? [spec.other] : ENTITY_TYPES;
        expect(targets.some((other) => relationFitsOntology(type, spec.on, other)), `${spec.on}.${spec.field}`).toBe(true);
      }
      for (const spec of RELATIONS[type].back) {
        const sources = spec.other ? [spec.other] : ENTITY_TYPES;
        expect(sources.some((other) => relationFitsOntology(type, other, spec.on)), `${spec.on}.${spec.field}`).toBe(true);
      }
    }
  });

  it('checks annotation endpoints against the table', () => {
    expect(relationFitsOntology('USES', 'Agency', 'Tactic')).toBe(true);
    expect(relationFitsOntology('USES', 'Tactic', 'Agency')).toBe(false);
    expect(relationFitsOntology('TARGETS', 'Tactic', 'Agency')).toBe(true);
    expect(relationFitsOntology('INVOLVES', 'Event', 'Law')).toBe(true);
    expect(relationFitsOntology('INVOLVES', 'Law', 'Event')).toBe(false);
    expect(relationFitsOntology('PART_OF', 'Agency', 'Event')).toBe(false);
  });
});
