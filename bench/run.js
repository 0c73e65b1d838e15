#!/usr/bin/env node
// `npm run bench`: compiles the benchmark (plain tsc, no ts-node) and runs it.
// Figures are printed and written to bench/results.json.
const { execFileSync } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');
const entry = path.join(root, 'dist', 'bench', 'bench', 'main.js');
try {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(__dirname, 'tsconfig.json')], { stdio: 'inherit', cwd: root });
} catch (e) {
  // tsc still emits JavaScript on type errors (possibly in code outside bench/); measure anyway, but say so.
  if (!require('fs').existsSync(entry)) throw e;
  console.warn('bench: tsc meldde typefouten; de benchmark draait met de toch uitgevoerde JavaScript.');
}
// tsc copies no .js sources: the Office.js library loader the fake host uses is copied beside its compiled caller.
const loader = path.join('test', 'support', 'fakeExcel', 'officeLibraryLoader.js');
require('fs').copyFileSync(path.join(root, loader), path.join(root, 'dist', 'bench', loader));
require(entry)
  .main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
