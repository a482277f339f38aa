import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Random GraphQL operations over a schema, for the fuzz suite: a few fields per level (down to
 * depth 3), arguments inline or through variables of their declared type, hostile strings,
 * numbers out of range, forged ids and cursors, enum values that are not in the enum, and now
 * and then a variable of the wrong JSON type. Every name comes from the schema it is given, so
 * the generator follows the schema as it changes. `ids` are real ids to mix in so that some
 * operations reach data.
 */

const HOSTILE_STRINGS = [
  '',
  ' ',
  "' OR 1=1 //",
  '") RETURN n //',
  '}) MATCH (n) DETACH DELETE n //',
  '$id',
  '*:*',
  'name:* AND NOT x~ ^3 [a TO z] "unterminated',
  '\\',
  '\u0000',
  '\ud800',
  '%00%27',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '../../../../etc/passwd',
  'x'.repeat(10_000),
  'é'.repeat(9_000),
  Array.from({ length: 1100 }, (_, i) => `w${i}`).join(' '),
  'OffsetConnection:-44',
  Buffer.from('OffsetConnection:-44').toString('base64'),
  Buffer.from('OffsetConnection:99999999999').toString('base64'),
  'T2Zmc2V0Q29ubmVjdGlvbjox',
  Buffer.from('{"after":["zzz",-1]}').toString('base64'),
  Buffer.from('\u0000\u0001garbage').toString('base64url'),
  '%%%not-base64%%%',
  '=',
  '2024-13-45',
  '9999-99',
  'fr',
  'xx',
];
const FORGED_IDS = [
  'agency:',
  'document:',
  'agency:nothing-here',
  'nope',
  'event:x\u0000y',
  "agency:mi5'",
  'document:' + 'f'.repeat(64),
  'agency:' + 'a'.repeat(5_000),
  'Agency:MSS',
  ':',
];
/** Values of any JSON type, for a variable that should hold something else. */
const WRONG_TYPE_VALUES: unknown[] = [
  'not a number',
  12.5,
  -0,
  2 ** 31,
  2 ** 53 + 2,
  1e308,
  -1e308,
  true,
  {},
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  [],
  [[[]]],
  '__proto__',
  'constructor',
];

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('MSS', 'Ministry', 'agency', 'security') },
);
const hostileInt = fc.oneof(
  fc.constantFrom(-1, 0, 1, 2, 3, 5, 20, 100, 101, 500, 501, 10_000, 2_147_483_647, -2_147_483_648),
  fc.integer({ min: -5, max: 120 }),
);
/** Not the enum's values: near misses in case and spelling, and junk. */
const enumJunk = (values: string[]) =>
  fc.oneof(
    fc.constantFrom(...values.map((value) => value.toLowerCase()), ...values.map((value) => `${value} `), '', 'null', '__typename'),
    fc.string({ maxLength: 12 }),
  );

/** One generated operation: its text and its variables. */
export interface Operation {
  query: string;
  variables: Record<string, unknown>;
}

/** Builds operations over `schema`; variables are numbered as they are made. */
class OperationBuilder {
  private readonly variables: Record<string, unknown> = {};
  private readonly definitions: string[] = [];

