import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations (client preset) from the committed SDL: one set for the tests and benchmarks,
 * one for the explorer page (src/explorer). Pothos already types the resolvers.
 * `npm run codegen` after `npm run schema:print`.
 */
const clientConfig = {
  preset: 'client',
  presetConfig: { fragmentMasking: false },
  config: {
    useTypeImports: true,
    enumsAsTypes: true,
    skipTypename: true,
    importExtension: '.js',
    scalars: { JSON: 'unknown' },
  },
} as const;

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    'tests/gql/': { ...clientConfig, documents: ['tests/**/*.ts', 'bench/**/*.ts', '!tests/gql/**'] },
    // Strings, not parsed documents: the page sends them as they are, with no graphql-js in its bundle.
    'src/explorer/gql/': {
      ...clientConfig,
      documents: ['src/explorer/**/*.ts', '!src/explorer/gql/**'],
      config: { ...clientConfig.config, documentMode: 'string' },
    },
  },
};

export default config;
