import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { removeFixture, writeFixture } from '../support/fixture-graph.js';
import { createTestApp, execute, uniqueTag, type TestApp } from '../support/services.js';

/**
 * Each query limit (src/config.ts, enforced by the GraphQL Armor plugins and the cost plugin in
 * src/server/yoga.ts and by the resolvers) with a query just under it and one just over it, and
 * the realistic queries the defaults are sized for. Refusals carry QUERY_TOO_COMPLEX.
 */

const tag = uniqueTag('lim');
const agency = `agency:${tag}-a`;
const tactic = `tactic:${tag}-t`;
const group = `target-group:${tag}-g`;
const defaults = loadConfig({}).limits;

/** agency -> tactics -> targets -> warnedBy with edges/node and the evidence's document: depth 12. */
const DEPTH_3_RELATIONS = (extra = '') => `query {
  entity(id: "${agency}") {
    id
    ... on Agency {
      tactics {
        edges {
          weight
          node {
            id
            targets {
              edges {
                node {
                  id
                  warnedBy {
                    edges {
                      weight
                      evidence { document { id ${extra} } }
                      node { id name }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}`;

const NEIGHBORHOOD = `query {
  neighborhood(ids: ["${agency}"], depth: 3, limit: 500) {
    truncated
    nodes { id type name degree generic distance }
    edges { id source target type weight }
  }
}`;

