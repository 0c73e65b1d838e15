// Browser (test bundle only): the same library, wrapped at bundle time by
// officeLibraryLoader.js so the page needs no eval.

const wrapped = require('@microsoft/office-js/dist/excel-web-16.00.debug.js') as (win: Record<string, unknown>) => void;

export function runOfficeLibrary(win: Record<string, unknown>): void {
  wrapped(win);
}
