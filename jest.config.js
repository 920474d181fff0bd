/** @type {import('jest').Config} */
const swc = ['@swc/jest', { swcrc: true }];
// file-type (the file store's sniffer) and its dependencies are ESM only. Node >= 20.19 require()s
// them natively; Jest's module loader cannot, so Jest compiles them to CommonJS with swc.
const ESM_ONLY = [
  'file-type',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@tokenizer/inflate',
  '@borewit/text-codec',
  // unpdf (PDF text extraction in the documents' tests) loads pdf.js as an ES module
  'unpdf',
];
const swcJs = [
  '@swc/jest',
  { swcrc: false, jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
];
const transform = {
  '^.+\\.ts$': swc,
  [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: swcJs,
  '/node_modules/unpdf/dist/pdfjs\\.mjs$': swcJs,
};
const transformIgnorePatterns = [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`];
const moduleNameMapper = {
  '^@peixun/(core|org|policy|planning|classes|enrollment|attendance|surveys|exams|evaluations|assessment)$':
    '<rootDir>/libs/$1/src',
  '^@peixun/(core|org|policy|planning|classes|enrollment|attendance|surveys|exams|evaluations|assessment)/(.*)$':
    '<rootDir>/libs/$1/src/$2',
  // its "exports" offer only the import / module-sync conditions, which Jest does not resolve
  '^file-type$': '<rootDir>/node_modules/file-type/index.js',
  '^unpdf/pdfjs$': '<rootDir>/node_modules/unpdf/dist/pdfjs.mjs',
};

module.exports = {
  // The end-to-end files share one database and one queue prefix: run files one at a time.
  maxWorkers: 1,
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'],
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // the web app in a real browser (Playwright driving the system Chromium) against the real API
      displayName: 'web',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/web/**/*.web-spec.ts'],
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
