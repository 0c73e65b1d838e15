// Node: Microsoft's Excel client library from node_modules, compiled once per
// process and run in a private scope (see officeLibrary.ts). The browser test
// bundle swaps this module for librarySource.browser.ts.

import * as fs from 'fs';

export const OFFICE_LIBRARY_FILE = require.resolve('@microsoft/office-js/dist/excel-web-16.00.debug.js');

let compiled: ((win: Record<string, unknown>) => void) | undefined;

export function runOfficeLibrary(win: Record<string, unknown>): void {
  const { wrapBody } = require('./officeLibraryLoader') as { wrapBody: (source: string) => string };
  compiled ??= new Function('__win', wrapBody(fs.readFileSync(OFFICE_LIBRARY_FILE, 'utf8'))) as (win: Record<string, unknown>) => void;
  compiled(win);
}
