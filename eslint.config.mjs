import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

// The operator tooling reads messaging's dead letters and parked events; messaging's integration tests
// drive that tooling against their probe consumer. Only tests close the loop: messaging's code cannot
// import the tooling (type:data-access does not depend on type:tooling).
const TESTS_OF_OPERATOR_TOOLS = [['messaging', 'operator-tools']];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  prettier,
  {
    ignores: ['**/node_modules', '**/dist', '.local/**', '.nx/**', 'coverage/**', '**/*.mjs', '**/*.js'],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // Layer rules live here, not in reviewers' memory: services reach each other only through
      // contracts, and tests' helpers never leak into production code.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          ignoredCircularDependencies: TESTS_OF_OPERATOR_TOOLS,
          depConstraints: [
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:data-access', 'type:util'],
            },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:data-access', 'type:util'],
            },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            // Operator tooling (@vouch/operator-tools): for tools/ and tests, never for a service.
            {
              sourceTag: 'type:tooling',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:data-access', 'type:util'],
            },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: [
                'type:contracts',
                'type:data-access',
                'type:util',
                'type:tooling',
                'type:testing',
              ],
            },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:identity', onlyDependOnLibsWithTags: ['scope:shared', 'scope:identity'] },
            {
              sourceTag: 'scope:connections',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:connections'],
            },
            {
              sourceTag: 'scope:recommendations',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:recommendations'],
            },
            {
              sourceTag: 'scope:notifications',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:notifications'],
            },
            { sourceTag: 'scope:portal', onlyDependOnLibsWithTags: ['scope:shared', 'scope:portal'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests may import the testing lib from any project.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          ignoredCircularDependencies: TESTS_OF_OPERATOR_TOOLS,
          depConstraints: [{ sourceTag: '*', onlyDependOnLibsWithTags: ['*'] }],
        },
      ],
    },
  },
];
