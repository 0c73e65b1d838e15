#!/usr/bin/env node
'use strict';
// Thin launcher; the command line lives in src/cli/toetsblad.ts (built to dist/).
let cli;
try {
  cli = require('../dist/cli/toetsblad.js');
} catch {
  process.stderr.write('toetsblad: de command line is nog niet gebouwd; voer eerst "npm run build:cli" uit.\n');
  process.exit(1);
}
cli.main(process.argv.slice(2)).then((code) => process.exit(code));
