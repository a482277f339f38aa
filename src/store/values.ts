import neo4j from 'neo4j-driver';

/**
 * Converts what the driver returns into plain JavaScript once, at the data-layer boundary:
 * Integers become numbers, temporals ISO strings, nodes and relationships their properties.
 * Resolvers never see driver types.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return toPlain(value.properties);
  const plain: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) plain[key] = toPlain(inner);
  return plain;
}

export type Row = Record<string, unknown>;

/** Numbers that Cypher needs as integers (SKIP, LIMIT, ranges): JS numbers travel as floats. */
export const int = (value: number) => neo4j.int(value);
