import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j } from '../../src/dev/local-neo4j.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUsername: string;
    neo4jPassword: string;
    neo4jDatabase: string;
  }
}

/**
 * Starts one throw-away Neo4j for the whole run when NEO4J_URI is not set; with NEO4J_URI the
 * tests use that server (and its NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = process.env.NEO4J_DATABASE || 'neo4j';
  project.provide('neo4jDatabase', database);
  if (process.env.NEO4J_URI) {
    project.provide('neo4jUri', process.env.NEO4J_URI);
    project.provide('neo4jUsername', process.env.NEO4J_USERNAME || 'neo4j');
    project.provide('neo4jPassword', process.env.NEO4J_PASSWORD ?? '');
    return async () => {};
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'dossier-test-neo4j-'));
  const started = performance.now();
  const neo4j = await startLocalNeo4j({ port: 0, dataDir, onLog: () => {} });
  process.stderr.write(`test Neo4j ready at ${neo4j.uri} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  project.provide('neo4jUri', neo4j.uri);
  project.provide('neo4jUsername', '');
  project.provide('neo4jPassword', '');
  return async () => {
    await neo4j.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
