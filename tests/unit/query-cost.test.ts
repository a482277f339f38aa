import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { cachedOperationCost, DEFAULT_PAGE, LIST_ESTIMATE, operationCost } from '../../src/server/query-cost.js';

/** The cost formula of src/server/query-cost.ts on the real schema, without a server. */
const cost = (query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
  operationCost(schema, parse(query), operationName, variables);

describe('operation cost', () => {
  it('counts scalars 1 and objects 2, times the items above them', () => {
    expect(cost('{ entity(id: "a") { id name } }')).toBe(2 + 1 + 1);
    // 10 entities of 1 + 1 fields, the connection and its edges.
    expect(cost('{ entities(first: 10) { edges { node { id name } } } }')).toBe(2 + 10 * 2 + 10 * (2 + 1 + 1));
  });

  it('reads page sizes from variables exactly as from literals, and defaults when absent', () => {
    const literal = cost('{ entities(first: 100) { edges { node { id related(first: 100) { totalCount } } } } }');
    const variable = cost('query($n: Int) { entities(first: $n) { edges { node { id related(first: $n) { totalCount } } } } }', { n: 100 });
    expect(variable).toBe(literal);
    const defaulted = cost('query($n: Int) { entities(first: $n) { edges { node { id } } } }', {});
    expect(defaulted).toBe(cost(`{ entities(first: ${DEFAULT_PAGE}) { edges { node { id } } } }`));
  });

  it('counts search hits and timeline events as the lists they are: by first, or the default page', () => {
    const searchWeight = 10; // FIELD_WEIGHTS['Query.search']
    expect(cost('{ search(query: "x", first: 50) { edges { score node { id } } } }')).toBe(
      searchWeight + 50 * (2 + 1 + 2 + 1),
    );
    expect(cost('{ search(query: "x") { edges { node { id } } } }')).toBe(searchWeight + DEFAULT_PAGE * (2 + 2 + 1));
    expect(cost('{ timeline(first: 100) { edges { node { id name } } } }')).toBe(2 + 100 * (2 + 2 + 1 + 1));
    // What sits under each event is multiplied by the page too.
    const nested = cost('{ timeline(first: 100) { edges { node { involves(first: 10) { edges { node { id } } } } } } }')!;
    expect(nested).toBe(2 + 100 * (2 + 2 + 2 + 10 * (2 + 2 + 1)));
  });

  it('expands fragments and counts lists without a bound at the estimate', () => {
    const inline = cost('{ entity(id: "a") { ... on Agency { aliases { name } } } }');
    const spread = cost('query { entity(id: "a") { ...A } } fragment A on Agency { aliases { name } }');
    expect(spread).toBe(inline);
    expect(inline).toBe(2 + 2 + LIST_ESTIMATE * 1);
  });

  it('weighs fields that fetch: a document text far above a field', () => {
    const text = cost('{ documents(first: 1) { edges { node { text } } } }')!;
    const id = cost('{ documents(first: 1) { edges { node { id } } } }')!;
    expect(text - id).toBeGreaterThanOrEqual(100);
  });

  it('is null when the variables do not coerce (execution reports them)', () => {
    expect(cost('query($n: Int) { entities(first: $n) { totalCount } }', { n: 'many' })).toBeNull();
  });

  it('remembered per document, gives what the walk gives for every shape of the variables', () => {
    // One parsed document reused, as Yoga's parser cache does, against fresh walks.
    const query = `query Page($id: ID!, $n: Int, $m: Int, $ids: [ID!]!, $types: [EntityType!]) {
      entity(id: $id) { id related(first: $n, types: $types) { edges { node { id related(first: $m) { totalCount } } } } }
      entities(ids: $ids) { id }
      other: entity(id: "x") { ...F }
    }
    fragment F on Agency { tactics(first: $m) { edges { node { id } } } }`;
    const document = parse(query);
    const shapes: Record<string, unknown>[] = [
      { id: 'a', n: 5, ids: ['a'] },
      { id: 'b', n: 5, ids: ['b'] },
      { id: 'a', n: 50, m: 3, ids: ['a', 'b', 'c'] },
      { id: 'a', n: 50, m: 3, ids: ['c', 'd', 'e'] },
      { id: 'a', n: null, m: 0, ids: [], types: ['AGENCY'] },
      { id: 'a', n: 7, ids: ['a'], types: null },
      { id: 'a', n: 'seven', ids: ['a'] },
      { id: 'a', n: 5, ids: ['a'] },
    ];
    for (const variables of shapes) {
      const expected = operationCost(schema, parse(query), 'Page', variables);
      expect(cachedOperationCost(schema, document, 'Page', variables), JSON.stringify(variables)).toBe(expected);
    }
    // The page sizes do change it: the cache holds one cost per shape, not one per document.
    expect(cachedOperationCost(schema, document, 'Page', { id: 'a', n: 50, m: 3, ids: ['a'] })).not.toBe(
      cachedOperationCost(schema, document, 'Page', { id: 'a', n: 5, ids: ['a'] }),
    );
  });
});
