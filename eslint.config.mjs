// Lint for the whole workspace. Module boundaries are enforced with real tags (no allow-all):
// apps may import libs, libs never import apps, contracts and money import nothing of ours,
// services never import each other, web apps never import server libraries.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/.data/**', '**/.nx/**', '**/coverage/**', 'bench/results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    // Project sources; config files beside them (jest.config.cjs) may reach the shared tooling.
    files: ['apps/*/src/**/*.{ts,tsx,js,mjs,cjs}', 'libs/*/src/**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:lib-shared', onlyDependOnLibsWithTags: ['type:lib-shared'] },
            { sourceTag: 'type:lib-server', onlyDependOnLibsWithTags: ['type:lib-shared', 'type:lib-server'] },
            { sourceTag: 'type:lib-web', onlyDependOnLibsWithTags: ['type:lib-shared', 'type:lib-web'] },
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib-shared', 'type:lib-server'] },
            { sourceTag: 'type:web-app', onlyDependOnLibsWithTags: ['type:lib-shared', 'type:lib-web'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib-shared', 'type:tool'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib-shared', 'type:lib-server', 'type:tool'] },
            { sourceTag: 'scope:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:money', onlyDependOnLibsWithTags: [] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.cjs', '**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