const codeOf = (result: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions?.code ?? result.errors?.[0]?.message;
const refusal = (result: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) => ({
  code: result.errors?.[0]?.extensions?.code,
  message: result.errors?.[0]?.message,
});

describe('query limits', () => {
  let app: TestApp;
  /** The same app with a tiny cost limit: its refusal says what a query costs. */
  let costProbe: TestApp;

  /** The cost of a query with its variables, as the server's own plugin computes it. */
  async function armorCost(query: string, variables: Record<string, unknown> = {}): Promise<number> {
    const result = await execute(costProbe.yoga, query, variables);
    const cost = result.errors?.[0]?.extensions?.cost;
    if (typeof cost !== 'number' || result.errors?.[0]?.extensions?.code !== 'QUERY_TOO_COMPLEX') {
      throw new Error(`no cost in ${JSON.stringify(result.errors)}`);
    }
    return cost;
  }

  beforeAll(async () => {
    app = await createTestApp();
    costProbe = await createTestApp({ MAX_QUERY_COST: '10' });
    await writeFixture(app.store, {
      entities: [
        { id: agency, type: 'Agency', name: `Agency ${tag}` },
        { id: tactic, type: 'Tactic', name: `Tactic ${tag}` },
        { id: group, type: 'TargetGroup', name: `Group ${tag}` },
      ],
      relations: [
        { type: 'USES', source: agency, target: tactic, docIds: [`document:${tag}`], evidence: [`document:${tag}:0:5`] },
        { type: 'TARGETS', source: tactic, target: group },
        { type: 'WARNS', source: agency, target: group, docIds: [`document:${tag}`], evidence: [`document:${tag}:0:5`] },
      ],
      documents: [{ id: `document:${tag}`, text: 'Text.' }],
    });
  });

  afterAll(async () => {
    await removeFixture(app.store, tag);
    await app.close();
    await costProbe.close();
  });

  it('lets the realistic depth-3 relation query and a depth-3 neighbourhood through the defaults', async () => {
    const relations = await execute(app.yoga, DEPTH_3_RELATIONS());
    expect(relations.errors).toBeUndefined();
    const warnedBy = (relations.data as any).entity.tactics.edges[0].node.targets.edges[0].node.warnedBy.edges;
    expect(warnedBy).toEqual([{ weight: 1, evidence: [{ document: { id: `document:${tag}` } }], node: { id: agency, name: `Agency ${tag}` } }]);

    const neighborhood = await execute(app.yoga, NEIGHBORHOOD);
    expect(neighborhood.errors).toBeUndefined();
    expect((neighborhood.data as any).neighborhood.nodes).toHaveLength(3);
  });

  it(`depth: ${defaults.maxDepth} passes, ${defaults.maxDepth + 1} is refused`, async () => {
    expect(defaults.maxDepth).toBe(12);
    expect((await execute(app.yoga, DEPTH_3_RELATIONS())).errors).toBeUndefined();
    const over = await execute(app.yoga, DEPTH_3_RELATIONS('entities { id }'));
    expect(over.data ?? null).toBeNull();
    expect(refusal(over)).toEqual({ code: 'QUERY_TOO_COMPLEX', message: 'Query depth limit of 12 exceeded, found 13.' });
  });

  it(`aliases: ${defaults.maxAliases} pass, ${defaults.maxAliases + 1} are refused`, async () => {
    const aliased = (count: number) =>
      `query { ${Array.from({ length: count }, (_, i) => `a${i}: entity(id: "${agency}") { id }`).join(' ')} }`;
    const under = await execute(app.yoga, aliased(defaults.maxAliases));
    expect(under.errors).toBeUndefined();
    expect(Object.keys(under.data as object)).toHaveLength(defaults.maxAliases);
    const over = await execute(app.yoga, aliased(defaults.maxAliases + 1));
    expect(refusal(over)).toEqual({ code: 'QUERY_TOO_COMPLEX', message: 'Aliases limit of 15 exceeded, found 16.' });
    // Aliases of __typename cost nothing to resolve but still count.
    const typenames = (count: number) => `query { ${Array.from({ length: count }, (_, i) => `t${i}: __typename`).join(' ')} }`;
    expect((await execute(app.yoga, typenames(defaults.maxAliases))).errors).toBeUndefined();
    expect(refusal(await execute(app.yoga, typenames(defaults.maxAliases + 1)))).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      message: 'Aliases limit of 15 exceeded, found 16.',
    });
  });

  it(`tokens: ${defaults.maxTokens} pass, ${defaults.maxTokens + 1} are refused`, async () => {
    // `query { search(query: "x", types: [AGENCY …]) { totalCount } }`: 16 tokens around the list.
    const withTokens = (tokens: number) =>
      `query { search(query: "x", types: [${'AGENCY '.repeat(tokens - 16)}]) { totalCount } }`;
    expect((await execute(app.yoga, withTokens(defaults.maxTokens))).errors).toBeUndefined();
    const over = await execute(app.yoga, withTokens(defaults.maxTokens + 1));
    expect(refusal(over)).toEqual({ code: 'QUERY_TOO_COMPLEX', message: 'Token limit of 2000 exceeded.' });
  });

  it('cost: the default lets 10 x 10 x 10 pages through and refuses 100 x 100 x 100', async () => {
    const paged = (first: number) =>
      `query { entity(id: "${agency}") { ... on Agency { tactics(first: ${first}) { edges { node { id targets(first: ${first}) {
         edges { node { id warnedBy(first: ${first}) { edges { node { id name } } } } } } } } } } } }`;
    expect(await armorCost(paged(10))).toBeLessThan(defaults.maxCost);
    expect((await execute(app.yoga, paged(10))).errors).toBeUndefined();
    expect(await armorCost(paged(100))).toBeGreaterThan(defaults.maxCost);
    const over = await execute(app.yoga, paged(100));
    expect(over.data ?? null).toBeNull();
    expect(codeOf(over)).toBe('QUERY_TOO_COMPLEX');
    expect(over.errors?.[0]?.message).toMatch(/^Query cost \d+ exceeds the limit of 500000/);
  });

  it('cost: a page size given through a variable counts as the same literal', async () => {
    const literal = (n: number) =>
      `query { entities(first: ${n}) { edges { node { id related(first: ${n}) { edges { node { id related(first: ${n}) {
         totalCount edges { node { id } } } } } } } } } }`;
    const withVariable = `query Nested($n: Int) { entities(first: $n) { edges { node { id related(first: $n) { edges { node { id
      related(first: $n) { totalCount edges { node { id } } } } } } } } } }`;
    expect(await armorCost(withVariable, { n: 100 })).toBe(await armorCost(literal(100)));
    expect(await armorCost(withVariable, { n: 5 })).toBe(await armorCost(literal(5)));
    const over = await execute(app.yoga, withVariable, { n: 100 });
    expect(over.data ?? null).toBeNull();
    expect(codeOf(over)).toBe('QUERY_TOO_COMPLEX');
    expect((await execute(app.yoga, withVariable, { n: 5 })).errors).toBeUndefined();
  });

  it('cost: document texts weigh what they fetch; a page of texts passes, 15 aliases of it do not', async () => {
    const texts = (aliases: number) =>
      `query { ${Array.from({ length: aliases }, (_, i) => `d${i}: documents(first: 100) { edges { node { text } } }`).join(' ')} }`;
    const one = await armorCost(texts(1));
    expect(one).toBeGreaterThan(100 * 100); // a text is worth far more than a field
    expect((await execute(app.yoga, texts(1))).errors).toBeUndefined();
    expect(codeOf(await execute(app.yoga, texts(15)))).toBe('QUERY_TOO_COMPLEX');
  });

  it('cost: a query costing exactly the limit passes, one point less of limit refuses it', async () => {
    const query = DEPTH_3_RELATIONS();
    const cost = await armorCost(query);
    expect(Number.isFinite(cost)).toBe(true);
    const atLimit = await createTestApp({ MAX_QUERY_COST: String(Math.ceil(cost)) });
    const belowLimit = await createTestApp({ MAX_QUERY_COST: String(Math.ceil(cost) - 1) });
    try {
      expect((await execute(atLimit.yoga, query)).errors).toBeUndefined();
      expect(codeOf(await execute(belowLimit.yoga, query))).toBe('QUERY_TOO_COMPLEX');
    } finally {
      await atLimit.close();
      await belowLimit.close();
    }
  });

  it(`page size: first ${defaults.maxPageSize} passes, ${defaults.maxPageSize + 1} is refused`, async () => {
    const pages = (first: number) => [
      `query { entities(first: ${first}) { edges { node { id } } } }`,
      `query { entity(id: "${agency}") { ... on Agency { tactics(first: ${first}) { edges { node { id } } } } } }`,
      `query { entity(id: "${agency}") { related(first: ${first}) { totalCount } } }`,
      `query { search(query: "${tag}", first: ${first}) { edges { score } } }`,
      `query { timeline(first: ${first}) { edges { node { id } } } }`,
      `query { timeline(last: ${first}) { edges { node { id } } } }`,
    ];
    for (const query of pages(defaults.maxPageSize)) expect((await execute(app.yoga, query)).errors, query).toBeUndefined();
    for (const query of pages(defaults.maxPageSize + 1)) expect(codeOf(await execute(app.yoga, query)), query).toBe('BAD_USER_INPUT');
  });

  it('graph views: depth 3, 500 nodes and paths of 6 pass; one more is refused', async () => {
    const view = (args: string) => `query { neighborhood(ids: ["${agency}"], ${args}) { nodes { id } } }`;
    expect((await execute(app.yoga, view('depth: 3'))).errors).toBeUndefined();
    expect(codeOf(await execute(app.yoga, view('depth: 4')))).toBe('BAD_USER_INPUT');
    expect((await execute(app.yoga, view(`limit: ${defaults.maxGraphNodes}`))).errors).toBeUndefined();
    expect(codeOf(await execute(app.yoga, view(`limit: ${defaults.maxGraphNodes + 1}`)))).toBe('BAD_USER_INPUT');
    const subgraph = (limit: number) => `query { subgraph(filter: { search: "${tag}" }, limit: ${limit}) { nodes { id } } }`;
    expect((await execute(app.yoga, subgraph(defaults.maxGraphNodes))).errors).toBeUndefined();
    expect(codeOf(await execute(app.yoga, subgraph(defaults.maxGraphNodes + 1)))).toBe('BAD_USER_INPUT');
    const path = (maxDepth: number) => `query { shortestPath(from: "${agency}", to: "${group}", maxDepth: ${maxDepth}) { nodes { id } } }`;
    expect((await execute(app.yoga, path(defaults.maxPathDepth))).errors).toBeUndefined();
    expect(codeOf(await execute(app.yoga, path(defaults.maxPathDepth + 1)))).toBe('BAD_USER_INPUT');
  });
});
