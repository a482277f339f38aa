import { defineConfig } from 'vitest/config';

/**
 * Two projects: pure unit tests run anywhere in parallel; integration tests share one real
 * Neo4j (started once by the global setup unless NEO4J_URI is set) and run one file at a time,
 * since canonical ids are shared across documents and Community has one user database.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/extraction/**/*.test.ts'],
        },
      },
      {
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
