import { buildSchema, type GraphQLArgument, type GraphQLEnumValue, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';

interface WithFields {
  getFields(): Record<string, { name: string; description?: string | null; args?: readonly GraphQLArgument[] }>;
}

/*
 * Pothos builds its types with graphql's CommonJS build while this file gets the ES module one, so
 * `isObjectType` (an instanceof check) would refuse them: the walk tells kinds apart by shape.
 */
const hasFields = (type: GraphQLNamedType): type is GraphQLNamedType & WithFields => 'getFields' in type;
const hasValues = (type: GraphQLNamedType): type is GraphQLNamedType & { getValues(): readonly GraphQLEnumValue[] } =>
  'getValues' in type;
const BUILT_IN = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

/** Every element of the built schema a client can see and that has no description, by its schema coordinate. */
function undescribedElements(built: GraphQLSchema): string[] {
  const missing: string[] = [];
  const described = (text: string | null | undefined) => typeof text === 'string' && text.trim().length > 0;
  for (const type of Object.values(built.getTypeMap())) {
    if (type.name.startsWith('__') || BUILT_IN.has(type.name)) continue;
    if (!described(type.description)) missing.push(type.name);
    if (hasFields(type)) {
      // Object and interface fields, with their arguments; input object fields (no arguments).
      for (const field of Object.values(type.getFields())) {
        if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args ?? []) {
          if (!described(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name}:)`);
        }
      }
    } else if (hasValues(type)) {
      for (const value of type.getValues()) {
        if (!described(value.description)) missing.push(`${type.name}.${value.name}`);
      }
    }
  }
  return missing;
}

describe('schema descriptions', () => {
  it('describes every type, field, argument, input field and enum value', () => {
    expect(undescribedElements(schema)).toEqual([]);
  });

  it('names connection types after their node, not after the field that generated them', () => {
    const generated = Object.keys(schema.getTypeMap()).filter((name) => /^(Query|Mutation)[A-Z]/.test(name));
    expect(generated).toEqual([]);
    expect(schema.getType('EntityConnection')).toBeDefined();
    expect(schema.getType('DocumentEdge')).toBeDefined();
  });

  it('finds an element without a description', () => {
    // The walk itself is checked on a schema built for the purpose, so an empty list above means something.
    const probe = buildSchema('"""A query."""\ntype Query { """Says hi."""\nhello(name: String): String }');
    expect(undescribedElements(probe)).toEqual(['Query.hello(name:)']);
  });
});
