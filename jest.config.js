// The suites: fast unit tests, the LibreOffice recalculation stage, the
// real-browser task pane tests, the hostile corpus, the real-world corpus and
// the printed (PDF) look of the report.
// `npm test` runs them all.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
const base = { testEnvironment: 'node', transform: { '^.+\\.tsx?$': tsJest }, moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] };

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts?(x)'] },
    { ...base, displayName: 'recalc', testMatch: ['<rootDir>/test/recalc/**/*.test.ts'] },
    { ...base, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] },
    { ...base, displayName: 'hostile', testMatch: ['<rootDir>/test/hostile/**/*.test.ts'] },
    // 691 real-world files from ../shared/realworld through the command line (issue 11).
    { ...base, displayName: 'realworld', testMatch: ['<rootDir>/test/realworld/**/*.test.ts'] },
    { ...base, displayName: 'visual', testMatch: ['<rootDir>/test/visual/**/*.test.ts'] },
  ],
};
