#!/usr/bin/env node
// `npm run bench`: compiles the benchmark (plain tsc, no ts-node) and runs it.
// Figures are printed and written to bench/results.json.
const { execFileSync } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(__dirname, 'tsconfig.json')], { stdio: 'inherit', cwd: root });
require(path.join(root, 'dist', 'bench', 'bench', 'main.js'))
  .main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
