import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql ships both index.mjs and index.js: Vite picks the first for our files, Node the second
// for Pothos and Yoga, and graphql refuses a schema made by the other copy. One copy for all.
const resolve = { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }] };

/**
 * Two projects: pure unit tests run anywhere in parallel; integration tests share one real
 * Neo4j (started once by the global setup unless NEO4J_URI is set) and run one file at a time,
 * since canonical ids are shared across documents and Community has one user database.
 */
export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/extraction/**/*.test.ts'],
        },
      },
      {
        resolve,
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/unit/**', 'tests/extraction/**'],
          globalSetup: ['tests/setup/neo4j.global.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
