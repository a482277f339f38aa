import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Layers of src/, from the bottom: each imports only the layers below it (and the shared
 * errors.ts, config.ts, logger.ts at the root of src/). cli/, main.ts, bootstrap.ts and dev/ (tools
 * for development, such as the Neo4j launcher) sit on top and may import anything.
 */
const LAYERS = ['domain', 'extraction', 'store', 'ingestion', 'schema', 'server'];
const TOP = ['cli', 'dev'];
const TOP_FILES = ['bootstrap', 'main'];

function layerRule(layer, index) {
  const above = [...LAYERS.slice(index + 1), ...TOP];
  return {
    files: [`src/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `(^|/)(${above.join('|')})/`,
              message: `src/${layer}/ may import only the layers below it (${LAYERS.slice(0, index).join(', ') || 'none'}).`,
            },
            {
              regex: `^(\\.\\./)+(${TOP_FILES.join('|')})\\.js$`,
              message: `src/${layer}/ may not import the start-up modules.`,
            },
            ...(layer === 'domain'
              ? [{ regex: '^(\\.\\./)+(config|logger)\\.js$', message: 'src/domain/ holds rules only: no config, no logger.' }]
              : []),
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'tests/gql/', '.neo4j/', 'bench/reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  ...LAYERS.map(layerRule),
);
