// ESLint (flat config) with typescript-eslint, type-aware. Besides the usual checks it guards the
// architecture: the engine (src/core), the CLI and the server never import the editor API or the editor
// layer, and each editor feature (src/editor/<feature>/) keeps out of the others' folders.
// @ts-check
import tseslint from 'typescript-eslint';

const layerMessage = 'src/core, src/cli and src/server run without the editor: they never import vscode or src/editor.';
const featureMessage =
  'Editor features do not import each other\'s modules: use the shared contracts and helpers in src/editor/*.ts (services, lifecycle, log, config) or move the code to src/core.';

/** Imports forbidden to code that runs without the editor (the CLI, the server, the core). */
const withoutEditor = (extra = []) => [
  'error',
  {
    paths: [{ name: 'vscode', message: layerMessage }],
    patterns: [{ regex: '(^|/)editor(/|$)|(^|/)extension$', message: layerMessage }, ...extra],
  },
];

/** For a file `depth` folders below a feature folder (0: src/editor/<feature>/x.ts): the sibling features' folders. */
const siblingFeature = (depth) => {
  const up = '\\.\\./'.repeat(depth + 1);
  return { regex: `^${up}(?!\\.\\.)[^/]+/|^${up}\\.\\./editor/[^/]+/`, message: featureMessage };
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-output/**', 'bench-output/**', '.vscode-test/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // `import vscode = require('vscode')` is the editor layer's one import shape for the editor API.
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A `let` that a callback defined before its one assignment reads (e.g. a signal handler) stays a `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': withoutEditor([
        { regex: '(^|/)(cli|server)(/|$)', message: 'src/core is the shared engine: it does not import the CLI or the server.' },
      ]),
    },
  },
  { files: ['src/cli/**/*.ts', 'src/server/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': withoutEditor() } },
  {
    // Shared editor modules are below the features: they import no feature.
    files: ['src/editor/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ regex: '^\\./[^/]+/', message: featureMessage }] }] },
  },
  { files: ['src/editor/*/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [siblingFeature(0)] }] } },
  { files: ['src/editor/*/*/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [siblingFeature(1)] }] } },
  {
    files: ['src/editor/**/*.ts', 'src/extension.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='vscode']",
          message: "Import the editor API as `import vscode = require('vscode')` (or `import type vscode = require('vscode')`): esbuild copies the whole API for every `import * as vscode` in the bundle.",
        },
      ],
    },
  },
);
