// One Jest config, two tiers: `unit` (*.spec.ts next to the code) and `integration`
// (apps/api/test/*.int-spec.ts: the real HTTP app on a real database, see scripts/test.sh).
const { readFileSync } = require('node:fs');

const readJson = (file) => JSON.parse(readFileSync(`${__dirname}/${file}`, 'utf8'));
const { jsc, module: swcModule } = readJson('apps/api/.swcrc');
const { paths } = readJson('tsconfig.base.json').compilerOptions;

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    // Same compiler settings as the build (decorator metadata for Nest); aliases resolved below.
    '^.+\\.[tj]s$': ['@swc/jest', { swcrc: false, module: swcModule, jsc: { ...jsc, baseUrl: undefined, paths: undefined } }],
  },
  // ES-module-only dependencies: Node 20 loads them with require(esm), Jest's runtime cannot.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|@nestjs/passport|jose|oauth4webapi|openid-client)/)'],
  moduleNameMapper: Object.fromEntries(
    Object.entries(paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target.replace(/^\.\//, '')}`]),
  ),
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/apps/admin/', '<rootDir>/apps/admin-e2e/'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools,docker}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/apps/api/test/**/*.int-spec.ts'],
    },
  ],
  // Integration tests start servers and databases; Jest reads this only at the top level.
  testTimeout: 60_000,
  // The second one notes the running test for scripts/test.sh's deadline (JEST_PROGRESS_FILE).
  reporters: ['default', '<rootDir>/tools/jest-progress-reporter.js'],
};
