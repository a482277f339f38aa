import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  from: string;
  name?: string;
  instructions: Instruction[];
}

/** Dockerfile instructions, continuation lines joined, comments dropped, split into stages. */
function parseDockerfile(text: string): { args: Record<string, string>; stages: Stage[] } {
  const lines = text.replace(/\\\n/g, ' ').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of lines) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    const instruction = { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    if (instruction.keyword === 'FROM') {
      const [image = '', as, name] = rest;
      stages.push({ from: image.replace(/\$\{(\w+)\}/g, (_, arg: string) => args[arg] ?? ''), name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (stages.length === 0 && instruction.keyword === 'ARG') {
      const [name = '', value = ''] = instruction.args.split('=');
      args[name] = value;
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return { args, stages };
}

interface ComposeService {
  image?: string;
  build?: unknown;
  restart?: string;
  ports?: string[];
  environment?: Record<string, string | number>;
  healthcheck?: { test: string[] | string };
}

describe('Dockerfile', () => {
  const { stages } = parseDockerfile(read('Dockerfile'));
  const runtime = stages.at(-1)!;
  const find = (keyword: string) => runtime.instructions.filter((instruction) => instruction.keyword === keyword);

  it('is multi-stage on a current LTS Node, and the runtime stage runs node dist/main.js as a non-root user', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.from).toMatch(/^node:(22|24)[.-]/);
    expect(find('USER').at(-1)?.args).toMatch(/^(node|\d{3,})$/);
    expect(JSON.parse(find('CMD').at(-1)!.args)).toEqual(['node', 'dist/main.js']);
    expect(runtime.instructions.map((instruction) => instruction.args).join('\n')).not.toMatch(/\btsx\b|npm (start|run)/);
  });

  it('ships production dependencies only, and checks /ready', () => {
    const nodeModules = find('COPY').find((copy) => /\/app\/node_modules/.test(copy.args));
    const source = /--from=(\S+)/.exec(nodeModules?.args ?? '')?.[1];
    const dependencies = stages.find((stage) => stage.name === source);
    const install = dependencies?.instructions.find((instruction) => instruction.keyword === 'RUN' && /npm ci/.test(instruction.args));
    expect(install?.args).toMatch(/--omit=dev/);
    expect(find('HEALTHCHECK').at(-1)?.args).toMatch(/\/ready/);
    expect(find('ENV').map((env) => env.args).join(' ')).toMatch(/NODE_ENV=production/);
  });
});

describe('docker-compose.yml', () => {
  const text = read('docker-compose.yml');
  const compose = parse(text) as { services: Record<string, ComposeService> };
  const api = compose.services.api!;
  const neo4j = compose.services.neo4j!;

  it('gives the API a healthcheck on /ready and a restart policy, and requires API_KEY', () => {
    expect(JSON.stringify(api.healthcheck?.test)).toMatch(/\/ready/);
    expect(api.restart).toMatch(/^(always|unless-stopped|on-failure)/);
    expect(String(api.environment?.API_KEY)).toMatch(/^\$\{API_KEY:\?.+\}$/);
  });

  it('publishes no Neo4j port and no default password', () => {
    expect(neo4j.ports).toBeUndefined();
    expect(String(neo4j.environment?.NEO4J_AUTH)).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD:\?.+\}$/);
    expect(String(api.environment?.NEO4J_PASSWORD)).toMatch(/^\$\{NEO4J_PASSWORD:\?.+\}$/);
    // No `${VAR:-default}` for any secret anywhere in the file.
    expect(text).not.toMatch(/\$\{(NEO4J_PASSWORD|API_KEY):-/);
  });
});