  private readonly ids: string[];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly draw: <T>(arbitrary: fc.Arbitrary<T>) => T,
    realIds: string[],
  ) {
    this.ids = [...realIds, ...FORGED_IDS];
  }

  operation(kind: 'query' | 'mutation'): Operation {
    const root = kind === 'query' ? this.schema.getQueryType()! : this.schema.getMutationType()!;
    const fields = this.pickFields(root, 1 + this.draw(fc.nat(1)));
    const body = fields.map((field) => this.field(field, 0)).join(' ');
    const header = this.definitions.length > 0 ? `(${this.definitions.join(', ')})` : '';
    return { query: `${kind} Fuzz${header} { ${body} }`, variables: this.variables };
  }

  private pickFields(type: GraphQLObjectType | { getFields(): Record<string, GraphQLField<unknown, unknown>> }, count: number) {
    const fields = Object.values(type.getFields());
    return this.draw(fc.shuffledSubarray(fields, { minLength: Math.min(count, fields.length), maxLength: Math.min(count, fields.length) }));
  }

  private field(field: GraphQLField<unknown, unknown>, depth: number): string {
    const args = field.args
      .filter((arg) => isNonNullType(arg.type) || this.draw(fc.boolean()))
      .map((arg) => `${arg.name}: ${this.argument(arg)}`);
    const alias = this.draw(fc.nat(9)) === 0 ? `a${this.draw(fc.nat(99))}: ` : '';
    const head = `${alias}${field.name}${args.length > 0 ? `(${args.join(', ')})` : ''}`;
    const named = getNamedType(field.type);
    if (isScalarType(named) || isEnumType(named)) return head;
    return `${head} { ${this.selection(named, depth + 1)} }`;
  }

  private selection(type: GraphQLNamedType, depth: number): string {
    if (isUnionType(type) || isInterfaceType(type)) {
      const possible = this.schema.getPossibleTypes(type);
      const concrete = this.draw(fc.constantFrom(...possible));
      const shared = isInterfaceType(type) ? this.leafOrDeeper(type, depth) : '';
      return `__typename ${shared} ... on ${concrete.name} { ${this.leafOrDeeper(concrete, depth)} }`;
    }
    if (isObjectType(type)) return this.leafOrDeeper(type, depth);
    return '__typename';
  }

  /** A few fields of the type; past depth 3 only its leaves. */
  private leafOrDeeper(type: { getFields(): Record<string, GraphQLField<unknown, unknown>> }, depth: number): string {
    const all = Object.values(type.getFields());
    const leaves = all.filter((field) => {
      const named = getNamedType(field.type);
      return (isScalarType(named) || isEnumType(named)) && field.args.every((arg) => !isNonNullType(arg.type));
    });
    const pool = depth >= 3 ? leaves : all;
    if (pool.length === 0) return '__typename';
    const count = Math.min(pool.length, 1 + this.draw(fc.nat(2)));
    const chosen = this.draw(fc.shuffledSubarray(pool, { minLength: count, maxLength: count }));
    return chosen.map((field) => this.field(field, depth)).join(' ');
  }

  /**
   * An argument inline, or through a variable of its declared type; a variable may carry a value
   * that does not fit it (wrong JSON type, a string that is no enum value), which the server must
   * refuse with a code.
   */
  private argument(arg: GraphQLArgument): string {
    const value = this.value(arg.type, arg.name, 0);
    if (this.draw(fc.boolean())) {
      const name = `v${this.definitions.length}`;
      this.definitions.push(`$${name}: ${String(arg.type)}`);
      this.variables[name] = this.draw(fc.nat(11)) === 0 ? this.misfit(arg.type) : value;
      return `$${name}`;
    }
    return literal(value, arg.type);
  }

  private misfit(type: GraphQLInputType): unknown {
    const named = getNamedType(type);
    if (isEnumType(named) && this.draw(fc.boolean())) {
      return this.draw(enumJunk(named.getValues().map((value) => value.name)));
    }
    return this.draw(fc.constantFrom(...WRONG_TYPE_VALUES));
  }

  private value(type: GraphQLInputType, name: string, depth: number): unknown {
    const nonNull = isNonNullType(type);
    const inner = getNullableType(type) as GraphQLInputType;
    if (!nonNull && this.draw(fc.nat(7)) === 0) return null;
    if (isListType(inner)) {
      // Long lists only at the top: 101 items of 101 items would be a generator problem, not a test.
      const size = this.draw(depth === 0 ? fc.oneof(fc.nat(4), fc.constantFrom(0, 101)) : fc.nat(2));
      return Array.from({ length: size }, () => this.value(inner.ofType as GraphQLInputType, name, depth + 1));
    }
    if (isEnumType(inner)) return this.draw(fc.constantFrom(...inner.getValues().map((value) => value.name)));
    if (isInputObjectType(inner)) {
      const object: Record<string, unknown> = {};
      for (const field of Object.values(inner.getFields())) {
        if (isNonNullType(field.type) || (depth < 2 && this.draw(fc.boolean()))) {
          object[field.name] = this.value(field.type, field.name, depth + 1);
        }
      }
      return object;
    }
    switch (getNamedType(inner).name) {
      case 'Int':
        return this.draw(hostileInt);
      case 'Float':
        return this.draw(fc.double({ noNaN: true, noDefaultInfinity: true }));
      case 'Boolean':
        return this.draw(fc.boolean());
      case 'ID':
        return this.draw(fc.oneof(fc.constantFrom(...this.ids), hostileString));
      default:
        return /id$/i.test(name) ? this.draw(fc.oneof(fc.constantFrom(...this.ids), hostileString)) : this.draw(hostileString);
    }
  }
}

/** A GraphQL literal for a value of `type`: enums bare, strings JSON-quoted (valid GraphQL). */
function literal(value: unknown, type: GraphQLInputType): string {
  if (value === null || value === undefined) return 'null';
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) return `[${(value as unknown[]).map((item) => literal(item, inner.ofType as GraphQLInputType)).join(', ')}]`;
  if (isEnumType(inner)) return String(value);
  if (isInputObjectType(inner)) {
    const fields = inner.getFields();
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${key}: ${literal(item, fields[key]!.type)}`)
      .join(', ')} }`;
  }
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** Operations of one kind over `schema`, shrinkable by fast-check. */
export const operationOf = (schema: GraphQLSchema, kind: 'query' | 'mutation', realIds: string[]) =>
  fc.gen().map((draw) => new OperationBuilder(schema, (arbitrary) => draw(() => arbitrary), realIds).operation(kind));

