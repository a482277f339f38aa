import { buildSchema, getOperationAST, getVariableValues, parse, validate } from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GRAPHIQL_TABS } from '../../src/server/example-query.js';

// The printed SDL, which CI keeps equal to the code's schema (schema:check).
const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));

describe('GraphiQL example tabs', () => {
  it('are valid against the schema, with variables that match their declarations', () => {
    const operations = GRAPHIQL_TABS.map((tab) => {
      const document = parse(tab.query);
      expect(validate(schema, document).map((error) => error.message)).toEqual([]);
      const operation = getOperationAST(document)!;
      const declared = (operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value).sort();
      const given = Object.keys(tab.variables ? (JSON.parse(tab.variables) as object) : {}).sort();
      expect(given).toEqual(declared);
      // The variables coerce too (enum values such as EN and AGENCY, input fields).
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], tab.variables ? JSON.parse(tab.variables) : {});
      expect(coerced.errors?.map((error) => error.message) ?? []).toEqual([]);
      return `${operation.operation} ${operation.name?.value}`;
    });
    expect(operations).toEqual(['query Explore', 'query Search', 'query Neighbourhood', 'query Timeline', 'mutation LoadDocument']);
  });

  it('show the auth header with the load mutation', () => {
    const load = GRAPHIQL_TABS.at(-1)!;
    expect(JSON.parse(load.headers!)).toEqual({ Authorization: 'Bearer <your API_KEY>' });
    expect(JSON.parse(load.variables!)).toMatchObject({ dryRun: true, input: { language: 'EN' } });
  });
});
