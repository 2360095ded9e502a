/**
 * ESLint 9 flat config: eslint-plugin-office-addins (its `react` config, which contains
 * `recommended`: Office.js load/sync rules, prettier, eslint:recommended) + typescript-eslint.
 * No type-aware rules: they would cost minutes per run on a 2-core machine; `tsc --noEmit` does the typing.
 */
import officeAddins from 'eslint-plugin-office-addins';
import tseslint from 'typescript-eslint';

const CODE = ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'];

/**
 * The plugin ships its configs with its own copy of typescript-eslint (8.8). ESLint refuses two
 * different objects under one plugin name, so its configs are re-pointed at the project's
 * typescript-eslint, and their `files` widened to .tsx/.jsx (the plugin's list misses them, which
 * would leave the task pane's components unchecked by the Office.js rules).
 */
function withProjectTypescriptEslint(configs) {
  return configs.map((config) => {
    const adopted = { ...config };
    if (config.plugins?.['@typescript-eslint']) {
      adopted.plugins = { ...config.plugins, '@typescript-eslint': tseslint.plugin };
    }
    if (config.languageOptions?.parser) {
      // The plugin pins ecmaVersion 6, which rejects syntax the project uses (ES2020 target).
      adopted.languageOptions = { ...config.languageOptions, parser: tseslint.parser, ecmaVersion: 'latest' };
    }
    if (config.files) {
      adopted.files = CODE;
    }
    return adopted;
  });
}

/**
 * The only code written against the Office.js API (src/excel per the architecture, the pane, the
 * function file, and their tests). Elsewhere the Office.js load/sync rules misfire: src/cli drives
 * ExcelJS, whose `sheet.getCell(…).numFmt` looks like an unloaded proxy to them, and
 * src/memoryExcel implements the API rather than calling it.
 */
const OFFICE_JS_CODE = [
  'src/excel/**',
  'src/taskpane/**',
  'src/playground/**',
  'src/commands/**',
  'test/excel/**',
  'test/taskpane/**',
  'test/bench/excel.ts',
];
const officeJsRulesOff = Object.fromEntries(
  Object.keys(officeAddins.rules).map((name) => [`office-addins/${name}`, 'off']),
);

const nodeGlobals = Object.fromEntries(
  [
    'require',
    'module',
    'exports',
    '__dirname',
    '__filename',
    'process',
    'console',
    'Buffer',
    'URL',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
  ].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-output/', 'coverage/'] },
  ...withProjectTypescriptEslint(officeAddins.configs.react),
  ...tseslint.configs.recommended,
  {
    files: CODE,
    rules: {
      // The automatic JSX runtime (tsconfig "jsx": "react-jsx") needs no React in scope.
      'react/react-in-jsx-scope': 'off',
      'react/jsx-uses-react': 'off',
      // Props are typed by TypeScript.
      'react/prop-types': 'off',
      // Formatting is Prettier's job (`npm run format`, `npm run format:check`), not a lint failure:
      // running it inside ESLint doubles lint time and fails CI over whitespace.
      'prettier/prettier': 'off',
      // An unused argument named _x is deliberate (interface conformance, callbacks).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: CODE, ignores: OFFICE_JS_CODE, rules: officeJsRulesOff },
  {
    // Plain JavaScript here is Node tooling: webpack config, start script, the CLI launcher.
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: nodeGlobals },
    rules: {
      // CommonJS files (webpack.config.js, src/cli/bin.js) load modules with require by design.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
);
