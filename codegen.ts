import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations (client preset) from the committed SDL, for the tests and for front-end
 * users; Pothos already types the resolvers. `npm run codegen` after `npm run schema:print`.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['tests/**/*.ts', 'bench/**/*.ts', '!tests/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'tests/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, skipTypename: true, importExtension: '.js' },
    },
  },
};

export default config;
